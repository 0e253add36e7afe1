import { readFileSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { networkInterfaces } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY_HEADER } from './web-content-policy'
import { SECRET_HEADERS, startTestServer, VALID_WORKBOOK, type TestServer } from './web-server.test-support'
import { TEXT_APART_HEADER, joinForWire, readTextApart, splitArgs } from '../bridge/text-apart'

/** A raw request, so paths like /../ reach the server as written (fetch would normalise them). */
function raw(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string; host?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = httpRequest(
      { host: options.host ?? '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    if (options.body !== undefined) req.write(options.body)
    req.end()
  })
}

describe('web server (real HTTP on an ephemeral port)', () => {
  let t: TestServer
  let port: number
  const api = async (method: string, args: Record<string, unknown> = {}) => {
    const response = await fetch(`${t.server.url}api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...SECRET_HEADERS }, body: JSON.stringify(args) })
    return (await response.json()) as { ok: boolean; value?: any; error?: string }
  }

  beforeAll(async () => {
    t = await startTestServer()
    port = t.server.port
  })
  afterAll(async () => {
    await t.server.close()
  })

  it('listens on 127.0.0.1 only and says so in its URL', () => {
    const address = t.server.server.address()
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1')
    expect(t.server.url).toBe(`http://127.0.0.1:${port}/`)
  })

  it('is not reachable on the machine’s other addresses', async () => {
    const external = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal)
    const target = external?.address ?? '::1'
    await expect(raw(port, '/', { host: target })).rejects.toThrow()
  })

  it('serves index.html with the CSP header and the right MIME types', async () => {
    const page = await raw(port, '/')
    expect(page.status).toBe(200)
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY_HEADER)
    expect(page.headers['x-content-type-options']).toBe('nosniff')
    expect(page.body).toContain('<title>Gradsheet</title>')
    expect((await raw(port, '/assets/app.js')).headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect((await raw(port, '/assets/style.css')).headers['content-type']).toBe('text/css; charset=utf-8')
    expect((await raw(port, '/assets/missing.js')).status).toBe(404)
    expect((await raw(port, '/favicon.ico')).status).toBe(204)
  })

  it('blocks every way out of the renderer folder', async () => {
    for (const path of ['/../outside-secret.txt', '/assets/../../outside-secret.txt', '/%2e%2e/outside-secret.txt', '/..%2foutside-secret.txt', '/assets/..%5c..%5coutside-secret.txt', '/%00index.html', '/%E0%A4%A']) {
      const response = await raw(port, path)
      expect([400, 404], path).toContain(response.status)
      expect(response.body, path).not.toContain('top secret')
    }
  })

  it('answers only to its own host names (no DNS rebinding)', async () => {
    expect((await raw(port, '/', { headers: { Host: 'evil.example' } })).status).toBe(421)
    expect((await raw(port, '/', { headers: { Host: `localhost:${port}` } })).status).toBe(200)
  })

  it('refuses API calls from other sites, without JSON, or not POST', async () => {
    const path = join(t.files, 'csrf.gradsheet')
    const body = JSON.stringify({ path, text: VALID_WORKBOOK })
    const crossSite = await raw(port, '/api/saveAs', { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example', ...SECRET_HEADERS }, body })
    expect(crossSite.status).toBe(403)
    const form = await raw(port, '/api/saveAs', { method: 'POST', headers: { 'Content-Type': 'text/plain', ...SECRET_HEADERS }, body })
    expect(form.status).toBe(415)
    expect((await raw(port, '/api/listExamples', { headers: SECRET_HEADERS })).status).toBe(405)
    expect(() => readFileSync(path)).toThrow()
    const sameSite = await raw(port, '/api/listExamples', { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: `http://127.0.0.1:${port}`, ...SECRET_HEADERS }, body: '{}' })
    expect(sameSite.status).toBe(200)
  })

  it('open/save round trip through a temporary file', async () => {
    const path = join(t.files, 'model.gradsheet')
    const saved = await api('saveAs', { path, text: VALID_WORKBOOK })
    expect(saved).toEqual({ ok: true, value: { ok: true, path, name: 'model.gradsheet' } })
    expect(readFileSync(path, 'utf8')).toBe(VALID_WORKBOOK)
    const opened = await api('openPath', { path })
    expect(opened).toEqual({ ok: true, value: { path, name: 'model.gradsheet', text: VALID_WORKBOOK } })
    expect((await api('recentFiles')).value).toEqual([path])
  })

  it('sends an opened workbook’s text apart from the JSON when the page asks, and plain JSON otherwise', async () => {
    const path = join(t.files, 'apart.gradsheet')
    const text = VALID_WORKBOOK.replace('{', '{\n  "title": "line\\nbreak \u00e9",')
    writeFileSync(path, text)
    const post = (headers: Record<string, string>) =>
      fetch(`${t.server.url}api/openPath`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...SECRET_HEADERS, ...headers }, body: JSON.stringify({ path }) })
    const apart = await post({ [TEXT_APART_HEADER]: '1' })
    expect(apart.headers.get('content-type')).toMatch(/^application\/x-gradsheet-text-apart/)
    expect(apart.headers.get('x-content-type-options')).toBe('nosniff')
    const body = await apart.text()
    expect(body.slice(body.indexOf('\n') + 1)).toBe(text)
    expect(readTextApart(body)).toEqual({ ok: true, value: { path, name: 'apart.gradsheet', text } })
    expect(await (await post({})).json()).toEqual({ ok: true, value: { path, name: 'apart.gradsheet', text } })
    // A refusal is plain JSON either way.
    const refused = await (await fetch(`${t.server.url}api/openPath`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...SECRET_HEADERS, [TEXT_APART_HEADER]: '1' }, body: JSON.stringify({ path: join(t.files, 'none.gradsheet') }) })).json()
    expect(refused).toMatchObject({ ok: false })
  })

  it('takes a workbook’s text apart from the JSON in a request (save), and refuses a body not in that form', async () => {
    const path = join(t.files, 'saved-apart.gradsheet')
    const text = VALID_WORKBOOK.replace('{', '{\n  "title": "two\\nlines \u00e9",')
    const send = (body: string) =>
      fetch(`${t.server.url}api/saveAs`, { method: 'POST', headers: { 'Content-Type': 'application/x-gradsheet-text-apart; charset=utf-8', ...SECRET_HEADERS }, body })
    const saved = await (await send(joinForWire(splitArgs({ path, text })!))).json()
    expect(saved).toEqual({ ok: true, value: { ok: true, path, name: 'saved-apart.gradsheet' } })
    expect(readFileSync(path, 'utf8')).toBe(text)
    for (const bad of ['no head line', '{oops\ntext', '["path"]\ntext']) {
      const refused = await send(bad)
      expect(refused.status).toBe(400)
      expect(await refused.json()).toEqual({ ok: false, error: 'The request body is not valid JSON.' })
    }
  })

  it('forgetRecent takes a file the page refused off the recent list; the other entries stay', async () => {
    const good = join(t.files, 'kept.gradsheet')
    const refused = join(t.files, 'refused-by-page.gradsheet')
    writeFileSync(good, VALID_WORKBOOK)
    // Declared a workbook (so it is read and remembered); the page's restore step refuses version 99.
    writeFileSync(refused, VALID_WORKBOOK.replace('"version":1', '"version":99'))
    expect((await api('openPath', { path: good })).ok).toBe(true)
    expect((await api('openPath', { path: refused })).ok).toBe(true)
    expect((await api('recentFiles')).value.slice(0, 2)).toEqual([refused, good])
    expect(await api('forgetRecent', { path: refused })).toEqual({ ok: true, value: null })
    expect((await api('recentFiles')).value).not.toContain(refused)
    expect((await api('recentFiles')).value[0]).toBe(good)
  })

  it('an invalid file gives a clear error, and the file is left as it was', async () => {
    const path = join(t.files, 'broken.gradsheet')
    writeFileSync(path, '{"format": "gradsheet", "version": 1, "sheets": [')
    const opened = await api('openPath', { path })
    expect(opened.ok).toBe(false)
    expect(opened.error).toMatch(/broken\.gradsheet/)
    expect(opened.error).toMatch(/JSON/)
    expect(readFileSync(path, 'utf8')).toBe('{"format": "gradsheet", "version": 1, "sheets": [')
    const missing = await api('openPath', { path: join(t.files, 'nope.gradsheet') })
    expect(missing).toEqual({ ok: false, error: `Cannot open ${join(t.files, 'nope.gradsheet')}: there is no readable Gradsheet workbook at that path.` })
  })

  it('writes an exported graph (SVG text) atomically', async () => {
    const path = join(t.files, 'graph.svg')
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"></svg>'
    expect((await api('exportFile', { path, data: svg, encoding: 'utf8' })).value).toEqual({ ok: true, path, name: 'graph.svg' })
    expect(readFileSync(path, 'utf8')).toBe(svg)
  })

  it('validates arguments exactly as the IPC handlers do', async () => {
    expect((await api('openPath', { path: 42 })).error).toMatch(/must be text/)
    expect((await api('openPath', { path: 'relative.gradsheet' })).error).toMatch(/absolute/)
    expect((await api('saveAs', { path: join(t.files, 'x.txt'), text: '' })).value.error).toMatch(/\.gradsheet/)
    expect((await api('saveAs', { path: join(t.files, 'x.gradsheet'), text: ['no'] })).value.error).toMatch(/must be text/)
    expect((await api('openExample', { id: '../../etc/passwd' })).error).toMatch(/not a valid example id/)
    expect((await api('writeBackup', { document: { id: 'd', path: null, name: 'a' }, text: 5 })).error).toMatch(/must be text/)
    expect((await api('writeBackup', { document: { id: '../d', path: null, name: 'a' }, text: '' })).error).toMatch(/document id/)
    expect((await api('writeBackup', { text: '' })).error).toMatch(/document must be an object/)
    expect((await api('setDocumentState', { state: { name: 'a', modified: 'no' } })).error).toMatch(/true or false/)
    expect((await api('exportFile', { path: join(t.files, 'g.sh'), data: '<svg></svg>', encoding: 'utf8' })).value.error).toMatch(/\.svg or \.png/)
    expect((await api('exportFile', { path: join(t.files, 'g.png'), data: 'aGVsbG8=', encoding: 'base64' })).value.error).toMatch(/not a PNG/)
    expect((await api('forgetRecent', { path: 42 })).error).toMatch(/must be text/)
    expect((await api('forgetRecent', {})).error).toMatch(/must be text/)
    expect((await api('forgetRecent', { path: 'relative.gradsheet' })).error).toMatch(/absolute/)
    expect((await api('noSuchThing')).error).toMatch(/no operation called "noSuchThing"/)
    const notJson = await raw(port, '/api/openPath', { method: 'POST', headers: { 'Content-Type': 'application/json', ...SECRET_HEADERS }, body: '{oops' })
    expect(JSON.parse(notJson.body)).toEqual({ ok: false, error: 'The request body is not valid JSON.' })
  })

  it('lists and opens the examples, and opens the first worked example at start', async () => {
    expect((await api('listExamples')).value).toEqual([
      { id: 'reference-example-1', title: 'Reference example 1' },
      { id: 'reference-example-2', title: 'Reference example 2' },
    ])
    expect((await api('openExample', { id: 'reference-example-2' })).value).toEqual({ path: null, name: 'reference-example-2.gradsheet', text: VALID_WORKBOOK })
    expect((await api('openExample', { id: 'missing' })).error).toMatch(/no example called "missing"/)
    // An example's own title field names it in the list.
    writeFileSync(join(t.examples, 'titled.gradsheet'), VALID_WORKBOOK.replace('{', '{"title": "A titled model",'))
    expect((await api('listExamples')).value).toContainEqual({ id: 'titled', title: 'A titled model' })
    expect((await api('initialFile')).value).toMatchObject({ path: null, name: 'reference-example-1.gradsheet' })
  })

  it('passes hot-exit backups to the backup store', async () => {
    const document = { id: 'doc-1', path: null, name: 'Untitled.gradsheet' }
    expect(await api('writeBackup', { document, text: VALID_WORKBOOK })).toEqual({ ok: true, value: null })
    expect(await api('writeBackup', { document, text: null })).toEqual({ ok: true, value: null })
    expect(t.backups).toEqual([VALID_WORKBOOK, null])
  })
})

// The web API's guards over real HTTP, as another local program or a hostile page would
// meet them: no secret or a wrong one, a foreign Origin or Host, an oversized or a slow
// body, a save to a path nobody picked, a probe of what a file holds or whether a path
// exists. Each is refused, and the server keeps answering afterwards.
import { existsSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_BODY_BYTES } from './web-server'
import { SECRET_HEADERS, startTestServer, TEST_SECRET, VALID_WORKBOOK, type TestServer } from './web-server.test-support'

const SMALL_CAP = 64 * 1024
const SLOW_MS = 300

/** Sends raw bytes over a socket and resolves with the status line's code (0 if the socket was cut first). */
function rawExchange(port: number, head: string, bodyParts: string[], pauseMs = 0): Promise<number> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    let answer = ''
    socket.on('data', (chunk) => (answer += chunk))
    const done = () => resolve(Number(answer.match(/^HTTP\/1\.1 (\d{3})/)?.[1] ?? 0))
    socket.on('close', done)
    socket.on('error', () => undefined)
    socket.on('connect', async () => {
      socket.write(head)
      for (const part of bodyParts) {
        if (socket.destroyed) break
        socket.write(part)
        if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs))
      }
    })
  })
}

describe('web API guards (real HTTP)', () => {
  let t: TestServer
  const post = (method: string, body: unknown, headers: Record<string, string> = SECRET_HEADERS) =>
    fetch(`${t.server.url}api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) })
  const stillAnswers = async () => {
    const reply = await post('listExamples', {})
    expect(reply.status).toBe(200)
    expect(((await reply.json()) as { ok: boolean }).ok).toBe(true)
  }

  beforeAll(async () => {
    t = await startTestServer({ maxBodyBytes: SMALL_CAP, bodyTimeoutMs: SLOW_MS })
  })
  afterAll(async () => {
    await t.server.close()
  })

  it('refuses every API call without this run’s secret, or with a wrong one', async () => {
    const target = join(t.files, 'no-secret.gradsheet')
    for (const headers of [{}, { 'X-Gradsheet-Secret': '' }, { 'X-Gradsheet-Secret': 'wrong' }, { 'X-Gradsheet-Secret': TEST_SECRET + 'x' }] as Record<string, string>[]) {
      for (const method of ['saveAs', 'openPath', 'exportFile', 'writeBackup', 'initialFile', 'forgetRecent']) {
        const reply = await post(method, { path: target, text: VALID_WORKBOOK }, headers)
        expect(reply.status, `${method} ${JSON.stringify(headers)}`).toBe(401)
        expect(((await reply.json()) as { error: string }).error).toMatch(/secret/)
      }
    }
    // In the query string it is not a header: refused too.
    const inQuery = await fetch(`${t.server.url}api/listExamples?token=${TEST_SECRET}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })
    expect(inQuery.status).toBe(401)
    expect(existsSync(target)).toBe(false)
    await stillAnswers()
  })

  it('refuses a foreign Origin or Host even with the secret', async () => {
    const target = join(t.files, 'foreign.gradsheet')
    const body = JSON.stringify({ path: target, text: VALID_WORKBOOK })
    const head = (extra: string) =>
      `POST /api/saveAs HTTP/1.1\r\n${extra}Content-Type: application/json\r\nX-Gradsheet-Secret: ${TEST_SECRET}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`
    expect(await rawExchange(t.server.port, head(`Host: 127.0.0.1:${t.server.port}\r\nOrigin: http://evil.example\r\n`), [body])).toBe(403)
    expect(await rawExchange(t.server.port, head(`Host: 127.0.0.1:${t.server.port}\r\nOrigin: null\r\n`), [body])).toBe(403)
    expect(await rawExchange(t.server.port, head(`Host: evil.example:${t.server.port}\r\n`), [body])).toBe(421)
    expect(await rawExchange(t.server.port, head(`Host: 127.0.0.1:1\r\n`), [body])).toBe(421)
    expect(existsSync(target)).toBe(false)
    await stillAnswers()
  })

  it('refuses a body over the cap, announced or streamed, without reading it all', async () => {
    const head = (length: string) =>
      `POST /api/saveAs HTTP/1.1\r\nHost: 127.0.0.1:${t.server.port}\r\nContent-Type: application/json\r\nX-Gradsheet-Secret: ${TEST_SECRET}\r\n${length}\r\n`
    // Announced: refused before a byte of the body is read.
    expect(await rawExchange(t.server.port, head(`Content-Length: ${SMALL_CAP * 100}\r\n`), [])).toBe(413)
    // Streamed in chunks with no length: cut off once it passes the cap.
    const chunk = 'x'.repeat(16 * 1024)
    const chunked = Array.from({ length: 12 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`)
    expect(await rawExchange(t.server.port, head('Transfer-Encoding: chunked\r\n'), chunked)).toBe(413)
    await stillAnswers()
  })

  it('the real cap is well under a Node heap and still takes a maximal workbook', () => {
    expect(MAX_BODY_BYTES).toBeLessThanOrEqual(100 * 1024 * 1024)
    expect(MAX_BODY_BYTES).toBeGreaterThan(64 * 1024 * 1024)
  })

  it('cuts off a body that arrives too slowly', { timeout: 15_000 }, async () => {
    const body = JSON.stringify({ path: join(t.files, 'slow.gradsheet'), text: VALID_WORKBOOK })
    const head = `POST /api/saveAs HTTP/1.1\r\nHost: 127.0.0.1:${t.server.port}\r\nContent-Type: application/json\r\nX-Gradsheet-Secret: ${TEST_SECRET}\r\nContent-Length: ${body.length}\r\n\r\n`
    // A byte now and then, never finishing within the limit.
    const trickle = body.slice(0, 10).split('')
    expect(await rawExchange(t.server.port, head, trickle, SLOW_MS / 2)).toBe(408)
    expect(existsSync(join(t.files, 'slow.gradsheet'))).toBe(false)
    await stillAnswers()
  })

  it('saves only to paths picked in a Save As prompt or opened in this run', async () => {
    const unpicked = join(t.files, 'unpicked.gradsheet')
    const refused = (await (await post('save', { path: unpicked, text: VALID_WORKBOOK })).json()) as { value: { ok: boolean; error: string } }
    expect(refused.value.ok).toBe(false)
    expect(refused.value.error).toMatch(/Save As/)
    expect(existsSync(unpicked)).toBe(false)
    // Chosen in the prompt: saved, and later plain saves may go there.
    const chosen = join(t.files, 'chosen.gradsheet')
    expect(((await (await post('saveAs', { path: chosen, text: VALID_WORKBOOK })).json()) as { value: { ok: boolean } }).value.ok).toBe(true)
    expect(((await (await post('save', { path: chosen, text: VALID_WORKBOOK })).json()) as { value: { ok: boolean } }).value.ok).toBe(true)
    // Opened: may be saved back.
    const opened = join(t.files, 'opened.gradsheet')
    writeFileSync(opened, VALID_WORKBOOK)
    expect(((await (await post('openPath', { path: opened })).json()) as { ok: boolean }).ok).toBe(true)
    expect(((await (await post('save', { path: opened, text: VALID_WORKBOOK })).json()) as { value: { ok: boolean } }).value.ok).toBe(true)
  })

  it('a refused open never quotes the file or tells a missing path from an unreadable one', async () => {
    const secret = join(t.files, 'notes.gradsheet')
    writeFileSync(secret, 'Zpassword=hunter2')
    const json = join(t.files, 'data.gradsheet')
    writeFileSync(json, JSON.stringify({ token: 'Qsecret-value' }))
    const errorOf = async (path: string) => ((await (await post('openPath', { path })).json()) as { error: string }).error
    const notWorkbook = await errorOf(secret)
    expect(notWorkbook).toBe(`${secret} is not a Gradsheet workbook.`)
    expect(await errorOf(json)).toBe(`${json} is not a Gradsheet workbook.`)
    expect(await errorOf(json)).not.toMatch(/secret-value|token/)
    // The declaration must be the top level's own (node/workbook-declaration.ts), not a nested object's.
    const nested = join(t.files, 'nested.gradsheet')
    writeFileSync(nested, JSON.stringify({ data: { format: 'gradsheet' }, token: 'Qsecret-value' }))
    expect(await errorOf(nested)).toBe(`${nested} is not a Gradsheet workbook.`)
    const missing = await errorOf(join(t.files, 'missing.gradsheet'))
    const folder = await errorOf(t.files)
    const outside = await errorOf(t.outside)
    expect(missing).toMatch(/no readable Gradsheet workbook at that path/)
    expect(folder).toMatch(/no readable Gradsheet workbook at that path/)
    expect(outside).not.toMatch(/top secret/)
  })

  it('sends the frame and content-type guards on API answers and pages alike', async () => {
    for (const response of [await post('listExamples', {}), await fetch(t.server.url)]) {
      expect(response.headers.get('x-frame-options')).toBe('DENY')
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/)
    }
  })
})

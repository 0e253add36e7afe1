import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY_HEADER } from '../../node/web-content-policy'
import { appProtocolResponse } from './app-protocol'

describe('app:// protocol', () => {
  let root: string
  beforeAll(() => {
    const base = mkdtempSync(join(tmpdir(), 'gradsheet-protocol-'))
    root = join(base, 'renderer')
    mkdirSync(join(root, 'assets'), { recursive: true })
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Gradsheet</title>')
    writeFileSync(join(root, 'assets', 'index-1.js'), 'console.log(1)')
    writeFileSync(join(base, 'secret.txt'), 'secret')
  })

  it('serves the page with the CSP header and its MIME type', async () => {
    const response = await appProtocolResponse('app://gradsheet/index.html', root)
    expect(response.status).toBe(200)
    expect(response.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY_HEADER)
    expect(response.headers['Content-Type']).toBe('text/html; charset=utf-8')
    expect(Buffer.from(response.body).toString()).toContain('<title>Gradsheet</title>')
    const script = await appProtocolResponse('app://gradsheet/assets/index-1.js', root)
    expect(script.headers['Content-Type']).toBe('text/javascript; charset=utf-8')
  })

  it('serves index.html for the bare origin', async () => {
    expect((await appProtocolResponse('app://gradsheet/', root)).status).toBe(200)
  })

  it('never serves anything outside the renderer folder', async () => {
    for (const url of ['app://gradsheet/../secret.txt', 'app://gradsheet/%2e%2e/secret.txt', 'app://gradsheet/assets/..%2f..%2fsecret.txt', 'app://gradsheet/%2E%2E%5Csecret.txt']) {
      const response = await appProtocolResponse(url, root)
      expect(response.status, url).toBe(404)
      expect(String(response.body)).not.toContain('secret')
    }
  })

  it('answers only for the app host', async () => {
    expect((await appProtocolResponse('app://other/index.html', root)).status).toBe(404)
    expect((await appProtocolResponse('app://gradsheet/missing.js', root)).status).toBe(404)
  })
})

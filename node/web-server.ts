// `npm run web`: serves the built renderer (out/renderer) and the bridge over HTTP, on
// 127.0.0.1 only. Static files get the app's CSP as a header; /api/* takes JSON POSTs
// from our own origin only (Host and Origin are checked, so another site open in the
// same browser, or a DNS-rebound name, cannot drive the file system).
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { LIMITS } from './bridge-arguments'
import { securityHeaders } from './web-content-policy'
import { callWebApi, type WebApiContext } from './web-api'
import { resolveStaticFile } from './web-static-files'

export const WEB_HOST = '127.0.0.1'
/** Largest request body: a maximal workbook in UTF-8 (≤ 3 bytes per code unit) plus JSON framing. */
export const MAX_BODY_BYTES = LIMITS.workbookText * 3 + 64 * 1024

export interface WebServerOptions {
  /** 0 picks a free port. */
  port: number
  /** The built renderer folder (out/renderer). */
  rootDir: string
  api: WebApiContext
}

export interface RunningWebServer {
  url: string
  port: number
  server: Server
  close(): Promise<void>
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  response.writeHead(status, {
    ...securityHeaders(),
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  })
  response.end(text)
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) })
  response.end(text)
}

/** Only our own host names: a DNS-rebinding page arrives with a foreign Host header. */
function isOwnHost(host: string | undefined, port: number): boolean {
  return host === `${WEB_HOST}:${port}` || host === `localhost:${port}`
}

function readBody(request: IncomingMessage): Promise<{ ok: true; text: string } | { ok: false; status: number; error: string }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    let done = false
    request.on('data', (chunk: Buffer) => {
      if (done) return
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        done = true
        resolve({ ok: false, status: 413, error: 'The request is too large.' })
        request.resume()
        return
      }
      chunks.push(chunk)
    })
    request.on('end', () => {
      if (!done) resolve({ ok: true, text: Buffer.concat(chunks).toString('utf8') })
      done = true
    })
    request.on('error', () => {
      if (!done) resolve({ ok: false, status: 400, error: 'The request could not be read.' })
      done = true
    })
  })
}

async function handleApi(request: IncomingMessage, response: ServerResponse, method: string, api: WebApiContext): Promise<void> {
  if (request.method !== 'POST') return sendJson(response, 405, { ok: false, error: 'Use POST for the app host’s operations.' })
  const origin = request.headers.origin
  if (origin !== undefined && origin !== `http://${request.headers.host}`) {
    return sendJson(response, 403, { ok: false, error: 'Requests from other sites are refused.' })
  }
  const contentType = request.headers['content-type'] ?? ''
  if (!/^application\/json\b/i.test(contentType)) {
    return sendJson(response, 415, { ok: false, error: 'The request body must be JSON (Content-Type: application/json).' })
  }
  const body = await readBody(request)
  if (!body.ok) return sendJson(response, body.status, { ok: false, error: body.error })
  let parsed: unknown
  try {
    parsed = body.text === '' ? {} : JSON.parse(body.text)
  } catch {
    return sendJson(response, 400, { ok: false, error: 'The request body is not valid JSON.' })
  }
  sendJson(response, 200, await callWebApi(method, parsed, api))
}

async function handleStatic(request: IncomingMessage, response: ServerResponse, pathname: string, rootDir: string): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, 'Method not allowed.')
  const resolved = resolveStaticFile(rootDir, pathname)
  if (!resolved.ok) return sendText(response, resolved.status, `Not served: ${resolved.reason}.`)
  let size: number
  try {
    const info = await stat(resolved.file)
    if (!info.isFile()) return sendText(response, 404, 'Not found.')
    size = info.size
  } catch {
    // Browsers ask for a favicon on their own; the app has none, and that is no error.
    if (pathname === '/favicon.ico') {
      response.writeHead(204, securityHeaders())
      return void response.end()
    }
    return sendText(response, 404, 'Not found.')
  }
  response.writeHead(200, {
    ...securityHeaders(),
    'Content-Type': resolved.mime,
    'Content-Length': size,
    'Cache-Control': 'no-cache',
  })
  if (request.method === 'HEAD') return void response.end()
  const stream = createReadStream(resolved.file)
  stream.on('error', () => response.destroy())
  stream.pipe(response)
}

export function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  let port = options.port
  const server = createServer((request, response) => {
    if (!isOwnHost(request.headers.host, port)) return sendText(response, 421, 'This server answers only to 127.0.0.1 and localhost.')
    let pathname: string
    try {
      pathname = new URL(request.url ?? '/', `http://${WEB_HOST}`).pathname
    } catch {
      return sendText(response, 400, 'Bad request.')
    }
    const work = pathname.startsWith('/api/')
      ? handleApi(request, response, pathname.slice('/api/'.length), options.api)
      : handleStatic(request, response, (request.url ?? '/').split(/[?#]/)[0], options.rootDir)
    work.catch(() => {
      if (!response.headersSent) sendText(response, 500, 'The server could not answer.')
      else response.destroy()
    })
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, WEB_HOST, () => {
      server.off('error', reject)
      port = (server.address() as AddressInfo).port
      resolve({
        url: `http://${WEB_HOST}:${port}/`,
        port,
        server,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done())
            server.closeAllConnections()
          }),
      })
    })
  })
}

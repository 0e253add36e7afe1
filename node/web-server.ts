// `npm run web`: serves the built renderer (out/renderer) and the bridge over HTTP, on
// 127.0.0.1 only. Static files get the app's CSP as a header; /api/* takes JSON POSTs
// from our own origin only (Host and Origin are checked, so another site open in the
// same browser, or a DNS-rebound name, cannot drive the file system) that carry this
// run's secret (printed in the address, as Jupyter does), so no other local program can
// either. Bodies are streamed with a cap and a time limit.
import { timingSafeEqual } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { LIMITS } from './bridge-arguments'
import { securityHeaders } from './web-content-policy'
import { callWebApi, type WebApiContext } from './web-api'
import { resolveStaticFile } from './web-static-files'
import { TEXT_APART_HEADER, TEXT_APART_TYPE, joinForWire, readArgsApart, splitText } from '../bridge/text-apart'

export const WEB_HOST = '127.0.0.1'
/**
 * Largest request body: a maximal workbook (64 MiB of UTF-8) with room for its JSON
 * escaping (quotes double) and framing; well under a Node heap, and refused as soon as
 * the stream passes it (or its Content-Length announces more).
 */
export const MAX_BODY_BYTES = LIMITS.workbookText * 1.5 + 64 * 1024
/** A request body must arrive within this time (a slow or stalled sender is cut off). */
export const BODY_TIMEOUT_MS = 30_000
/** The header that carries the run's secret on every API call. */
export const SECRET_HEADER = 'x-gradsheet-secret'

export interface WebServerOptions {
  /** 0 picks a free port. */
  port: number
  /** The built renderer folder (out/renderer). */
  rootDir: string
  api: WebApiContext
  /** The per-run secret every /api request must carry (SECRET_HEADER). */
  secret: string
  /** Tests shrink these; the defaults are MAX_BODY_BYTES and BODY_TIMEOUT_MS. */
  maxBodyBytes?: number
  bodyTimeoutMs?: number
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

/** An opened workbook with its text as it is, after a JSON line (bridge/text-apart.ts). */
function sendTextApart(response: ServerResponse, parts: { head: string; text: string }): void {
  const body = joinForWire(parts)
  response.writeHead(200, {
    ...securityHeaders(),
    'Content-Type': `${TEXT_APART_TYPE}; charset=utf-8`,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  })
  response.end(body)
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) })
  response.end(text)
}

/** Only our own host names: a DNS-rebinding page arrives with a foreign Host header. */
function isOwnHost(host: string | undefined, port: number): boolean {
  return host === `${WEB_HOST}:${port}` || host === `localhost:${port}`
}

type BodyResult = { ok: true; text: string } | { ok: false; status: number; error: string }

/** Streams the body in, refusing it once it passes `maxBytes` or takes longer than `timeoutMs`. */
function readBody(request: IncomingMessage, maxBytes: number, timeoutMs: number): Promise<BodyResult> {
  const announced = Number(request.headers['content-length'])
  if (Number.isFinite(announced) && announced > maxBytes) return Promise.resolve(tooLarge(maxBytes))
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    let done = false
    const finish = (result: BodyResult) => {
      if (done) return
      done = true
      clearTimeout(timer)
      if (!result.ok) chunks.length = 0
      resolve(result)
    }
    const timer = setTimeout(() => finish({ ok: false, status: 408, error: 'The request body took too long to arrive.' }), timeoutMs)
    request.on('data', (chunk: Buffer) => {
      if (done) return
      size += chunk.length
      if (size > maxBytes) return finish(tooLarge(maxBytes))
      chunks.push(chunk)
    })
    request.on('end', () => finish({ ok: true, text: Buffer.concat(chunks).toString('utf8') }))
    request.on('error', () => finish({ ok: false, status: 400, error: 'The request could not be read.' }))
  })
}

function tooLarge(maxBytes: number): BodyResult {
  return { ok: false, status: 413, error: `The request is too large (over ${Math.round(maxBytes / (1024 * 1024))} MiB).` }
}

/** The secret, compared in constant time. */
function carriesSecret(request: IncomingMessage, secret: string): boolean {
  const given = request.headers[SECRET_HEADER]
  if (typeof given !== 'string' || secret === '') return false
  const a = Buffer.from(given)
  const b = Buffer.from(secret)
  return a.length === b.length && timingSafeEqual(a, b)
}

async function handleApi(request: IncomingMessage, response: ServerResponse, method: string, options: WebServerOptions): Promise<void> {
  const refuse = (status: number, error: string) => {
    response.setHeader('Connection', 'close')
    sendJson(response, status, { ok: false, error })
    if (request.complete) return
    // Too large or too slow: stop reading and drop the connection once the answer is out.
    // Otherwise whatever the refused request still sends is read and thrown away.
    if (status === 413 || status === 408) response.once('finish', () => setTimeout(() => request.destroy(), 50))
    else request.resume()
  }
  if (request.method !== 'POST') return refuse(405, 'Use POST for the app host’s operations.')
  const origin = request.headers.origin
  if (origin !== undefined && origin !== `http://${request.headers.host}`) return refuse(403, 'Requests from other sites are refused.')
  if (!carriesSecret(request, options.secret)) {
    return refuse(401, 'This request does not carry the secret of this Gradsheet web session: open the address `npm run web` printed.')
  }
  const contentType = request.headers['content-type'] ?? ''
  // A workbook's text may come apart from the JSON (bridge/text-apart.ts); never a type a plain form can send.
  const apartBody = contentType.toLowerCase().startsWith(TEXT_APART_TYPE)
  if (!apartBody && !/^application\/json\b/i.test(contentType)) return refuse(415, 'The request body must be JSON (Content-Type: application/json).')
  const body = await readBody(request, options.maxBodyBytes ?? MAX_BODY_BYTES, options.bodyTimeoutMs ?? BODY_TIMEOUT_MS)
  if (!body.ok) return refuse(body.status, body.error)
  const api = options.api
  let parsed: unknown
  try {
    parsed = apartBody ? readArgsApart(body.text) : body.text === '' ? {} : JSON.parse(body.text)
  } catch {
    parsed = null
  }
  if (parsed === null) return sendJson(response, 400, { ok: false, error: 'The request body is not valid JSON.' })
  const reply = await callWebApi(method, parsed, api)
  const apart = request.headers[TEXT_APART_HEADER.toLowerCase()] === '1' ? splitText(reply) : null
  if (apart) return sendTextApart(response, apart)
  sendJson(response, 200, reply)
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
      ? handleApi(request, response, pathname.slice('/api/'.length), options)
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

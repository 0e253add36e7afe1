// Calls one bridge operation of the `npm run web` server: POST /api/<method> with a JSON
// object of named arguments; the server answers {ok, value} or {ok: false, error}.
// Every call carries the run's secret (the `token` of the printed address) in a header.
// A refusal becomes a rejected promise whose message is the server's sentence.

import { TEXT_APART_HEADER, TEXT_APART_TYPE, joinBlobForWire, joinForWire, readTextApart, splitArgs, splitBlobArgs } from '../../../bridge/text-apart'

/** The header the server checks (node/web-server.ts SECRET_HEADER). */
export const SECRET_HEADER = 'X-Gradsheet-Secret'

export type FetchLike = (input: string, init: { method: string; headers: Record<string, string>; body: string | Blob }) => Promise<{
  ok: boolean
  status: number
  json(): Promise<unknown>
  /** Present on real responses: an answer with a workbook's text apart (bridge/text-apart.ts) is read as text. */
  text?(): Promise<string>
  headers?: { get(name: string): string | null }
}>

export interface CallOptions {
  /** A workbook's text travels apart from the JSON, both ways (bridge/text-apart.ts): no escaping of megabytes. */
  textApart?: boolean
}

export function createHttpCaller(fetchImpl: FetchLike, base = '', secret: () => string = () => '') {
  return async function call<T>(method: string, args: Record<string, unknown> = {}, options: CallOptions = {}): Promise<T> {
    let response
    try {
      const headers: Record<string, string> = { 'Content-Type': 'application/json', [SECRET_HEADER]: secret() }
      let body: string | Blob
      const sent = options.textApart ? splitArgs(args) : null
      const sentBlob = options.textApart && !sent ? splitBlobArgs(args) : null
      if (sent || sentBlob) {
        headers['Content-Type'] = `${TEXT_APART_TYPE}; charset=utf-8`
        // A backup's Blob (written by the worker) goes as it is: the page never encodes the text.
        body = sent ? joinForWire(sent) : joinBlobForWire(sentBlob!)
      } else {
        body = JSON.stringify(args)
      }
      if (options.textApart) headers[TEXT_APART_HEADER] = '1'
      response = await fetchImpl(`${base}/api/${method}`, { method: 'POST', headers, body })
    } catch {
      throw new Error('The Gradsheet web server cannot be reached: is `npm run web` still running?')
    }
    let reply: unknown
    try {
      const apart = response.text && response.headers?.get('content-type')?.startsWith(TEXT_APART_TYPE)
      reply = apart ? readTextApart(await response.text!()) : await response.json()
    } catch {
      throw new Error(`The Gradsheet web server sent an unreadable answer (HTTP ${response.status}).`)
    }
    if (typeof reply !== 'object' || reply === null || typeof (reply as { ok?: unknown }).ok !== 'boolean') {
      throw new Error(`The Gradsheet web server sent an unexpected answer (HTTP ${response.status}).`)
    }
    const typed = reply as { ok: boolean; value?: T; error?: unknown }
    if (!typed.ok) throw new Error(typeof typed.error === 'string' ? typed.error : `The request failed (HTTP ${response.status}).`)
    return typed.value as T
  }
}

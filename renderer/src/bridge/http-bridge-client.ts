// Calls one bridge operation of the `npm run web` server: POST /api/<method> with a JSON
// object of named arguments; the server answers {ok, value} or {ok: false, error}.
// Every call carries the run's secret (the `token` of the printed address) in a header.
// A refusal becomes a rejected promise whose message is the server's sentence.

/** The header the server checks (node/web-server.ts SECRET_HEADER). */
export const SECRET_HEADER = 'X-Gradsheet-Secret'

export type FetchLike = (input: string, init: { method: string; headers: Record<string, string>; body: string }) => Promise<{
  ok: boolean
  status: number
  json(): Promise<unknown>
}>

export function createHttpCaller(fetchImpl: FetchLike, base = '', secret: () => string = () => '') {
  return async function call<T>(method: string, args: Record<string, unknown> = {}): Promise<T> {
    let response
    try {
      response = await fetchImpl(`${base}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [SECRET_HEADER]: secret() },
        body: JSON.stringify(args),
      })
    } catch {
      throw new Error('The Gradsheet web server cannot be reached: is `npm run web` still running?')
    }
    let reply: unknown
    try {
      reply = await response.json()
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

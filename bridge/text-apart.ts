// A workbook's text over HTTP as it is, after one line of JSON for everything else: the web
// host's answer to "give me a workbook" (initialFile, openPath, openExample) and the page's
// requests that carry one (save, saveAs, writeBackup, exportWorkbook; a backup's text may come
// as a Blob the engine's worker wrote, sent as it is). Inside JSON the text of
// a 1M-cell workbook (52 MB) had to be escaped (JSON.stringify, ~0.2 s) and unescaped (~0.2 s),
// on the page's UI thread one way or the other, on every open, save and hot-exit backup
// (docs/benchmarks.md, "The app at scale"). The page asks for answers in this form with a
// request header and sends its requests with this content type; refusals and every other
// message stay plain JSON. Pure, shared by node/web-server.ts and renderer/src/bridge.

/** Request header: the page reads answers in this form. */
export const TEXT_APART_HEADER = 'X-Gradsheet-Text-Apart'
/** Content type of an answer in this form. */
export const TEXT_APART_TYPE = 'application/x-gradsheet-text-apart'

/** The answer as one JSON line (without the text) and the text; null when it carries no text. */
export function splitText(reply: unknown): { head: string; text: string } | null {
  if (typeof reply !== 'object' || reply === null) return null
  const { ok, value } = reply as { ok?: unknown; value?: unknown }
  if (ok !== true || typeof value !== 'object' || value === null) return null
  const { text, ...rest } = value as { text?: unknown }
  if (typeof text !== 'string') return null
  // JSON.stringify never writes a raw line break, so the first '\n' ends the head.
  return { head: JSON.stringify({ ok: true, value: rest }), text }
}

/** Body of a message in this form. */
export function joinForWire(parts: { head: string; text: string }): string {
  return parts.head + '\n' + parts.text
}

/** Body of a request whose text comes as a Blob (a backup the worker wrote): a Blob that holds the head and, by reference, the text. */
export function joinBlobForWire(parts: { head: string; text: Blob }): Blob {
  return new Blob([parts.head + '\n', parts.text])
}

/** The answer again, the text back in its place; throws on a body not in this form. */
export function readTextApart(body: string): { ok: true; value: Record<string, unknown> } {
  const cut = body.indexOf('\n')
  if (cut < 0) throw new Error('no head line')
  const head = JSON.parse(body.slice(0, cut)) as { ok: true; value: Record<string, unknown> }
  return { ok: true, value: { ...head.value, text: body.slice(cut + 1) } }
}

/** A request's named arguments with a string `text` split off; null when there is none. */
export function splitArgs(args: Record<string, unknown>): { head: string; text: string } | null {
  const { text, ...rest } = args
  return typeof text === 'string' ? { head: JSON.stringify(rest), text } : null
}

/** As splitArgs, for a `text` that comes as a Blob; null when there is none. */
export function splitBlobArgs(args: Record<string, unknown>): { head: string; text: Blob } | null {
  const { text, ...rest } = args
  return text instanceof Blob ? { head: JSON.stringify(rest), text } : null
}

/** A request's named arguments again, `text` back in its place; null on a body not in this form. */
export function readArgsApart(body: string): Record<string, unknown> | null {
  const cut = body.indexOf('\n')
  if (cut < 0) return null
  let head: unknown
  try {
    head = JSON.parse(body.slice(0, cut))
  } catch {
    return null
  }
  if (typeof head !== 'object' || head === null || Array.isArray(head)) return null
  return { ...(head as Record<string, unknown>), text: body.slice(cut + 1) }
}


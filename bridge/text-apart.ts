// The web host's answer to "give me a workbook" (initialFile, openPath, openExample) with the
// workbook's text sent as it is, after one line of JSON for the rest of the answer. Inside a
// JSON answer the text of a 1M-cell workbook (52 MB) had to be escaped by the server
// (JSON.stringify, ~0.2 s) and unescaped on the page's UI thread (~0.2 s) on every open
// (docs/benchmarks.md, "The app at scale"). The page asks for this form with a request header;
// refusals and every other answer stay plain JSON. Pure, shared by node/web-server.ts (encode)
// and renderer/src/bridge (decode).

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

/** Body of an answer in this form. */
export function joinForWire(parts: { head: string; text: string }): string {
  return parts.head + '\n' + parts.text
}

/** The answer again, the text back in its place; throws on a body not in this form. */
export function readTextApart(body: string): { ok: true; value: Record<string, unknown> } {
  const cut = body.indexOf('\n')
  if (cut < 0) throw new Error('no head line')
  const head = JSON.parse(body.slice(0, cut)) as { ok: true; value: Record<string, unknown> }
  return { ok: true, value: { ...head.value, text: body.slice(cut + 1) } }
}

// A paste from another spreadsheet: tab-separated rows. Text with a tab or more than
// one line is a block, each field an input placed from the selected cell; anything
// else is one cell's input (the plain paste).
import { parseFields } from '../../../engine/csv/parse'

/** The block of inputs in pasted text, or null when it is a single value. */
export function pastedBlock(text: string): string[][] | null {
  const body = text.replace(/\r?\n$/, '')
  if (!body.includes('\t') && !/\r?\n/.test(body)) return null
  const parsed = parseFields(body, '\t')
  // An unbalanced quote in a spreadsheet paste is literal text: fall back to plain lines.
  const rows = parsed.ok ? parsed.value : body.split(/\r?\n/).map((line) => line.split('\t'))
  return rows.map((r) => r.map((f) => f.trim()))
}

// The clipboard's spreadsheet format, both ways. In: a paste from another spreadsheet is
// tab-separated rows (text with a tab or more than one line is a block, each field an
// input placed from the selected cell; anything else is one cell's input). Out: a copied
// block is written as tab-separated text (what Excel and Google Sheets read) and as an
// HTML table (what word processors and mail read). Tiling repeats a block over a larger
// selection that it divides evenly, as spreadsheets do on paste.
import { parseFields } from '../../../engine/csv/parse'
import { toCsv } from '../../../engine/csv/serialize'

/** The block of inputs in pasted text, or null when it is a single value. */
export function pastedBlock(text: string): string[][] | null {
  const body = text.replace(/\r?\n$/, '')
  if (!body.includes('\t') && !/\r?\n/.test(body)) return null
  const parsed = parseFields(body, '\t')
  // An unbalanced quote in a spreadsheet paste is literal text: fall back to plain lines.
  const rows = parsed.ok ? parsed.value : body.split(/\r?\n/).map((line) => line.split('\t'))
  return rows.map((r) => r.map((f) => f.trim()))
}

/** Rows of fields as the clipboard's text/plain: tab-separated, CRLF between rows. */
export function blockToTsv(rows: string[][]): string {
  return toCsv(rows, '\t')
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** Rows of fields as the clipboard's text/html: one table, every field escaped. */
export function blockToHtml(rows: string[][]): string {
  const body = rows.map((r) => `<tr>${r.map((f) => `<td>${escapeHtml(f)}</td>`).join('')}</tr>`).join('')
  return `<table>${body}</table>`
}

/**
 * The block repeated to fill a target of `rows` × `cols` cells when the block divides it
 * evenly in both directions; otherwise the block itself (pasted once at the top-left).
 */
export function tileBlock(block: string[][], rows: number, cols: number): string[][] {
  const h = block.length
  const w = Math.max(0, ...block.map((r) => r.length))
  if (h === 0 || w === 0 || rows % h !== 0 || cols % w !== 0 || (rows === h && cols === w)) return block
  const out: string[][] = []
  for (let i = 0; i < rows; i++) {
    const src = block[i % h]
    const row: string[] = []
    for (let j = 0; j < cols; j++) row.push(src[j % w] ?? '')
    out.push(row)
  }
  return out
}

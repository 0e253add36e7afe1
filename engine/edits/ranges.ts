// Ranges as editing commands write them: "A1:C4" or one cell "B2" (`$` allowed, any
// order of corners), read into 1-based inclusive bounds; and sheet names resolved the
// way the engine resolves them (case-insensitive, answered in the workbook's spelling);
// a copy's or move's pair of both (transferOf).
import { formatAddress, parseAddress } from '../address'

export interface Block {
  row0: number
  col0: number
  row1: number
  col1: number
}

export const blockRows = (b: Block): number => b.row1 - b.row0 + 1
export const blockCols = (b: Block): number => b.col1 - b.col0 + 1
export const blockCells = (b: Block): number => blockRows(b) * blockCols(b)

export const containsCell = (b: Block, row: number, col: number): boolean => row >= b.row0 && row <= b.row1 && col >= b.col0 && col <= b.col1

/** The block a range text names, or why it is not a range. */
export function parseBlock(text: unknown): Block | string {
  if (typeof text !== 'string') return 'a range must be text like "A1:C4" or "B2"'
  const parts = text.split(':')
  const corners = parts.length <= 2 ? parts.map((p) => parseAddress(p.trim())) : [null]
  if (corners.some((c) => c === null)) return `"${text}" is not a range (write it like "A1:C4" or "B2", columns A to XFD, rows 1 to 1048576)`
  const [a, b = a] = corners as { row: number; col: number }[]
  return { row0: Math.min(a.row, b.row), col0: Math.min(a.col, b.col), row1: Math.max(a.row, b.row), col1: Math.max(a.col, b.col) }
}

export const blockText = (b: Block): string =>
  b.row0 === b.row1 && b.col0 === b.col1 ? formatAddress(b.row0, b.col0) : `${formatAddress(b.row0, b.col0)}:${formatAddress(b.row1, b.col1)}`

/** The sheet's name as the workbook spells it, or why there is no such sheet. */
export function sheetNamed(sheets: string[], name: unknown): string | { problem: string } {
  if (typeof name === 'string') {
    const exact = sheets.find((s) => s === name) ?? sheets.find((s) => s.toLowerCase() === name.toLowerCase())
    if (exact !== undefined) return exact
  }
  return { problem: `there is no sheet named "${String(name)}"` }
}

/** Whole, positive row or column counts and positions (1-based). */
export function positiveWhole(value: unknown, what: string): string | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? null : `${what} must be a whole number of 1 or more, got ${String(value)}`
}

/** Where a copy or a move reads and writes: both sheets, as the workbook spells them, and both blocks. */
export interface Transfer {
  fromSheet: string
  from: Block
  toSheet: string
  to: Block
}

/** A copy's or move's sheets and blocks resolved, or the first reason one of them is not valid. */
export function transferOf(sheets: string[], e: { fromSheet: unknown; from: unknown; toSheet: unknown; to: unknown }): Transfer | string {
  const fromSheet = sheetNamed(sheets, e.fromSheet)
  if (typeof fromSheet !== 'string') return fromSheet.problem
  const toSheet = sheetNamed(sheets, e.toSheet)
  if (typeof toSheet !== 'string') return toSheet.problem
  const from = parseBlock(e.from)
  if (typeof from === 'string') return from
  const to = parseBlock(e.to)
  if (typeof to === 'string') return to
  return { fromSheet, from, toSheet, to }
}

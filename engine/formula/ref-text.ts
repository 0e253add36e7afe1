// The one place formula text is rewritten reference by reference (copy shifts,
// inserted/deleted rows and columns, moved blocks). It reuses the scanner's tokens, so
// strings, function names and the user's spacing outside references are never touched,
// and a reference that does not change keeps its exact text (case, `$`, quoting).
import { columnLetters, MAX_COL, MAX_ROW, quoteSheet } from '../address'
import { classifyInput } from '../input'
import { scanFormula, type RefToken } from './scan'

/** One corner of a reference as written: where it points and which parts carry `$`. */
export interface Corner {
  row: number
  col: number
  rowAbs: boolean
  colAbs: boolean
}

/** A reference as the rewriters see it: `corners` has one entry for a cell, two (as written) for a range. */
export interface WrittenRef {
  /** The sheet as written (unquoted), or null for the formula's own sheet. */
  sheet: string | null
  corners: Corner[]
}

/** What a reference becomes: new corners (same count), optionally on a newly written sheet; 'deleted' for #REF!; null to keep it. */
export type RefChange = { corners: { row: number; col: number }[]; sheet?: string | null } | 'deleted' | null

interface CornerText extends Corner {
  colText: string
  rowText: string
}

const CORNER = /^(\$?)([A-Za-z]{1,3})(\$?)([0-9]+)$/

function readCorner(text: string): CornerText | null {
  const m = CORNER.exec(text)
  if (!m) return null
  let col = 0
  for (const ch of m[2]) col = col * 26 + ((ch.charCodeAt(0) | 32) - 96)
  return { colAbs: m[1] === '$', rowAbs: m[3] === '$', col, row: Number(m[4]), colText: m[2], rowText: m[4] }
}

function writeCorner(old: CornerText, row: number, col: number): string {
  // A column written in lower case (b7) stays lower case, so a rewrite and its reverse give the text back.
  const lower = old.colText !== old.colText.toUpperCase()
  const colText = col === old.col ? old.colText : lower ? columnLetters(col).toLowerCase() : columnLetters(col)
  const rowText = row === old.row ? old.rowText : String(row)
  return `${old.colAbs ? '$' : ''}${colText}${old.rowAbs ? '$' : ''}${rowText}`
}

/** Whether a corner lies on the grid (A…XFD, 1…1048576). */
export const onGrid = (row: number, col: number): boolean => row >= 1 && row <= MAX_ROW && col >= 1 && col <= MAX_COL

/** The body offset of a formula input ("  =A1" → 3), or -1 when the input is not a formula. */
function bodyOffset(input: string): number {
  if (classifyInput(input).kind !== 'formula') return -1
  return input.indexOf('=') + 1
}

/**
 * Rewrites every reference of a formula input through `change`; returns the input
 * unchanged when it is not a formula, cannot be scanned, or no reference changes.
 * Out-of-grid references (XFE1) and existing #REF! are left as they are.
 */
export function rewriteReferences(input: string, change: (ref: WrittenRef) => RefChange): string {
  const offset = bodyOffset(input)
  if (offset < 0) return input
  const body = input.slice(offset, offset + input.trim().length - 1)
  const scanned = scanFormula(body)
  if (!scanned.ok) return input
  let out = ''
  let copied = 0
  for (const token of scanned.scan.refs) {
    const next = rewriteOne(body, token, change)
    if (next === null) continue
    out += body.slice(copied, token.sheetStart) + next
    copied = token.end
  }
  if (copied === 0) return input
  return input.slice(0, offset) + out + body.slice(copied) + input.slice(offset + body.length)
}

/** The new text of one reference token, or null to keep it. */
function rewriteOne(body: string, token: RefToken, change: (ref: WrittenRef) => RefChange): string | null {
  if (token.deleted || token.outOfBounds) return null
  const refText = body.slice(token.sheetEnd, token.end)
  const parts = token.range ? refText.split(':') : [refText]
  const corners: CornerText[] = []
  for (const p of parts) {
    const c = readCorner(p)
    if (!c) return null
    corners.push(c)
  }
  const result = change({ sheet: token.sheet, corners })
  if (result === null) return null
  const sheetText = (sheet: string | null | undefined): string =>
    sheet === undefined || sheet === token.sheet ? body.slice(token.sheetStart, token.sheetEnd) : sheet === null ? '' : `${quoteSheet(sheet)}!`
  if (result === 'deleted') return `${sheetText(undefined)}#REF!`
  const text = corners.map((c, k) => writeCorner(c, result.corners[k].row, result.corners[k].col)).join(':')
  return sheetText(result.sheet) + text
}

/** Normalised bounds of a reference's corners (top-left, bottom-right). */
export function boundsOf(corners: { row: number; col: number }[]): { row0: number; col0: number; row1: number; col1: number } {
  const [p, q = p] = corners
  return { row0: Math.min(p.row, q.row), col0: Math.min(p.col, q.col), row1: Math.max(p.row, q.row), col1: Math.max(p.col, q.col) }
}

/** New bounds written back to the corners in their written orientation (B3:A1 stays bottom-right first). */
export function cornersFor(corners: Corner[], b: { row0: number; col0: number; row1: number; col1: number }): { row: number; col: number }[] {
  if (corners.length === 1) return [{ row: b.row0, col: b.col0 }]
  const [p, q] = corners
  return [
    { row: p.row <= q.row ? b.row0 : b.row1, col: p.col <= q.col ? b.col0 : b.col1 },
    { row: p.row <= q.row ? b.row1 : b.row0, col: p.col <= q.col ? b.col1 : b.col0 },
  ]
}

// The grid's selection as a spreadsheet user knows it: a rectangle spanned by an anchor
// (where the selection started) and a corner (the end that Shift+arrows, Shift+click and
// a drag move), plus the active cell (the one the name box, the formula bar and typing
// act on; it stays put while the rectangle grows, as in Excel and Google Sheets).
// Pure: the grid performs what these functions return, and Node tests them.
import { COLUMN_COUNT, ROW_COUNT, columnName, formatAddress, parseAddress, type CellPos } from './address'
import { clampPos, jump, move, type Direction } from './navigation'

export interface Selection {
  active: CellPos
  anchor: CellPos
  corner: CellPos
}

/** A block of cells, 0-based and inclusive on every side. */
export interface Rect {
  top: number
  left: number
  bottom: number
  right: number
}

const LAST_ROW = ROW_COUNT - 1
const LAST_COL = COLUMN_COUNT - 1

export function single(pos: CellPos): Selection {
  return { active: pos, anchor: pos, corner: pos }
}

export function rectOf(sel: Pick<Selection, 'anchor' | 'corner'>): Rect {
  return {
    top: Math.min(sel.anchor.row, sel.corner.row),
    bottom: Math.max(sel.anchor.row, sel.corner.row),
    left: Math.min(sel.anchor.col, sel.corner.col),
    right: Math.max(sel.anchor.col, sel.corner.col),
  }
}

export function contains(r: Rect, pos: CellPos): boolean {
  return pos.row >= r.top && pos.row <= r.bottom && pos.col >= r.left && pos.col <= r.right
}

export function isSingleCell(r: Rect): boolean {
  return r.top === r.bottom && r.left === r.right
}

export function rectSize(r: Rect): { rows: number; cols: number } {
  return { rows: r.bottom - r.top + 1, cols: r.right - r.left + 1 }
}

/** Whole rows (the rectangle spans every column). */
export function isWholeRows(r: Rect): boolean {
  return r.left === 0 && r.right === LAST_COL
}

/** Whole columns (the rectangle spans every row). */
export function isWholeColumns(r: Rect): boolean {
  return r.top === 0 && r.bottom === LAST_ROW
}

/** "B3" for one cell, "A1:C4" for a block, "2:5" for whole rows, "B:D" for whole columns. */
export function rectLabel(r: Rect): string {
  if (isSingleCell(r)) return formatAddress({ col: r.left, row: r.top })
  if (isWholeColumns(r) && !isWholeRows(r)) return `${columnName(r.left)}:${columnName(r.right)}`
  if (isWholeRows(r) && !isWholeColumns(r)) return `${r.top + 1}:${r.bottom + 1}`
  return rangeAddress(r)
}

/** Always the A1:C4 form (what engine edits take); one cell is just "B3". */
export function rangeAddress(r: Rect): string {
  const a = formatAddress({ col: r.left, row: r.top })
  return isSingleCell(r) ? a : `${a}:${formatAddress({ col: r.right, row: r.bottom })}`
}

/**
 * "A1:C4", "c4:a1", "B3", "B:D", "2:5" → the rectangle, or null when the text is not a
 * range inside the grid. `$` markers are accepted and ignored.
 */
export function parseRange(text: string): Rect | null {
  const t = text.trim().replace(/\$/g, '')
  const parts = t.split(':')
  if (parts.length === 1) {
    const p = parseAddress(t)
    return p ? { top: p.row, bottom: p.row, left: p.col, right: p.col } : null
  }
  if (parts.length !== 2) return null
  const [a, b] = parts
  const pa = parseAddress(a)
  const pb = parseAddress(b)
  if (pa && pb) return rectOf({ anchor: pa, corner: pb })
  if (/^[A-Za-z]{1,3}$/.test(a) && /^[A-Za-z]{1,3}$/.test(b)) {
    const ca = parseAddress(`${a}1`)
    const cb = parseAddress(`${b}1`)
    if (!ca || !cb) return null
    return { top: 0, bottom: LAST_ROW, left: Math.min(ca.col, cb.col), right: Math.max(ca.col, cb.col) }
  }
  if (/^[1-9][0-9]*$/.test(a) && /^[1-9][0-9]*$/.test(b)) {
    const ra = Number(a) - 1
    const rb = Number(b) - 1
    if (ra > LAST_ROW || rb > LAST_ROW) return null
    return { top: Math.min(ra, rb), bottom: Math.max(ra, rb), left: 0, right: LAST_COL }
  }
  return null
}

/** A selection of the rectangle with its top-left cell active. */
export function selectRect(r: Rect): Selection {
  const tl = { col: r.left, row: r.top }
  return { active: tl, anchor: tl, corner: { col: r.right, row: r.bottom } }
}

/** Shift+click, drag: the corner goes to `pos`; anchor and active cell stay. */
export function extendTo(sel: Selection, pos: CellPos): Selection {
  return { ...sel, corner: clampPos(pos) }
}

/** Shift+arrow: the corner moves one cell. */
export function extendBy(sel: Selection, dir: Direction): Selection {
  return extendTo(sel, move(sel.corner, dir))
}

/** Ctrl+Shift+arrow: the corner jumps over data (navigation.jump's rule) from where it is. */
export function extendJump(sel: Selection, dir: Direction, isFilled: (p: CellPos) => boolean, filledInLine: number[]): Selection {
  return extendTo(sel, jump(sel.corner, dir, isFilled, filledInLine))
}

/** A click on a column header (Shift: extend from the anchor's column): whole columns. */
export function selectColumns(sel: Selection, col: number, extend: boolean): Selection {
  if (!extend) {
    const top = { col, row: 0 }
    return { active: top, anchor: top, corner: { col, row: LAST_ROW } }
  }
  const anchor = { col: sel.anchor.col, row: 0 }
  return { active: { col: sel.anchor.col, row: 0 }, anchor, corner: { col, row: LAST_ROW } }
}

/** A click on a row header (Shift: extend from the anchor's row): whole rows. */
export function selectRows(sel: Selection, row: number, extend: boolean): Selection {
  if (!extend) {
    const first = { col: 0, row }
    return { active: first, anchor: first, corner: { col: LAST_COL, row } }
  }
  const anchor = { col: 0, row: sel.anchor.row }
  return { active: { col: 0, row: sel.anchor.row }, anchor, corner: { col: LAST_COL, row } }
}

/** Ctrl+A: the whole sheet, the active cell unchanged. */
export function selectAll(sel: Selection): Selection {
  return { active: sel.active, anchor: { col: 0, row: 0 }, corner: { col: LAST_COL, row: LAST_ROW } }
}

/** Every cell of `r` that lies within `bounds` (both inclusive), row by row; for walking only the used part of a whole-column selection. */
export function clipRect(r: Rect, bounds: Rect): Rect | null {
  const c = { top: Math.max(r.top, bounds.top), bottom: Math.min(r.bottom, bounds.bottom), left: Math.max(r.left, bounds.left), right: Math.min(r.right, bounds.right) }
  return c.top <= c.bottom && c.left <= c.right ? c : null
}

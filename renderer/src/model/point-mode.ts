// Point mode, as pure text arithmetic on the formula being typed: where the caret may
// take a reference, inserting (or replacing) the pointed reference at the caret, moving
// and extending the pointed cell with the arrow keys, and F4's cycle of `$` markers.
// What counts as a reference is the engine's scanner's business (engine/formula/scan.ts),
// so a reference found here is exactly one the engine will read.
import { scanFormula, type RefToken } from '../../../engine/formula/scan'
import { columnIndex, formatAddress, quoteSheet, type CellPos } from './address'
import { move, type Direction } from './navigation'

/** The reference point mode inserted last: its place in the text and the cells it names. */
export interface PointedSpan {
  start: number
  end: number
  /** The cell pointing started on (a range's fixed corner). */
  anchor: CellPos
  /** The moving corner (equal to anchor for a single cell). */
  corner: CellPos
  /** Sheet written before the reference, or null for the edited cell's own sheet. */
  sheet: string | null
}

/** Characters after which a reference may start (operators, separators, openers). */
const OPENERS = new Set(['=', '+', '-', '*', '/', '^', '(', ',', ';', ':', '<', '>', '?', '[', '&', '%', '|'])
/** Characters that may follow a reference (or the end of the text). */
const CLOSERS = new Set(['+', '-', '*', '/', '^', ')', ',', ';', ':', '<', '>', '=', '?', ']', '&', '%', '|', '!', '.'])

export const isFormula = (text: string): boolean => text.startsWith('=')

/**
 * Whether position `pos` of the formula lies inside a string literal ("…" or '…' not
 * followed by !). A ' right after a value (A1', x', )', ]') is the postfix transpose, as
 * the engine's scanner reads it.
 */
export function insideString(text: string, pos: number): boolean {
  let i = 1
  let lastTranspose = -1
  while (i < pos) {
    const ch = text[i]
    if (ch === "'") {
      let j = i - 1
      while (j >= 1 && (text[j] === ' ' || text[j] === '\t')) j--
      const c = j >= 1 ? text[j] : ''
      if (c === "'" ? j === lastTranspose : c !== '' && /[A-Za-z0-9_$.)\]]/.test(c)) {
        lastTranspose = i++
        continue
      }
    }
    if (ch === '"' || ch === "'") {
      let j = i + 1
      while (j < text.length && text[j] !== ch) j += text[j] === '\\' && ch === '"' ? 2 : 1
      // 'Sheet name'! is a qualifier, not a string.
      if (ch === "'" && text[j + 1] === '!') { i = j + 2; continue }
      if (pos <= j) return true
      i = j + 1
      continue
    }
    i++
  }
  return false
}

function previousNonSpace(text: string, pos: number): string {
  let i = pos - 1
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--
  return text[i] ?? ''
}

function nextNonSpace(text: string, pos: number): string {
  let i = pos
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++
  return text[i] ?? ''
}

/**
 * Whether a reference may go at [from, to) of the formula: after `=`, an operator, `(`
 * or `,`, and before the end, an operator or a closer — never inside a word, a number
 * or a string.
 */
export function acceptsReference(text: string, from: number, to = from): boolean {
  if (!isFormula(text) || from < 1 || insideString(text, from)) return false
  const before = previousNonSpace(text, from)
  if (!OPENERS.has(before)) return false
  const after = nextNonSpace(text, to)
  return after === '' || CLOSERS.has(after)
}

/** Whether a click or an arrow key at this caret points (inserts or replaces a reference). */
export function canPoint(text: string, from: number, to: number, span: PointedSpan | null): boolean {
  if (span && from === span.end && to === span.end) return true
  return acceptsReference(text, from, to)
}

/** `A1`, `B2:C5` (corners ordered top-left : bottom-right), `Sheet2!A1`, `'My data'!A1:B2`. */
export function referenceText(anchor: CellPos, corner: CellPos, sheet: string | null): string {
  const tl = { col: Math.min(anchor.col, corner.col), row: Math.min(anchor.row, corner.row) }
  const br = { col: Math.max(anchor.col, corner.col), row: Math.max(anchor.row, corner.row) }
  const cells = tl.col === br.col && tl.row === br.row ? formatAddress(tl) : `${formatAddress(tl)}:${formatAddress(br)}`
  return sheet === null ? cells : `${quoteSheet(sheet)}!${cells}`
}

export interface PointResult {
  text: string
  caret: number
  span: PointedSpan
}

/**
 * Puts the reference to anchor:corner at the caret: it replaces the span pointed last
 * when the caret still sits right after it (a second arrow press, a drag), and the
 * selected text [from, to) otherwise.
 */
export function pointAt(text: string, from: number, to: number, span: PointedSpan | null, anchor: CellPos, corner: CellPos, sheet: string | null): PointResult {
  const replacing = span !== null && from === span.end && to === span.end
  const start = replacing ? span.start : from
  const end = replacing ? span.end : to
  const ref = referenceText(anchor, corner, sheet)
  const next = text.slice(0, start) + ref + text.slice(end)
  const caret = start + ref.length
  return { text: next, caret, span: { start, end: caret, anchor, corner, sheet } }
}

/**
 * An arrow key in point mode: with a pointed span, moves it (Shift: moves only its
 * corner, extending it to a range); without one, starts from the edited cell.
 */
export function pointByArrow(text: string, from: number, to: number, span: PointedSpan | null, home: CellPos, homeSheet: string, viewSheet: string, dir: Direction, extend: boolean): PointResult {
  const sheet = viewSheet === homeSheet ? null : viewSheet
  const live = span !== null && from === span.end && to === span.end ? span : null
  if (!live) {
    const target = move(home, dir)
    return pointAt(text, from, to, null, extend ? home : target, target, sheet)
  }
  if (extend) return pointAt(text, from, to, live, live.anchor, move(live.corner, dir), live.sheet)
  const target = move(live.corner, dir)
  return pointAt(text, from, to, live, target, target, live.sheet)
}

/** A reference found in the formula text, with its position and `$` markers. */
export interface FoundReference {
  start: number
  /** Where the cell part starts (after any `Sheet!` qualifier). */
  cellsStart: number
  end: number
  /** What the scanner read there: the sheet as written, the (1-based) corners, #REF!. */
  token: RefToken
}

/** Every reference of the formula, as the engine's scanner reads it (empty when it cannot scan). */
export function referencesIn(text: string): FoundReference[] {
  return scanReferences(text).refs
}

/**
 * The formula's references and its plain identifiers (possible names), with their places
 * in the text (the `=` counted), as the engine's scanner reads them. Empty when the text
 * is not a formula or cannot be scanned.
 */
export function scanReferences(text: string): { refs: FoundReference[]; words: { start: number; end: number }[] } {
  if (!isFormula(text)) return { refs: [], words: [] }
  const body = text.slice(1)
  const scanned = scanFormula(body, true)
  if (!scanned.ok) return { refs: [], words: [] }
  const { text: placed, refs, sourceIndex, words } = scanned.scan
  const found: FoundReference[] = []
  let searchFrom = 0
  refs.forEach((ref, k) => {
    const placeholder = `${ref.range ? '$r' : '$c'}${k}`
    const at = placed.indexOf(placeholder, searchFrom)
    if (at < 0 || !sourceIndex) return
    searchFrom = at + placeholder.length
    const start = ref.sheetStart
    found.push({ start: start + 1, cellsStart: ref.sheetEnd + 1, end: sourceIndex[at + placeholder.length] + 1, token: ref })
  })
  return { refs: found, words: (words ?? []).map((w) => ({ start: w.start + 1, end: w.end + 1 })) }
}

/** The reference the caret is in or right after, or null. */
export function referenceAt(text: string, caret: number): FoundReference | null {
  return referencesIn(text).find((r) => r.start <= caret && caret <= r.end) ?? null
}

interface CellMarkers {
  col: string
  row: string
  colAbs: boolean
  rowAbs: boolean
}

function markersOf(cell: string): CellMarkers | null {
  let i = 0
  const colAbs = cell[i] === '$'
  if (colAbs) i++
  const lettersStart = i
  while (i < cell.length && /[A-Za-z]/.test(cell[i])) i++
  const col = cell.slice(lettersStart, i)
  const rowAbs = cell[i] === '$'
  if (rowAbs) i++
  const row = cell.slice(i)
  if (columnIndex(col) < 0 || row === '') return null
  return { col, row, colAbs, rowAbs }
}

/** F4's cycle, as Excel: A1 → $A$1 → A$1 → $A1 → A1. */
export function nextMarkers(colAbs: boolean, rowAbs: boolean): { colAbs: boolean; rowAbs: boolean } {
  if (!colAbs && !rowAbs) return { colAbs: true, rowAbs: true }
  if (colAbs && rowAbs) return { colAbs: false, rowAbs: true }
  if (!colAbs && rowAbs) return { colAbs: true, rowAbs: false }
  return { colAbs: false, rowAbs: false }
}

const written = (m: CellMarkers): string => `${m.colAbs ? '$' : ''}${m.col}${m.rowAbs ? '$' : ''}${m.row}`

/**
 * F4 on the reference at the caret: the next `$` pattern of its first cell, applied to
 * every cell of it (both corners of a range). Null when the caret is on no reference.
 */
export function cycleAbsolute(text: string, caret: number): { text: string; caret: number; start: number; end: number } | null {
  const ref = referenceAt(text, caret)
  if (!ref) return null
  const cells = text.slice(ref.cellsStart, ref.end).split(':').map(markersOf)
  if (cells.some((c) => c === null)) return null
  const next = nextMarkers(cells[0]!.colAbs, cells[0]!.rowAbs)
  const rewritten = cells.map((c) => written({ ...c!, ...next })).join(':')
  const out = text.slice(0, ref.cellsStart) + rewritten + text.slice(ref.end)
  const end = ref.cellsStart + rewritten.length
  return { text: out, caret: end, start: ref.start, end }
}

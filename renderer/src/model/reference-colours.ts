// Reference colouring while a formula is typed (as Excel and Google Sheets do): each
// distinct reference of the text (A1, B2:C4, Sheet2!A1, a cell name) gets a colour of a
// fixed palette, in order of first appearance; the editors colour its text and the grid
// outlines the cells it names in the same colour. Pure text → spans + blocks, so it is
// unit-tested in Node; what a reference is comes from the engine's scanner through
// model/point-mode.ts (scanReferences), never from a parser of its own.
import type { CellPos } from './address'
import { scanReferences } from './point-mode'

/**
 * Eight colours, each readable as text on the app's white editors (contrast ≥ 4.5:1,
 * checked in the unit test) and far enough apart to tell eight references apart. A ninth
 * distinct reference starts the palette again.
 */
export const REFERENCE_COLOURS = ['#2563eb', '#dc2626', '#7c3aed', '#047857', '#a16207', '#be185d', '#0369a1', '#4d7c0f'] as const

/** A coloured piece of the formula text: [start, end) in the whole text (the `=` is 0). */
export interface ColouredSpan {
  start: number
  end: number
  colour: number
}

/** A block a reference names, to outline on the grid. */
export interface ColouredBlock {
  sheet: string
  /** Top-left and bottom-right corners, 0-based. */
  from: CellPos
  to: CellPos
  colour: number
}

export interface ReferenceColouring {
  spans: ColouredSpan[]
  blocks: ColouredBlock[]
}

/** Where a cell name points (null: not a name of this workbook, left uncoloured). */
export type NameResolver = (name: string) => { sheet: string; pos: CellPos } | null

const NONE: ReferenceColouring = { spans: [], blocks: [] }

/**
 * The colours of a formula being typed on `homeSheet` (references without a sheet name
 * point there). Deleted (`#REF!`) and out-of-grid references, strings and function names
 * stay uncoloured; the same block written twice (A1 and $A$1) shares one colour.
 */
export function colourReferences(text: string, homeSheet: string, resolveName: NameResolver): ReferenceColouring {
  const { refs, words } = scanReferences(text)
  if (refs.length === 0 && words.length === 0) return NONE
  const found: { start: number; end: number; sheet: string; from: CellPos; to: CellPos }[] = []
  for (const ref of refs) {
    const t = ref.token
    if (t.deleted || t.outOfBounds) continue
    found.push({ start: ref.start, end: ref.end, sheet: t.sheet ?? homeSheet, from: { col: t.col0 - 1, row: t.row0 - 1 }, to: { col: t.col1 - 1, row: t.row1 - 1 } })
  }
  for (const w of words) {
    const target = resolveName(text.slice(w.start, w.end))
    if (target) found.push({ start: w.start, end: w.end, sheet: target.sheet, from: target.pos, to: target.pos })
  }
  found.sort((a, b) => a.start - b.start)
  const colourOf = new Map<string, number>()
  const spans: ColouredSpan[] = []
  const blocks: ColouredBlock[] = []
  for (const f of found) {
    const key = `${f.sheet.toLowerCase()}!${f.from.col},${f.from.row}:${f.to.col},${f.to.row}`
    let colour = colourOf.get(key)
    if (colour === undefined) {
      colour = colourOf.size % REFERENCE_COLOURS.length
      colourOf.set(key, colour)
      blocks.push({ sheet: f.sheet, from: f.from, to: f.to, colour })
    }
    spans.push({ start: f.start, end: f.end, colour })
  }
  return { spans, blocks }
}

/** The text cut into plain and coloured pieces, in order, covering all of it (for drawing). */
export function pieces(text: string, spans: ColouredSpan[]): { text: string; colour: number | null }[] {
  const out: { text: string; colour: number | null }[] = []
  let at = 0
  for (const s of spans) {
    if (s.start > at) out.push({ text: text.slice(at, s.start), colour: null })
    out.push({ text: text.slice(s.start, s.end), colour: s.colour })
    at = s.end
  }
  if (at < text.length) out.push({ text: text.slice(at), colour: null })
  return out
}

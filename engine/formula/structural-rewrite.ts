// Formulas under structural edits, the Excel way: rows or columns inserted or deleted on
// one sheet, and a block of cells moved (cut and paste). Every reference that resolves
// to the changed sheet follows, whichever sheet the formula lives on; `$` parts move too
// (they only matter for copies).
import { MAX_COL, MAX_ROW } from '../address'
import { boundsOf, cornersFor, rewriteReferences, type RefChange, type WrittenRef } from './ref-text'

/** Rows or columns inserted (`count` before `at`) or deleted (`at`…`at+count-1`) on `sheet`. */
export interface AxisChange {
  sheet: string
  axis: 'row' | 'col'
  kind: 'insert' | 'delete'
  at: number
  count: number
}

const sameSheet = (a: string, b: string): boolean => a === b || a.toLowerCase() === b.toLowerCase()

/** The sheet a reference points to, given the sheet its formula lives on. */
const targetSheet = (ref: WrittenRef, formulaSheet: string): string => ref.sheet ?? formulaSheet

/**
 * Where one 1-D span [lo, hi] goes; null when it is entirely deleted. Inserting grows a
 * span it cuts through; deleting shrinks it; a span pushed past the grid's end is cut at
 * the end (null when nothing of it is left).
 */
export function mapSpan(lo: number, hi: number, c: Pick<AxisChange, 'kind' | 'at' | 'count'>, max: number): [number, number] | null {
  if (c.kind === 'insert') {
    const nlo = lo >= c.at ? lo + c.count : lo
    const nhi = hi >= c.at ? hi + c.count : hi
    if (nlo > max) return null
    return [nlo, Math.min(nhi, max)]
  }
  const d0 = c.at
  const d1 = c.at + c.count - 1
  if (lo >= d0 && hi <= d1) return null
  const nlo = lo < d0 ? lo : lo > d1 ? lo - c.count : d0
  const nhi = hi < d0 ? hi : hi > d1 ? hi - c.count : d0 - 1
  return [nlo, nhi]
}

/** A formula on `formulaSheet` after the rows or columns changed. */
export function rewriteForAxisChange(input: string, formulaSheet: string, change: AxisChange): string {
  // A formula on another sheet can only reach the changed sheet through a qualifier (Sheet!A1).
  if (!sameSheet(formulaSheet, change.sheet) && !input.includes('!')) return input
  const max = change.axis === 'row' ? MAX_ROW : MAX_COL
  return rewriteReferences(input, (ref): RefChange => {
    if (!sameSheet(targetSheet(ref, formulaSheet), change.sheet)) return null
    const b = boundsOf(ref.corners)
    const span = change.axis === 'row' ? mapSpan(b.row0, b.row1, change, max) : mapSpan(b.col0, b.col1, change, max)
    if (span === null) return 'deleted'
    const next = change.axis === 'row' ? { ...b, row0: span[0], row1: span[1] } : { ...b, col0: span[0], col1: span[1] }
    if (next.row0 === b.row0 && next.row1 === b.row1 && next.col0 === b.col0 && next.col1 === b.col1) return null
    return { corners: cornersFor(ref.corners, next) }
  })
}

/** A block of cells moved: `from` on fromSheet to the block of the same size at (toRow, toCol) on toSheet. */
export interface BlockMove {
  fromSheet: string
  from: { row0: number; col0: number; row1: number; col1: number }
  toSheet: string
  toRow: number
  toCol: number
}

const inside = (b: { row0: number; col0: number; row1: number; col1: number }, o: { row0: number; col0: number; row1: number; col1: number }): boolean =>
  b.row0 >= o.row0 && b.row1 <= o.row1 && b.col0 >= o.col0 && b.col1 <= o.col1

/**
 * A formula after a cut and paste, as Excel does it: a reference wholly inside the moved
 * block follows it (to the other sheet too); a reference wholly inside the cells pasted
 * over (and not moved) becomes #REF!; anything else (a range only partly in the block)
 * stays. `formulaSheet` is where the formula lived before and `nowOn` where it lives
 * after (they differ for a formula that moved to another sheet): its unqualified
 * references to cells that stay then gain their sheet's name.
 */
export function rewriteForMove(input: string, formulaSheet: string, nowOn: string, move: BlockMove): string {
  const dRow = move.toRow - move.from.row0
  const dCol = move.toCol - move.from.col0
  const dest = { row0: move.toRow, col0: move.toCol, row1: move.from.row1 + dRow, col1: move.from.col1 + dCol }
  return rewriteReferences(input, (ref): RefChange => {
    const on = targetSheet(ref, formulaSheet)
    const b = boundsOf(ref.corners)
    const keepSheet = ref.sheet === null && !sameSheet(formulaSheet, nowOn) ? on : undefined
    if (sameSheet(on, move.fromSheet) && inside(b, move.from)) {
      const corners = ref.corners.map((c) => ({ row: c.row + dRow, col: c.col + dCol }))
      const sheet = sameSheet(move.fromSheet, move.toSheet) ? keepSheet : ref.sheet === null && sameSheet(nowOn, move.toSheet) ? null : move.toSheet
      return { corners, sheet }
    }
    if (sameSheet(on, move.toSheet) && inside(b, dest)) return 'deleted'
    if (keepSheet !== undefined) return { corners: ref.corners, sheet: keepSheet }
    return null
  })
}

// Copy and fill: a formula moved by (dRow, dCol) keeps pointing at the same *relative*
// cells. Parts written with `$` stay; a reference whose shifted corner leaves the grid
// becomes #REF! (as Excel writes it); references on other sheets shift the same way.
import { onGrid, rewriteReferences } from './ref-text'

export function shiftFormula(input: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return input
  return rewriteReferences(input, (ref) => {
    const corners = ref.corners.map((c) => ({ row: c.rowAbs ? c.row : c.row + dRow, col: c.colAbs ? c.col : c.col + dCol }))
    if (corners.some((c) => !onGrid(c.row, c.col))) return 'deleted'
    return { corners }
  })
}

// Which block fills which: Ctrl+D / Ctrl+R and the fill handle. The engine's `fill` edit
// takes the source block and the whole target containing it (engine/api.ts); these
// functions choose them from the selection, as Excel does. Pure, tested in Node.
import type { CellPos } from './address'
import { isWholeColumns, isWholeRows, type Rect } from './selection'

export interface FillPlan {
  from: Rect
  to: Rect
}

/**
 * Ctrl+D: the top row of the selection fills the rows below it; with a one-row
 * selection, the row above fills it. null when there is nothing to fill from.
 */
export function fillDownPlan(r: Rect): FillPlan | null {
  if (r.bottom > r.top) return { from: { ...r, bottom: r.top }, to: r }
  if (r.top === 0) return null
  return { from: { ...r, top: r.top - 1, bottom: r.top - 1 }, to: { ...r, top: r.top - 1 } }
}

/** Ctrl+R: the left column fills the columns to its right; one column: from the column to its left. */
export function fillRightPlan(r: Rect): FillPlan | null {
  if (r.right > r.left) return { from: { ...r, right: r.left }, to: r }
  if (r.left === 0) return null
  return { from: { ...r, left: r.left - 1, right: r.left - 1 }, to: { ...r, left: r.left - 1 } }
}

/**
 * The fill handle dragged to `pos`: the selection extends down, up, right or left,
 * whichever way the pointer went farthest past an edge (a tie goes to the rows, down
 * before up); null while the pointer is inside the selection. Up and left fill backwards:
 * the engine continues a series below its first cell (3, 4 dragged up → 2, 1).
 */
export function fillHandlePlan(r: Rect, pos: CellPos): FillPlan | null {
  const past = [
    { by: pos.row - r.bottom, to: { ...r, bottom: pos.row } },
    { by: r.top - pos.row, to: { ...r, top: pos.row } },
    { by: pos.col - r.right, to: { ...r, right: pos.col } },
    { by: r.left - pos.col, to: { ...r, left: pos.col } },
  ]
  let best: (typeof past)[number] | null = null
  for (const p of past) if (p.by > 0 && (!best || p.by > best.by)) best = p
  return best ? { from: r, to: best.to } : null
}

/**
 * Where a paste of a `rows` × `cols` block lands on a selection: the whole selection when
 * the block tiles it evenly, otherwise the block's own size from the top-left cell.
 * Whole rows or columns are never tiled (a million copies of one cell is never meant).
 */
export function pasteRect(rows: number, cols: number, target: Rect): Rect {
  const h = target.bottom - target.top + 1
  const w = target.right - target.left + 1
  if (h % rows === 0 && w % cols === 0 && !isWholeColumns(target) && !isWholeRows(target)) return target
  return { top: target.top, left: target.left, bottom: target.top + rows - 1, right: target.left + cols - 1 }
}

// Column geometry with a few custom widths among 16,384 columns: where a column starts,
// how wide it is, which column is under an x position, without an array per column.
// Widths come from the sheet's optional `columns` field (setColumnWidth edits), whose
// rule is the engine's (engine/workbook/columns.ts). Pure.
import { MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH } from '../../../engine/workbook/columns'
import { COLUMN_COUNT } from './address'

export interface ColumnLayout {
  widthOf(col: number): number
  /** Left edge of `col` (px from column A's left edge). */
  offsetOf(col: number): number
  total: number
  /** The column whose span holds x (clamped to the grid). */
  colAt(x: number): number
}

/** Widths are at zoom 1; the layout multiplies by `zoom`. Custom widths: column index → px. */
export function createColumnLayout(custom: ReadonlyMap<number, number>, defaultWidth: number, zoom = 1): ColumnLayout {
  const sorted = [...custom.entries()].filter(([c]) => c >= 0 && c < COLUMN_COUNT).sort((a, b) => a[0] - b[0])
  const d = defaultWidth * zoom
  // Prefix sums of (custom − default) over the sorted custom columns.
  const extra: number[] = []
  let acc = 0
  for (const [, w] of sorted) {
    acc += w * zoom - d
    extra.push(acc)
  }
  /** Sum of (custom − default) over custom columns < col. */
  function extraBefore(col: number): number {
    let lo = 0
    let hi = sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (sorted[mid][0] < col) lo = mid + 1
      else hi = mid
    }
    return lo === 0 ? 0 : extra[lo - 1]
  }
  const widthOf = (col: number) => (custom.has(col) ? custom.get(col)! * zoom : d)
  const offsetOf = (col: number) => col * d + extraBefore(col)
  const total = offsetOf(COLUMN_COUNT)
  function colAt(x: number): number {
    let lo = 0
    let hi = COLUMN_COUNT - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (offsetOf(mid) <= x) lo = mid
      else hi = mid - 1
    }
    return lo
  }
  return { widthOf, offsetOf, total, colAt }
}

/**
 * The widths a drag or an autofit sets: inside the file's rule for a column width
 * (engine/workbook/columns.ts, MIN_COLUMN_WIDTH…MAX_COLUMN_WIDTH px), narrowed so a column
 * stays wide enough to grab and narrow enough to see; so every width the app sets passes it.
 */
export const MIN_DRAG_WIDTH = Math.max(MIN_COLUMN_WIDTH, 24)
export const MAX_DRAG_WIDTH = Math.min(MAX_COLUMN_WIDTH, 2000)

/** A dragged or autofit width, rounded and kept within reason. */
export function clampWidth(px: number): number {
  return Math.round(Math.min(MAX_DRAG_WIDTH, Math.max(MIN_DRAG_WIDTH, px)))
}

// Windowed load (issue 12, the app side): what the UI needs to know about a whole workbook
// without a CellView per cell. From the engine's positions (Engine.positions) it reads, per
// sheet, where the cells are (to owe their views to the UI), how far the data reaches
// (Ctrl+End, the scrollbar) and the cell names (the name box, autocomplete). Walking the
// loaded document instead cost ~1 s at 1M cells (for…in over a million-key object,
// measured). Pure, so it is unit-tested without a worker.
import type { CellView, ChangedCells } from '../../../engine/api'
import { parseAddress } from '../../../engine/address'
import type { ViewportHint } from './protocol'
import { WINDOW_MARGIN } from './window-views'

/** One past the last used row and column of a sheet (0-based counts, as the store's extents). */
export interface SheetExtent {
  rows: number
  cols: number
}

export interface WorkbookLayout {
  /** Non-blank cells in the workbook. */
  count: number
  /** Sheet name → extent, for sheets holding any non-blank cell. */
  extents: Record<string, SheetExtent>
  /** Cell name → where it is. */
  names: Record<string, { sheet: string; address: string }>
  /** Every non-blank cell's position per sheet, 1-based like ChangeList.changed. */
  positions: ChangedCells[]
}

/** A view shows nothing and means nothing (no input, name or parameter mark): the UI drops such views. */
function isBlank(view: CellView): boolean {
  return view.input === '' && !view.name && !view.param
}

/** The layout from the engine's positions and names (Engine.positions: no view is built). */
export function layoutOfPositions(positions: ChangedCells[], names: { name: string; sheet: string; address: string }[]): WorkbookLayout {
  const extents: Record<string, SheetExtent> = {}
  let count = 0
  for (const p of positions) {
    if (p.rows.length === 0) continue
    let maxRow = 0
    let maxCol = 0
    for (let k = 0; k < p.rows.length; k++) {
      if (p.rows[k] > maxRow) maxRow = p.rows[k]
      if (p.cols[k] > maxCol) maxCol = p.cols[k]
    }
    // 1-based positions: the last used row's number is one past its 0-based index.
    extents[p.sheet] = { rows: maxRow, cols: maxCol }
    count += p.rows.length
  }
  const byName: WorkbookLayout['names'] = {}
  for (const n of names) byName[n.name] = { sheet: n.sheet, address: n.address }
  return { count, extents, names: byName, positions: positions.filter((p) => p.rows.length > 0) }
}

/** The same layout from views (an engine without `positions`). */
export function layoutOfViews(sheetOrder: string[], views: CellView[]): WorkbookLayout {
  const parts = new Map(sheetOrder.map((s) => [s, { rows: [] as number[], cols: [] as number[] }]))
  const names: { name: string; sheet: string; address: string }[] = []
  for (const v of views) {
    const part = parts.get(v.sheet)
    const p = parseAddress(v.address)
    if (!part || !p || isBlank(v)) continue
    part.rows.push(p.row)
    part.cols.push(p.col)
    if (v.name) names.push({ name: v.name, sheet: v.sheet, address: v.address })
  }
  return layoutOfPositions([...parts].map(([sheet, p]) => ({ sheet, rows: Int32Array.from(p.rows), cols: Int32Array.from(p.cols) })), names)
}

/** The window a load answers first: the size of what is on screen, at the top left of the first sheet (where the app shows a newly opened workbook). */
export const DEFAULT_LOAD_WINDOW = { rows: 60, cols: 20 }

/** The cells a newly loaded workbook shows first: the screen's size (at least DEFAULT_LOAD_WINDOW) plus the edit's margin, from A1 of `firstSheet`. */
export function loadWindow(firstSheet: string, onScreen?: ViewportHint): ViewportHint {
  const rows = onScreen ? onScreen.rows[1] - onScreen.rows[0] + 1 : 0
  const cols = onScreen ? onScreen.cols[1] - onScreen.cols[0] + 1 : 0
  return {
    sheet: firstSheet,
    rows: [0, Math.max(rows, DEFAULT_LOAD_WINDOW.rows) + WINDOW_MARGIN.rows - 1],
    cols: [0, Math.max(cols, DEFAULT_LOAD_WINDOW.cols) + WINDOW_MARGIN.cols - 1],
  }
}

/** What `filledAlong` needs of the engine. */
interface PositionSource {
  positions?(): { positions: ChangedCells[]; names: unknown[] }
  cells(): CellView[]
}

/**
 * The 0-based indices of the cells holding something along column `index` (`vertical`) or
 * row `index` of a sheet, ascending: Ctrl+arrow's line of travel while the UI holds only some
 * views. A cell with only a name or a parameter mark counts (the engine's positions do not
 * say which have input); O(cells) per call, ~60 ms at 1M cells.
 */
export function filledAlong(engine: PositionSource, sheet: string, vertical: boolean, index: number): number[] {
  const found = engine.positions?.()
  const parts = found ? found.positions : layoutOfViews([sheet], engine.cells().filter((v) => v.sheet === sheet)).positions
  const out: number[] = []
  const at = index + 1
  for (const p of parts) {
    if (p.sheet !== sheet) continue
    const along = vertical ? p.cols : p.rows
    const other = vertical ? p.rows : p.cols
    for (let k = 0; k < along.length; k++) if (along[k] === at) out.push(other[k] - 1)
  }
  return out.sort((a, b) => a - b)
}

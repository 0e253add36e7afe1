// Windowed views (issue 12 item 5, the app side): the engine applies edits without
// building a CellView per changed cell (`views: 'none'`); the worker builds views only for
// the changed cells in the grid's window (plus a margin) and queues the rest, which the UI
// pulls in small slices when it is idle (state/window-sync.ts). Pure over a minimal engine interface, so the
// cut and the queue are unit-tested without a worker.
import type { CellView, ChangedCells } from '../../../engine/api'
import { formatAddress } from '../model/address'
import type { ViewportHint } from './protocol'
import { OwedCells } from './owed-cells'

/** What this module needs of the engine. */
export interface ViewSource {
  cell(sheet: string, address: string): CellView
}

/** Rows and columns beyond the visible window whose changed cells also come with the reply, so a short scroll shows current values at once. */
export const WINDOW_MARGIN = { rows: 40, cols: 10 }

/** The window plus the margin, 0-based inclusive like ViewportHint. */
export function withMargin(hint: ViewportHint, margin = WINDOW_MARGIN): ViewportHint {
  return {
    sheet: hint.sheet,
    rows: [Math.max(0, hint.rows[0] - margin.rows), hint.rows[1] + margin.rows],
    cols: [Math.max(0, hint.cols[0] - margin.cols), hint.cols[1] + margin.cols],
  }
}

/**
 * The engine's positions (ChangeList.changed) are 1-based rows and columns (B3 is row 3,
 * column 2), so position p is 0-based index p - 1 here. Kept in this one place;
 * window-views.test.ts reads real engine positions and fails if this drifts.
 */
const POSITION_TO_INDEX = 1

function viewAt(engine: ViewSource, sheet: string, row: number, col: number): CellView {
  return engine.cell(sheet, formatAddress({ row: row - POSITION_TO_INDEX, col: col - POSITION_TO_INDEX }))
}

export interface WindowCut {
  /** Views of the changed cells inside the window (all of them when `all`). */
  views: CellView[]
  /** The changed cells outside it, still without views. */
  rest: ChangedCells[]
}

/**
 * Splits a change list's positions (ChangeList.changed) into views for the cells
 * in `window` (0-based) and the rest; `window` undefined or `all` builds every view.
 */
export function cutByWindow(engine: ViewSource, changed: ChangedCells[], window: ViewportHint | undefined, all = false): WindowCut {
  const views: CellView[] = []
  const rest: ChangedCells[] = []
  // The window in 1-based positions, hoisted out of the loop (a 1M-cell edit walks it once per cell).
  const top = window ? window.rows[0] + POSITION_TO_INDEX : 0
  const bottom = window ? window.rows[1] + POSITION_TO_INDEX : -1
  const left = window ? window.cols[0] + POSITION_TO_INDEX : 0
  const right = window ? window.cols[1] + POSITION_TO_INDEX : -1
  for (const part of changed) {
    const { rows, cols } = part
    if (all) {
      for (let k = 0; k < rows.length; k++) views.push(viewAt(engine, part.sheet, rows[k], cols[k]))
      continue
    }
    if (window === undefined || window.sheet !== part.sheet) {
      rest.push(part)
      continue
    }
    // Typed arrays of the part's length, not JS arrays grown by push: a 1M-cell edit cuts in milliseconds.
    const outRows = new Int32Array(rows.length)
    const outCols = new Int32Array(rows.length)
    let out = 0
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k]
      const c = cols[k]
      if (r >= top && r <= bottom && c >= left && c <= right) views.push(viewAt(engine, part.sheet, r, c))
      else {
        outRows[out] = r
        outCols[out] = c
        out++
      }
    }
    if (out > 0) rest.push({ sheet: part.sheet, rows: outRows.subarray(0, out), cols: outCols.subarray(0, out) })
  }
  return { views, rest }
}

/** Every cell of a window (empty ones too: the UI drops them), for a scroll that needs current views. */
export function viewsOfWindow(engine: ViewSource, window: ViewportHint): CellView[] {
  const out: CellView[] = []
  for (let r = window.rows[0]; r <= window.rows[1]; r++) {
    for (let c = window.cols[0]; c <= window.cols[1]; c++) out.push(engine.cell(window.sheet, formatAddress({ row: r, col: c })))
  }
  return out
}

/**
 * Positions whose views are still owed to the UI, each once however many edits touched it
 * (views are read when taken, so one read after the last edit is enough), taken in slices
 * when the UI is idle and asks.
 */
export class RefreshQueue {
  private owed = new OwedCells()

  get size(): number {
    return this.owed.size
  }

  push(parts: ChangedCells[]): void {
    this.owed.push(parts)
  }

  clear(): void {
    this.owed.clear()
  }

  /** Views of up to `n` owed cells, read from the engine now (so never older than the engine). */
  take(engine: ViewSource, n: number): CellView[] {
    const out: CellView[] = []
    for (const [sheet, row, col] of this.owed.take(n)) out.push(viewAt(engine, sheet, row, col))
    return out
  }
}

// Windowed views (issue 12 item 5, the app side): the engine applies edits without
// building a CellView per changed cell (`views: 'none'`); the worker builds views only for
// the changed cells in the grid's window (plus a margin) and queues the rest, which the UI
// pulls in small slices when it is idle (state/window-sync.ts). Pure over a minimal engine interface, so the
// cut and the queue are unit-tested without a worker.
import type { CellView, ChangedCells } from '../../../engine/api'
import { formatAddress } from '../model/address'
import type { ViewportHint } from './protocol'

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
  for (const part of changed) {
    const inSheet = all || (window !== undefined && window.sheet === part.sheet)
    const outRows: number[] = []
    const outCols: number[] = []
    for (let k = 0; k < part.rows.length; k++) {
      const r = part.rows[k] - POSITION_TO_INDEX
      const c = part.cols[k] - POSITION_TO_INDEX
      const inside = all || (inSheet && r >= window!.rows[0] && r <= window!.rows[1] && c >= window!.cols[0] && c <= window!.cols[1])
      if (inside) views.push(viewAt(engine, part.sheet, part.rows[k], part.cols[k]))
      else {
        outRows.push(part.rows[k])
        outCols.push(part.cols[k])
      }
    }
    if (outRows.length > 0) rest.push({ sheet: part.sheet, rows: Int32Array.from(outRows), cols: Int32Array.from(outCols) })
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

/** Column positions stay below this, so (row, col) packs into one exact number. */
const COL_SPAN = 1 << 16

/**
 * Positions whose views are still owed to the UI, each once however many edits touched it
 * (views are read when taken, so one read after the last edit is enough), taken in slices
 * when the UI is idle and asks.
 */
export class RefreshQueue {
  private owed = new Map<string, Set<number>>()
  private count = 0

  get size(): number {
    return this.count
  }

  push(parts: ChangedCells[]): void {
    for (const p of parts) {
      let set = this.owed.get(p.sheet)
      if (!set) this.owed.set(p.sheet, (set = new Set()))
      const before = set.size
      for (let k = 0; k < p.rows.length; k++) set.add(p.rows[k] * COL_SPAN + p.cols[k])
      this.count += set.size - before
    }
  }

  clear(): void {
    this.owed.clear()
    this.count = 0
  }

  /** Views of up to `n` owed cells, read from the engine now (so never older than the engine). */
  take(engine: ViewSource, n: number): CellView[] {
    const out: CellView[] = []
    for (const [sheet, set] of this.owed) {
      for (const packed of set) {
        if (out.length >= n) return out
        set.delete(packed)
        this.count--
        out.push(viewAt(engine, sheet, Math.floor(packed / COL_SPAN), packed % COL_SPAN))
      }
      this.owed.delete(sheet)
    }
    return out
  }
}

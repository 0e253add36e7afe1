// Turns what an update touched into a ChangeList: a CellView per changed cell (the
// default), or — with `views: 'none'` — only where the changed cells are, per sheet, in
// typed arrays, so an edit that reaches 100k cells builds no object per cell. Both carry
// the workbook-wide figures (error count, largest |∂J/∂cell|) the engine keeps current.
import type { ChangedCells, CellView } from '../api'
import { Kind } from '../graph/store'
import { viewOf } from './views'
import type { WorkbookState } from './workbook-state'

/** Rows and columns of one sheet's changed cells, growing as cells are added. */
class Positions {
  rows: Int32Array
  cols: Int32Array
  length = 0
  /** `expected`: how many cells may come (sized once, not grown by doubling). */
  constructor(expected: number) {
    this.rows = new Int32Array(Math.max(16, expected))
    this.cols = new Int32Array(Math.max(16, expected))
  }
  /** `a` cut to the cells pushed (no copy when it was sized right: a view would carry its whole buffer through postMessage). */
  exact(a: Int32Array): Int32Array {
    return a.length === this.length ? a : a.slice(0, this.length)
  }
  push(row: number, col: number): void {
    if (this.length === this.rows.length) {
      const rows = new Int32Array(this.length * 2)
      rows.set(this.rows)
      this.rows = rows
      const cols = new Int32Array(this.length * 2)
      cols.set(this.cols)
      this.cols = cols
    }
    this.rows[this.length] = row
    this.cols[this.length++] = col
  }
}

export interface DrainedChanges {
  cells: CellView[]
  /** Present when views were not built. */
  unlisted?: number
  changed?: ChangedCells[]
}

/** Lists (and clears) the cells this update touched. */
export function drainChanges(w: WorkbookState, withViews: boolean): DrainedChanges {
  const s = w.store
  const cells: CellView[] = []
  const bySheet = new Map<number, Positions>()
  const meta = w.changes.meta
  const hasMeta = meta.size > 0
  for (const id of meta) w.changes.touch(id)
  const ids = w.changes.take()
  const { kind, sheet, row, col } = s
  // Consecutive changed cells are almost always on one sheet: its liveness and positions are kept at hand.
  let lastSheet = -1
  let lastAlive = false
  let at: Positions | undefined
  let unlisted = 0
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k]
    const sid = sheet[id]
    if (sid !== lastSheet) {
      lastSheet = sid
      lastAlive = w.sheets.alive(sid)
      at = undefined
    }
    if (!lastAlive) continue
    if (kind[id] === Kind.Empty && !(hasMeta && meta.has(id)) && !w.hasContent(id)) continue
    if (withViews) {
      cells.push(viewOf(w, id))
      continue
    }
    unlisted++
    if (!at) {
      at = bySheet.get(sid)
      if (!at) bySheet.set(sid, (at = new Positions(ids.length - k)))
    }
    at.push(row[id], col[id])
  }
  if (withViews) return { cells }
  const changed = [...bySheet].map(([sid, p]) => ({ sheet: w.sheets.name(sid), rows: p.exact(p.rows), cols: p.exact(p.cols) }))
  return { cells, unlisted, changed }
}

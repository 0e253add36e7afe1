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
  rows = new Int32Array(16)
  cols = new Int32Array(16)
  length = 0
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
  let unlisted = 0
  for (const id of w.changes.meta) w.changes.touch(id)
  w.changes.drain((id) => {
    if (!w.sheets.alive(s.sheet[id])) return
    if (!w.changes.meta.has(id) && !w.hasContent(id) && s.kind[id] === Kind.Empty) return
    if (withViews) {
      cells.push(viewOf(w, id))
      return
    }
    unlisted++
    let at = bySheet.get(s.sheet[id])
    if (!at) bySheet.set(s.sheet[id], (at = new Positions()))
    at.push(s.row[id], s.col[id])
  })
  if (withViews) return { cells }
  const changed = [...bySheet].map(([sid, p]) => ({ sheet: w.sheets.name(sid), rows: p.rows.slice(0, p.length), cols: p.cols.slice(0, p.length) }))
  return { cells, unlisted, changed }
}

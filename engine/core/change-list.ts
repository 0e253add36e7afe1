// Turns what an update touched into a ChangeList: a CellView per changed cell (the
// default), or — with `views: 'none'` — only where the changed cells are, per sheet, in
// typed arrays, so an edit that reaches 100k cells builds no object per cell (and, when
// J's cone is listed whole, copies the cone's cached positions). Both carry
// the workbook-wide figures (error count, largest |∂J/∂cell|) the engine keeps current.
import type { ChangedCells, CellView } from '../api'
import { Kind } from '../graph/store'
import type { ConePositions } from './cone'
import { conePositions } from './cone-positions'
import { viewOf } from './views'
import type { WorkbookState } from './workbook-state'

/**
 * Scratch space for the positions of one update's listed cells, reused by every update
 * (grows, never shrinks): writing into fresh 100k-entry arrays on each edit cost more
 * than the copy out at the end.
 */
const scratch = { rows: new Int32Array(1024), cols: new Int32Array(1024), sheets: new Int32Array(1024) }

function reserve(n: number): void {
  if (scratch.rows.length >= n) return
  const size = Math.max(n, scratch.rows.length * 2)
  scratch.rows = new Int32Array(size)
  scratch.cols = new Int32Array(size)
  scratch.sheets = new Int32Array(size)
}

export interface DrainedChanges {
  cells: CellView[]
  /** Present when views were not built. */
  unlisted?: number
  changed?: ChangedCells[]
}

/**
 * Copies the rows, columns and sheets of the listed cells among `ids` into the scratch
 * arrays, skipping dead sheets, cells that became empty with nothing left in them, and
 * the cells `skip` marks (listed with the cone); returns how many.
 *
 * Only the loop lives here, on purpose: it runs once per update over up to every cell,
 * so V8 compiles it on stack (OSR) during the first large update and reuses that code;
 * code after the loop that had not run yet when it was compiled made that code
 * deoptimise on every later update.
 */
function placeCells(w: WorkbookState, ids: Int32Array, meta: Set<number>, skip: Uint8Array | null): number {
  const { kind, sheet, row, col } = w.store
  const { rows, cols, sheets } = scratch
  let lastSheet = -1
  let lastAlive = false
  let m = 0
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k]
    if (skip !== null && skip[id] === 1) continue
    const sid = sheet[id]
    if (sid !== lastSheet) {
      lastSheet = sid
      lastAlive = w.sheets.alive(sid)
    }
    if (!lastAlive) continue
    if (kind[id] === Kind.Empty && !meta.has(id) && !w.hasContent(id)) continue
    rows[m] = row[id]
    cols[m] = col[id]
    sheets[m++] = sid
  }
  return m
}

/** Positions per sheet: the cone's parts (if listed) followed, on each sheet, by the `m` placed cells; sheets in first-seen order. */
function bySheet(w: WorkbookState, m: number, cone: ConePositions | null): ChangedCells[] {
  const { rows, cols, sheets } = scratch
  const counts = new Map<number, number>()
  for (const part of cone?.parts ?? []) counts.set(part.sheet, 0)
  for (let k = 0; k < m; k++) counts.set(sheets[k], (counts.get(sheets[k]) ?? 0) + 1)
  const out: ChangedCells[] = []
  for (const [sid, placed] of counts) {
    const conePart = cone?.parts.find((p) => p.sheet === sid)
    const first = conePart ? conePart.rows.length : 0
    if (first === 0 && placed === m) {
      out.push({ sheet: w.sheets.name(sid), rows: rows.slice(0, m), cols: cols.slice(0, m) }) // the usual case: one sheet, no cone
      continue
    }
    if (placed === 0) {
      // The cone's cached arrays themselves (read-only, never changed once built: api.ts):
      // copying 100k rows and columns per edit was 6% of a chain edit, with its collections.
      out.push({ sheet: w.sheets.name(sid), rows: conePart!.rows, cols: conePart!.cols })
      continue
    }
    const part = { sheet: w.sheets.name(sid), rows: new Int32Array(first + placed), cols: new Int32Array(first + placed) }
    if (conePart) {
      part.rows.set(conePart.rows)
      part.cols.set(conePart.cols)
    }
    let j = first
    for (let k = 0; k < m && j < part.rows.length; k++) {
      if (sheets[k] !== sid) continue
      part.rows[j] = rows[k]
      part.cols[j++] = cols[k]
    }
    out.push(part)
  }
  return out
}

/** Lists (and clears) the cells this update touched. */
export function drainChanges(w: WorkbookState, withViews: boolean): DrainedChanges {
  const meta = w.changes.meta
  for (const id of meta) w.changes.touch(id)
  if (withViews) w.changes.materializeCone()
  const { ids, cone } = w.changes.take()
  if (!withViews) {
    const positions = cone === null ? null : conePositions(w, cone, meta)
    reserve(ids.length)
    const m = placeCells(w, ids, meta, positions === null ? null : positions.listed)
    return { cells: [], unlisted: m + (positions === null ? 0 : positions.count), changed: bySheet(w, m, positions) }
  }
  const cells: CellView[] = []
  const { kind, sheet } = w.store
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k]
    if (!w.sheets.alive(sheet[id])) continue
    if (kind[id] === Kind.Empty && !meta.has(id) && !w.hasContent(id)) continue
    cells.push(viewOf(w, id))
  }
  return { cells }
}

// Where J's cone is on the sheets, for change lists that name the cone whole (issue 12,
// core/changes.ts "cone listing"): built once per cone and copied out on each update,
// so an edit that reaches 100k cells of the cone costs one copy of their rows and
// columns instead of a flag, a comparison and a lookup per cell.
import { Kind } from '../graph/store'
import type { ConePositions, ObjectiveCone } from './cone'
import type { WorkbookState } from './workbook-state'

/** Whether a change list names the cell when it changes: on a live sheet, and not an empty cell with nothing in it. */
export function listable(w: WorkbookState, id: number): boolean {
  return w.sheets.alive(w.store.sheet[id]) && (w.store.kind[id] !== Kind.Empty || w.hasContent(id))
}

/**
 * One pass over the cone into row and column arrays of its size, cut per sheet only when
 * the cone spans several (parts in the order their sheets first appear). Runs once per
 * cone, so mostly in V8's baseline code: a Map per cell and two passes made the first
 * edit of a 1M-cell chain ~40 ms slower than the next (docs/benchmarks.md, "Ninth session").
 */
function build(w: WorkbookState, cone: ObjectiveCone): ConePositions {
  const { sheet, row, col, kind } = w.store
  const { ids, count: size } = cone
  const alive = new Uint8Array(w.sheets.states.length)
  for (let sid = 0; sid < alive.length; sid++) alive[sid] = w.sheets.alive(sid) ? 1 : 0
  const listed = new Uint8Array(w.store.capacity)
  const rows = new Int32Array(size)
  const cols = new Int32Array(size)
  let sids: Int32Array | null = null // only once a second sheet appears
  let first = -1
  let count = 0
  for (let k = 0; k < size; k++) {
    const id = ids[k]
    const sid = sheet[id]
    if (alive[sid] === 0 || (kind[id] === Kind.Empty && !w.hasContent(id))) continue // `listable`, unrolled
    listed[id] = 1
    if (first < 0) first = sid
    else if (sid !== first && sids === null) sids = new Int32Array(size).fill(first, 0, count)
    if (sids !== null) sids[count] = sid
    rows[count] = row[id]
    cols[count++] = col[id]
  }
  // Exact-length arrays: change lists hand them out as they are (change-list.ts `bySheet`).
  const exact = (a: Int32Array): Int32Array => (count === size ? a : a.slice(0, count))
  if (sids === null) return { parts: count === 0 ? [] : [{ sheet: first, rows: exact(rows), cols: exact(cols) }], listed, count }
  return { parts: bySheet(rows, cols, sids, count, alive.length), listed, count }
}

/** Cuts the cone's positions into one part per sheet, sheets in first-seen order. */
function bySheet(rows: Int32Array, cols: Int32Array, sids: Int32Array, count: number, sheets: number): ConePositions['parts'] {
  const counts = new Int32Array(sheets)
  const seen: number[] = []
  for (let k = 0; k < count; k++) if (counts[sids[k]]++ === 0) seen.push(sids[k])
  const parts = seen.map((sid) => ({ sheet: sid, rows: new Int32Array(counts[sid]), cols: new Int32Array(counts[sid]) }))
  const partOf: ConePositions['parts'] = new Array(sheets)
  for (const part of parts) partOf[part.sheet] = part
  const next = new Int32Array(sheets)
  for (let k = 0; k < count; k++) {
    const sid = sids[k]
    const at = next[sid]++
    partOf[sid].rows[at] = rows[k]
    partOf[sid].cols[at] = cols[k]
  }
  return parts
}

/**
 * The cone's positions, rebuilt when an edit of this update (`meta`: cells whose input,
 * name or param changed) made a cone cell listable or not (a constant cleared, a param
 * set on an empty cell); formula, name and sheet edits recompute the cone itself.
 */
export function conePositions(w: WorkbookState, cone: ObjectiveCone, meta: Set<number>): ConePositions {
  let p = cone.positions
  if (p !== null)
    for (const id of meta)
      if (cone.has(id) && (p.listed[id] === 1) !== listable(w, id)) {
        p = null
        break
      }
  if (p === null) cone.positions = p = build(w, cone)
  return p
}

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

function build(w: WorkbookState, cone: ObjectiveCone): ConePositions {
  const { sheet, row, col } = w.store
  const listed = new Uint8Array(w.store.capacity)
  const counts = new Map<number, number>()
  let count = 0
  for (let k = 0; k < cone.count; k++) {
    const id = cone.ids[k]
    if (!listable(w, id)) continue
    listed[id] = 1
    counts.set(sheet[id], (counts.get(sheet[id]) ?? 0) + 1)
    count++
  }
  const parts = [...counts].map(([sid, n]) => ({ sheet: sid, rows: new Int32Array(n), cols: new Int32Array(n) }))
  const at = new Map(parts.map((p) => [p.sheet, { part: p, next: 0 }]))
  for (let k = 0; k < cone.count; k++) {
    const id = cone.ids[k]
    if (!listed[id]) continue
    const slot = at.get(sheet[id])!
    slot.part.rows[slot.next] = row[id]
    slot.part.cols[slot.next++] = col[id]
  }
  return { parts, listed, count }
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

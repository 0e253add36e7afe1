// The reverse pass: one sweep from J down the order gives ∂J/∂c for every cell, with
// contributions from all paths added up; cells whose gradient changed are touched.
import { formatAddress, parseAddress } from '../address'
import { runBackward } from '../evaluate/run'
import { Kind, type CellStore } from '../graph/store'
import type { Adj, Err } from '../values'
import type { WorkbookState } from './workbook-state'

/** The objective cell id, or the reason there is no usable one. */
function objectiveTarget(w: WorkbookState): { id: number; reason: string | null } {
  const s = w.store
  const g = w.grads
  let id = -1
  let what: string
  g.jCell = null
  if (w.objectiveRef === null) {
    id = w.names.idOf('J') ?? -1
    if (id < 0) return { id, reason: 'no objective: name a cell J or choose an objective cell' }
    what = 'J'
  } else {
    const at = w.resolveRef(w.objectiveRef)
    if (!at) return { id, reason: `the objective "${w.objectiveRef}" is not a cell of this workbook` }
    g.jCell = `${at.sheet}!${at.address}`
    const where = parseAddress(at.address)!
    id = w.existingCell(w.sheets.id(at.sheet), where.row, where.col)
    what = w.objectiveRef
    if (id < 0) return { id, reason: `the objective ${what} is empty` }
  }
  g.jCell = `${w.sheets.name(s.sheet[id])}!${formatAddress(s.row[id], s.col[id])}`
  switch (s.kind[id]) {
    case Kind.Number:
      return { id, reason: null }
    case Kind.Empty:
      return { id, reason: `the objective ${what} is empty` }
    case Kind.Error:
      return { id, reason: `the objective ${what} is in error (${(s.obj[id] as Err).code})` }
    case Kind.Tensor:
      return { id, reason: `the objective ${what} is a vector or matrix, not a single number` }
    default:
      return { id, reason: `the objective ${what} is not a number` }
  }
}

/** Adds a general-path cell's contribution into the accumulators (number or tensor cells only). */
function sinkInto(store: CellStore, gnew: Float64Array, tnew: Map<number, Float64Array>): (id: number, adj: Adj) => void {
  return (id, adj) => {
    const k = store.kind[id]
    if (k === Kind.Number) gnew[id] += adj as number
    else if (k === Kind.Tensor && typeof adj !== 'number') {
      const t = tnew.get(id)
      if (t) for (let i = 0; i < t.length; i++) t[i] += adj[i]
      else tnew.set(id, adj.slice())
    }
  }
}

/** Walks the order down from J, sending each cell's adjoint to the cells it reads; returns how many cells it visited. */
function sweep(w: WorkbookState, jId: number, gnew: Float64Array, tnew: Map<number, Float64Array>): number {
  const s = w.store
  const { order, pos, cycleErr } = w.schedule
  const tape = w.tape
  const ran = tape.ran
  const { kind } = s // bindings are flat now (issue 12, load branch): s.bindingOf(id) gives a view
  const cycles = cycleErr.size > 0
  let sink: ((id: number, adj: Adj) => void) | null = null
  let visits = 0
  for (let p = pos[jId]; p >= 0; p--) {
    const id = order[p]
    const k = kind[id]
    if (k === Kind.Number) {
      const g = gnew[id]
      if (g === 0) continue
      if (ran[id]) {
        if (cycles && cycleErr.has(id)) continue
        visits++
        tape.backward(s, id, g, gnew)
        continue
      }
      const b = s.bindingOf(id)
      if (!b || (cycles && cycleErr.has(id))) continue
      visits++
      runBackward(s, b, g, (sink ??= sinkInto(s, gnew, tnew)))
    } else if (k === Kind.Tensor) {
      const adj = tnew.get(id)
      const b = s.bindingOf(id)
      if (!adj || !b || (cycles && cycleErr.has(id))) continue
      visits++
      runBackward(s, b, adj, (sink ??= sinkInto(s, gnew, tnew)))
    }
  }
  return visits
}

/** Whether two gradients differ (NaN equals NaN: an unchanged non-finite gradient is not a change). */
const differ = (a: number, b: number): boolean => a !== b && !(a !== a && b !== b)

/**
 * One reverse pass: ∂J/∂c for every cell, walking the order down from J. Cells on the
 * tape send their adjoint back through the values the forward left there; the others
 * (tensors, labels, rare functions) through the general path, which re-runs that one
 * cell's forward. Gradients are compared with the last pass over J's cone only (outside
 * it they are 0 both times); cells whose gradient changed are touched.
 */
export function reverse(w: WorkbookState): void {
  const s = w.store
  const grads = w.grads
  const n = s.count
  const target = objectiveTarget(w)
  grads.grow(s.capacity)
  const cone = grads.cone
  const recompute = target.reason !== null || cone.stale || target.id !== grads.jId || cone.count === 0
  // The last pass's cone (a copy when it is about to be recomputed in place).
  const oldCone = recompute ? cone.ids.slice(0, cone.count) : cone.ids.subarray(0, cone.count)
  if (target.reason !== null) cone.clear()
  else if (recompute) cone.compute(s, target.id)
  const gnew = grads.next
  const tnew = new Map<number, Float64Array>()
  grads.jId = target.id
  if (target.reason === null) {
    gnew[target.id] = 1
    w.reverseVisits += sweep(w, target.id, gnew, tnew)
  }
  const old = grads.num
  let maxAbs = 0
  for (let k = 0; k < cone.count; k++) {
    const id = cone.ids[k]
    const g = gnew[id]
    if (differ(old[id], g)) w.changes.touch(id)
    const m = g < 0 ? -g : g
    if (m > maxAbs && m !== Infinity && s.kind[id] === Kind.Number) maxAbs = m
  }
  for (let k = 0; k < oldCone.length; k++) {
    const id = oldCone[k]
    if (!cone.has(id) && differ(old[id], 0)) w.changes.touch(id)
    old[id] = 0 // the old array becomes the next pass's zeroed accumulator
  }
  for (const [id, t] of tnew) {
    for (let i = 0; i < t.length; i++) {
      const m = Math.abs(t[i])
      if (m > maxAbs && m !== Infinity) maxAbs = m
    }
    const o = grads.tensor.get(id)
    if (!o || o.length !== t.length || o.some((x, i) => x !== t[i])) w.changes.touch(id)
  }
  for (const id of grads.tensor.keys()) if (!tnew.has(id)) w.changes.touch(id)
  if (target.reason !== grads.reason) w.changes.touchAll(n)
  grads.num = gnew
  grads.next = old
  grads.tensor = tnew
  grads.reason = target.reason
  grads.maxAbs = target.reason === null ? maxAbs : 0
  grads.stale = false
}

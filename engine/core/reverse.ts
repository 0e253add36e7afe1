// The reverse pass: one sweep from J down the order gives ∂J/∂c for every cell, with
// contributions from all paths added up; cells whose gradient changed are touched.
import { formatAddress, parseAddress } from '../address'
import { runBackward } from '../evaluate/run'
import { isAffineOp } from '../evaluate/affine-ops'
import { lastSweepMaxAbs, sweepOps } from '../evaluate/tape-ops'
import { Kind, type CellStore } from '../graph/store'
import type { Adj, Err } from '../values'
import type { ObjectiveCone } from './cone'
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

/**
 * Walks the order down from J, sending each cell's adjoint to the cells it reads; returns
 * how many cells it visited, and leaves the largest finite |∂J/∂cell| in `sweptLargest`.
 * When every formula cell is on the tape and there is no cycle (core/tape-cells.ts), it
 * walks only the cells with a segment, if they are at most three quarters of the order:
 * the others are inputs and blanks, which send nothing back (`largestSwept` then finds
 * the largest gradient by one pass over the gradient array).
 */
function sweep(w: WorkbookState, jId: number, gnew: Float64Array, tnew: Map<number, Float64Array>): number {
  const s = w.store
  const { order, pos, cycleErr } = w.schedule
  const { kind } = s
  const cycles = cycleErr.size > 0
  let sink: ((id: number, adj: Adj) => void) | null = null
  // The cells the tape did not run: number cells on the general path, and tensor cells.
  // (Bindings are flat since the load branch: s.bindingOf(id) gives a view.)
  const general = (id: number): number => {
    if (cycles && cycleErr.has(id)) return 0
    const b = s.bindingOf(id)
    if (!b) return 0
    if (kind[id] === Kind.Number) runBackward(s, b, gnew[id], (sink ??= sinkInto(s, gnew, tnew)))
    else {
      const adj = tnew.get(id)
      if (!adj) return 0
      runBackward(s, b, adj, (sink ??= sinkInto(s, gnew, tnew)))
    }
    return 1
  }
  const tape = w.tape
  const cells = w.tapeCells
  cells.update(w.schedule, tape, s.bindings.program) // (current already when a forward pass ran first)
  const top = cells.offTape === 0 && cells.count * 4 <= w.schedule.length * 3 ? cells.indexOf(jId, pos) : -1
  sweptAll = top < 0
  if (sweptAll) return sweepOps(tape, kind, s.num, order, pos[jId], gnew, tape.seg, s.bindings.program, general, w.kernelChunk)
  return sweepOps(tape, kind, s.num, cells.ids, top, gnew, tape.seg, s.bindings.program, general, w.kernelChunk)
}

/** Whether the last `sweep` walked the whole order (else only the cells with a segment). */
let sweptAll = true

/** The largest finite |∂J/∂cell| after a sweep: the sweep's own when it walked every cell, else one pass over `gnew`. */
const largestSwept = (gnew: Float64Array, n: number): number => (sweptAll ? lastSweepMaxAbs() : largestGradient(gnew, n))

/**
 * The largest finite |g[id]| for ids below `n` (only number cells ever receive a
 * gradient): the largest and the smallest value side by side, which skips NaN and
 * predicts its branches far better than taking each absolute value (4× faster at 100k).
 */
export function largestGradient(g: Float64Array, n: number): number {
  let hi = 0
  let lo = 0
  for (let id = 0; id < n; id++) {
    const x = g[id]
    if (x > hi) {
      if (x !== Infinity) hi = x
    } else if (x < lo) {
      if (x !== -Infinity) lo = x
    }
  }
  return -lo > hi ? -lo : hi
}

/**
 * The cone is listed whole without comparing gradients once 1/VALUES_LIST_CONE of it
 * changed value: a weight's edit changes a model's predictions and losses (a quarter to
 * a half of its cells) and nearly always every gradient with them, so the compare would
 * only confirm a list within a few times the exact one. Below it, the gradients are
 * compared and the cone is listed whole when values and gradients reach half of it.
 */
const VALUES_LIST_CONE = 8

/** Ids of cone cells whose gradient changed in one pass (reused: grows, never shrinks). */
let differing = new Int32Array(1024)

/** How many ids `settle` wrote into `differing`. */
let differingCount = 0

/**
 * Over the cone's cells: the largest finite |∂J/∂cell| of the number cells, and the ids
 * whose gradient differs from the last pass's (into `differing`, counted in
 * `differingCount`); zeroes each old entry when `zeroHere`. Only the loop, so V8's
 * on-stack compilation of it stays valid from one update to the next.
 */
function settle(ids: Int32Array, count: number, gnew: Float64Array, old: Float64Array, kind: Uint8Array, zeroHere: boolean, out: Int32Array): number {
  let n = 0
  let maxAbs = 0
  for (let k = 0; k < count; k++) {
    const id = ids[k]
    const g = gnew[id]
    const o = old[id]
    if (zeroHere) old[id] = 0
    if (o !== g && (o === o || g === g)) out[n++] = id // NaN equals NaN: an unchanged non-finite gradient is not a change
    const m = g < 0 ? -g : g
    if (m > maxAbs && m !== Infinity && kind[id] === Kind.Number) maxAbs = m
  }
  differingCount = n
  return maxAbs
}

/**
 * An update whose value changes left the gradients as they were (J affine in its cone,
 * core/cone.ts) runs no reverse pass; its value changes set aside in J's cone are listed
 * by the same rule as after one: the whole cone once an eighth of it changed, else one by
 * one (`take` flags them).
 */
export function listValuesOnly(w: WorkbookState): void {
  const cone = w.grads.cone
  const changes = w.changes
  if (changes.setAside > 0 && changes.setAside * VALUES_LIST_CONE >= cone.count) changes.listCone(cone)
}

/** Flags the set-aside value changes and the differing gradients one by one (the exact list). */
function listEach(changes: WorkbookState['changes']): void {
  changes.flushSetAside()
  changes.touchMany(differing, differingCount)
}

/**
 * Whether every cell of the cone is a value (no tensor) or a formula whose tape segment
 * has only affine ops (evaluate/affine-ops.ts `isAffineOp`); a formula off the tape is not
 * assumed to be. (A vector or matrix is always a formula's value, and off the tape, so a
 * cone through one is never affine and a tensor's change of shape always runs the pass.)
 */
function coneIsAffine(w: WorkbookState, cone: ObjectiveCone): boolean {
  const s = w.store
  const tape = w.tape
  const programs = s.bindings.program
  for (let q = 0; q < cone.count; q++) {
    const id = cone.ids[q]
    if (s.kind[id] === Kind.Tensor) return false
    if (!programs[id]) continue
    const n = tape.sizeOf(id)
    if (n === 0) return false
    for (let t = tape.startOf(id), end = t + n; t < end; t++) if (!isAffineOp(tape.opAt(t), tape.kAt(t))) return false
  }
  return true
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
  else if (recompute) {
    cone.compute(s, target.id)
    cone.affine = cone.affineAllowed && coneIsAffine(w, cone)
  }
  const gnew = grads.next
  const tnew = new Map<number, Float64Array>()
  grads.jId = target.id
  if (target.reason === null) {
    gnew[target.id] = 1
    w.reverseVisits += sweep(w, target.id, gnew, tnew)
  }
  const old = grads.num
  const changes = w.changes
  let maxAbs: number
  if (!recompute && changes.setAside * VALUES_LIST_CONE >= cone.count && changes.setAside > 0) {
    // An eighth of the cone's values changed: it is listed whole (core/changes.ts)
    // whatever the gradients did, so they are not compared. The sweep found the largest
    // gradient; the old array, nonzero only in the cone, is zeroed for the next pass.
    maxAbs = largestSwept(gnew, n)
    if (cone.count * 4 >= n) old.fill(0, 0, n)
    else for (let k = 0; k < cone.count; k++) old[cone.ids[k]] = 0
    changes.listCone(cone)
  } else {
    // With the same cone as last pass, every old entry is in it: zeroed here as it is read
    // (the old array becomes the next pass's zeroed accumulator).
    if (differing.length < cone.count) differing = new Int32Array(cone.count)
    maxAbs = settle(cone.ids, cone.count, gnew, old, s.kind, !recompute, differing)
    // When at least half the cone changed (values set aside by the forward plus gradients),
    // the cone is listed whole; else each change is flagged.
    if (!recompute && changes.setAside > 0 && (changes.setAside + differingCount) * 2 >= cone.count) changes.listCone(cone)
    else listEach(changes)
  }
  if (recompute) {
    for (let k = 0; k < oldCone.length; k++) {
      const id = oldCone[k]
      if (!cone.has(id) && differ(old[id], 0)) w.changes.touch(id)
      old[id] = 0
    }
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

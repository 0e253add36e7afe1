// The forward pass: walks the order from the first dirty position, recomputes flagged
// cells (their tape segment, else the general path), and flags a cell's users only when
// its value actually changed, so an edit recomputes at most its downstream cells. A
// changed value makes the gradients stale only when J reads the cell (core/cone.ts).
import { constantValue } from '../evaluate/constant'
import { runForward } from '../evaluate/run'
import type { DenseRun } from '../evaluate/dense-run'
import { forwardDirty } from '../evaluate/forward-walk'
import type { DirtyPass } from '../evaluate/tape-pass'
import { Kind } from '../graph/store'
import { Err, Tensor, type V } from '../values'
import { workbookElementsProblem } from '../limits'
import { passLists, reservePassLists } from './pass-lists'
import type { WorkbookState } from './workbook-state'

/** The tensor, or #NUM! naming its first entry that is not finite: NaN and ±Infinity never leak as numbers. */
function finiteTensor(t: Tensor): Tensor | Err {
  const d = t.data
  for (let i = 0; i < d.length; i++) {
    if (Number.isFinite(d[i])) continue
    const cols = t.shape.length === 2 ? t.shape[1] : 0
    const where = cols ? `row ${Math.floor(i / cols) + 1}, column ${(i % cols) + 1}` : `entry ${i + 1}`
    return new Err('#NUM!', `the result is not finite at ${where} (${d[i]})`)
  }
  return t
}

function sameValue(a: V, b: V): boolean {
  if (a === b) return true
  if (a instanceof Err && b instanceof Err) return a.sameAs(b)
  if (a instanceof Tensor && b instanceof Tensor)
    return a.shape.length === b.shape.length && a.shape.every((n, i) => n === b.shape[i]) && a.data.every((x, i) => x === b.data[i])
  return false
}

/**
 * Computes one cell's value off the tape (a constant, a cycle member, or a formula the
 * tape gave up on: `triedTape`) and stores it; returns whether it changed.
 */
function recomputeCell(w: WorkbookState, id: number, triedTape: boolean): boolean {
  const s = w.store
  let v: V | null
  const cyc = w.schedule.cycleErr.size ? w.schedule.cycleErr.get(id) : undefined
  const b = s.bindingOf(id) // flat bindings (issue 12, load branch): a view, not a stored object
  if (cyc) v = cyc
  else if (b) {
    if (!triedTape) w.forwardEvaluations++
    v = runForward(s, b)
    if (typeof v === 'number' && !Number.isFinite(v)) v = new Err('#NUM!', 'the result is not a finite number')
    else if (v instanceof Tensor) v = finiteTensor(v)
    else if (v === 0) v = 0 // -0 shows and compares as 0, as in spreadsheets
  } else {
    v = constantValue(s.input[id]) // a typed -0 shows as 0 too
  }
  return storeValue(w, id, v)
}

/**
 * Stores a cell's newly computed value (kind, number, payload, the error and tensor
 * counts); returns whether it changed. Also how a document's constants get their values
 * while it loads (core/document-io.ts), so they need no place in the first pass.
 */
export function storeValue(w: WorkbookState, id: number, computed: V | null): boolean {
  const s = w.store
  let v = computed
  // The per-workbook memory budget: all cells' tensors together stay within it.
  const heldHere = s.kind[id] === Kind.Tensor ? (s.obj[id] as Tensor).size : 0
  if (v instanceof Tensor) {
    const over = workbookElementsProblem(w.tensorElements - heldHere, v.size)
    if (over) v = new Err('#VALUE!', over)
  }
  w.tensorElements += (v instanceof Tensor ? v.size : 0) - heldHere
  const kind = v === null ? Kind.Empty : typeof v === 'number' ? Kind.Number : v instanceof Tensor ? Kind.Tensor
    : typeof v === 'string' ? Kind.Text : typeof v === 'boolean' ? Kind.Boolean : Kind.Error
  const oldKind = s.kind[id]
  let changed = oldKind !== kind
  if (changed) {
    w.errorCells += (kind === Kind.Error ? 1 : 0) - (oldKind === Kind.Error ? 1 : 0)
    w.kindChanges++
  }
  if (!changed) {
    if (kind === Kind.Number) changed = s.num[id] !== v
    else if (kind !== Kind.Empty) changed = !sameValue(s.obj[id], v!)
  }
  s.kind[id] = kind
  if (kind === Kind.Number) {
    s.num[id] = v as number
    s.obj[id] = 0
  } else {
    s.obj[id] = v ?? 0
    s.num[id] = kind === Kind.Empty ? 0 : NaN // what the tape reads for it in place (graph/store.ts `num`)
  }
  return changed
}

/** Dense mode's epoch: each pass has its own (the stamps are in core/pass-lists.ts). */
let epoch = 0

// One DirtyPass and one DenseRun for every pass, filled in at its start and emptied at
// its end (so they hold no workbook between passes), and callbacks that are the same
// functions each time. Objects made per pass die with it, and a full collection then
// clears the field types V8 recorded for their shape; the next pass records them again,
// which throws away the kernels' optimised code (a "field type" code dependency), and a
// kernel can then stay in slower code for the rest of the session (measured: 25–35 %
// slower edits after a collection, docs/benchmarks.md "Kernels and V8's compiled code").
const NO_U8 = new Uint8Array(0)
const NO_I32 = new Int32Array(0)
const NO_F64 = new Float64Array(0)
/** The workbook of the pass under way (null between passes). */
let passing: WorkbookState | null = null
const other = (id: number, triedTape: boolean): boolean => recomputeCell(passing!, id, triedTape)
const becameNumber = (id: number): void => {
  const w = passing!
  const { kind, obj } = w.store
  w.kindChanges++
  if (kind[id] === Kind.Tensor) w.tensorElements -= (obj[id] as Tensor).size
  else if (kind[id] === Kind.Error) w.errorCells--
  obj[id] = 0
}
const extraUsers = (id: number): number[] | undefined => passing!.store.users.extra(id)
const inCycle = (id: number): boolean => passing!.schedule.cycleErr.has(id)
const dense: DenseRun = {
  changedAt: NO_I32, epoch: 0, pos: NO_I32, precStart: NO_I32, precCount: NO_I32, precIds: NO_I32,
  after: 0, exitAfter: 0, offTape: false,
}
const pass: DirtyPass = {
  kinds: NO_U8, nums: NO_F64, order: NO_I32, length: 0, from: 0, dirty: NO_U8, pending: 0,
  seg: NO_I32, userStart: NO_I32, userCount: NO_I32, userIds: NO_I32, built: 0,
  extraUsers: null, inCycle: null, other, becameNumber, dense, changed: NO_I32, changedCount: 0, evaluations: 0, lastChange: 0,
}

/** Empties the shared pass objects: between passes they hold no workbook's arrays. */
function releasePass(): void {
  passing = null
  dense.changedAt = dense.pos = dense.precStart = dense.precCount = dense.precIds = NO_I32
  pass.kinds = pass.dirty = NO_U8
  pass.nums = NO_F64
  pass.order = pass.seg = pass.userStart = pass.userCount = pass.userIds = pass.changed = NO_I32
  pass.extraUsers = pass.inCycle = null
}

/** Forward pass over the dirty cells, in order; stops propagating where values do not change. */
export function forward(w: WorkbookState): void {
  const sched = w.schedule
  const s = w.store
  const precedents = s.bindings // flat precedent rows (issue 12, load branch: graph/bindings.ts)
  if (sched.stale) {
    sched.reorder(s.count, precedents)
    w.tape.relayout(sched.order, sched.length)
    s.users.rebuild(s.count, precedents)
  } else {
    if (w.tape.fragmented) w.tape.relayout(sched.order, sched.length)
    if (s.users.scattered) s.users.rebuild(s.count, precedents)
  }
  const { tape, grads, changes } = w
  w.kindChanges = 0
  w.tapeCells.update(sched, tape, precedents.program)
  const rows = s.users.rows()
  reservePassLists(s.capacity)
  passing = w
  dense.changedAt = passLists.changedAt
  dense.epoch = ++epoch
  dense.pos = sched.pos
  dense.precStart = precedents.start
  dense.precCount = precedents.count
  dense.precIds = precedents.ids
  dense.after = w.denseAfter
  dense.exitAfter = w.denseExitAfter
  dense.offTape = w.tapeCells.offTape > 0
  pass.kinds = s.kind
  pass.nums = s.num
  pass.order = sched.order
  pass.length = sched.length
  pass.from = sched.minDirtyPos === Infinity ? sched.length : sched.minDirtyPos
  pass.dirty = sched.dirty
  pass.pending = sched.pending
  pass.seg = tape.seg
  pass.userStart = rows.start
  pass.userCount = rows.live
  pass.userIds = rows.targets
  pass.built = rows.built
  pass.extraUsers = s.users.hasExtra ? extraUsers : null
  pass.inCycle = sched.cycleErr.size > 0 ? inCycle : null
  pass.changed = passLists.changedIds
  pass.changedCount = 0
  pass.evaluations = 0
  forwardDirty(tape, pass, w.kernelChunk)
  const changedNow = pass.changed
  const changedCount = pass.changedCount
  const evaluations = pass.evaluations
  const pending = pass.pending
  releasePass()
  // Recorded once for the whole pass: what changed, and whether J reads any of it.
  changes.valuesChanged(changedNow, changedCount, grads.cone, s.count)
  grads.valuesChanged(changedNow, changedCount, w.kindChanges > 0)
  w.forwardEvaluations += evaluations
  sched.pending = pending
  sched.settle()
}

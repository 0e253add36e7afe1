// The forward pass: walks the order from the first dirty position, recomputes flagged
// cells (their tape segment, else the general path), and flags a cell's users only when
// its value actually changed, so an edit recomputes at most its downstream cells. A
// changed value makes the gradients stale only when J reads the cell (core/cone.ts).
import { constantValue } from '../evaluate/constant'
import { runForward } from '../evaluate/run'
import type { DenseRun } from '../evaluate/dense-run'
import { forwardDirty, type DirtyPass } from '../evaluate/tape-ops'
import { Kind } from '../graph/store'
import { Err, Tensor, type V } from '../values'
import { workbookElementsProblem } from '../limits'
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

/** Ids of the cells whose value changed in one forward pass (reused: grows, never shrinks). */
let changedIds = new Int32Array(1024)

/** Dense mode's stamps (evaluate/dense-run.ts), shared by every workbook: each pass has its own epoch. */
let changedAt = new Int32Array(1024)
let epoch = 0

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
  const cycleErr = sched.cycleErr
  const { tape, grads, changes } = w
  w.kindChanges = 0
  w.tapeCells.update(sched, tape, precedents.program)
  const { kind, obj } = s
  const { start: userStart, live: userCount, targets: userIds, built } = s.users.rows()
  if (changedIds.length < s.capacity) changedIds = new Int32Array(s.capacity)
  if (changedAt.length < s.capacity) changedAt = new Int32Array(s.capacity)
  const dense: DenseRun = {
    changedAt, epoch: ++epoch, pos: sched.pos,
    precStart: precedents.start, precCount: precedents.count, precIds: precedents.ids,
    after: w.denseAfter, exitAfter: w.denseExitAfter, offTape: w.tapeCells.offTape > 0,
  }
  const pass: DirtyPass = {
    kinds: kind, nums: s.num, order: sched.order, length: sched.length,
    from: sched.minDirtyPos === Infinity ? sched.length : sched.minDirtyPos,
    dirty: sched.dirty, pending: sched.pending, start: tape.start, size: tape.size, ran: tape.ran,
    userStart, userCount, userIds, built,
    extraUsers: s.users.hasExtra ? (id) => s.users.extra(id) : null,
    inCycle: cycleErr.size > 0 ? (id) => cycleErr.has(id) : null,
    other: (id, triedTape) => recomputeCell(w, id, triedTape),
    becameNumber: (id) => {
      w.kindChanges++
      if (kind[id] === Kind.Tensor) w.tensorElements -= (obj[id] as Tensor).size
      else if (kind[id] === Kind.Error) w.errorCells--
      obj[id] = 0
    },
    dense, changed: changedIds, changedCount: 0, evaluations: 0,
  }
  forwardDirty(tape, pass)
  const changedNow = pass.changed
  const changedCount = pass.changedCount
  const evaluations = pass.evaluations
  const pending = pass.pending
  // Recorded once for the whole pass: what changed, and whether J reads any of it.
  changes.valuesChanged(changedNow, changedCount, grads.cone, s.count)
  grads.valuesChanged(changedNow, changedCount, w.kindChanges > 0)
  w.forwardEvaluations += evaluations
  sched.pending = pending
  sched.settle()
}

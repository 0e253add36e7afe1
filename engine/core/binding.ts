// Binding: a formula cell's compiled program tied to this workbook's cell ids (a cell id
// per reference slot, an id block per range, an id per name, #REF! for slots that do not
// resolve), and the graph edges that follow from it. Unbinding removes those edges.
import { compileFormula } from '../formula/compile'
import { compileShape, shapeRefs, takeDeclined } from '../formula/shape-scan'
import type { Program } from '../formula/program'
import { fastProgramOf } from '../evaluate/fast'
import { rareOf, type Binding, type RareParts } from '../graph/bindings'
import { classifyInput } from '../input'
import { rangeSizeProblem } from '../limits'
import { Err } from '../values'
import type { WorkbookState } from './workbook-state'

/**
 * What the tape lowers from (evaluate/tape-layout.ts reads fast, slotIds, nameIds and
 * rangeIds): one object reused for every bind, its id arrays sized to the largest formula
 * so far and filled per cell, so binding allocates nothing per cell for the tape.
 */
const forTape: Binding = {
  program: { ops: [], names: [] }, refs: [], slotIds: new Int32Array(16), nameIds: new Int32Array(16),
  rangeIds: [], slotErrs: [], precedents: new Int32Array(0), fast: null,
}

/** Scratch for the distinct precedents of formulas with names, ranges or repeated references. */
let distinct = new Int32Array(64)
const seen = new Set<number>()

function addDistinct(count: number, x: number, useSet: boolean): number {
  if (x < 0) return count
  if (useSet) {
    if (seen.has(x)) return count
    seen.add(x)
  } else for (let k = 0; k < count; k++) if (distinct[k] === x) return count
  if (count === distinct.length) {
    const grown = new Int32Array(count * 2)
    grown.set(distinct)
    distinct = grown
  }
  distinct[count] = x
  return count + 1
}

function setSlotErr(r: RareParts, k: number, e: Err): void {
  if (r.slotErrs.length === 0) r.slotErrs = []
  r.slotErrs[k] = e
}

/** The text after "=" of a formula input, or null for any other input (classifyInput's reading, without its object for the usual "=…"). */
function formulaBody(input: string): string | null {
  const last = input.charCodeAt(input.length - 1)
  if (input.charCodeAt(0) === 61 && last > 32 && last < 127) return input.slice(1)
  const meaning = classifyInput(input)
  return meaning.kind === 'formula' ? meaning.body : null
}

/**
 * Binds a formula the shape reader took (formula/shape-scan.ts): single-cell references
 * on the cell's own sheet, in range, their rows and columns in `shapeRefs`; no token objects.
 */
function bindShape(w: WorkbookState, id: number, program: Program): void {
  w.grads.structureChanged()
  const n = shapeRefs.count
  const m = program.names.length
  const t = w.store.bindings
  const base = t.open(id, program, n, m)
  const own = w.store.sheet[id]
  const { rows, cols } = shapeRefs
  let rare: RareParts | null = null
  let slotsArePrecedents = m === 0
  for (let k = 0; k < n; k++) {
    const cell = w.cellWithinLimit(own, rows[k], cols[k])
    if (typeof cell === 'string') {
      t.ids[base + k] = -1
      setSlotErr((rare ??= rareOf(t, id, [])), k, new Err('#VALUE!', cell))
      slotsArePrecedents = false
      continue
    }
    t.ids[base + k] = cell
    if (slotsArePrecedents) for (let j = 0; j < k; j++) if (t.ids[base + j] === cell) slotsArePrecedents = false
  }
  finishBind(w, id, program, n, rare, false, slotsArePrecedents)
}

/** Binds the cell's formula (no-op for a constant) and adds its edges. */
export function bind(w: WorkbookState, id: number): void {
  const input = w.store.input[id]
  const shaped = compileShape(input)
  if (shaped !== null) return bindShape(w, id, shaped)
  const body = formulaBody(input)
  if (body === null) return
  w.grads.structureChanged()
  const { program, refs } = takeDeclined(input) ?? compileFormula(body)
  const n = refs.length
  const m = program.names.length
  const t = w.store.bindings
  const base = t.open(id, program, n, m)
  // Reference tokens are only needed later for ranges (their shape) and sheet names (renames).
  let keepRefs = false
  for (const r of refs) if (r.range || r.sheet !== null) keepRefs = true
  let rare: RareParts | null = keepRefs ? rareOf(t, id, refs) : null
  const own = w.store.sheet[id]
  let qualified = false
  // The precedents are the slots themselves unless a slot is a range or unresolved, a name is used, or a cell repeats.
  let slotsArePrecedents = m === 0
  for (let k = 0; k < n; k++) {
    const r = refs[k]
    t.ids[base + k] = -1
    let sid = own
    if (r.sheet !== null) {
      qualified = true
      sid = w.sheets.id(r.sheet)
      if (sid < 0) {
        setSlotErr((rare ??= rareOf(t, id, [])), k, new Err('#REF!', `there is no sheet named "${r.sheet}"`))
        slotsArePrecedents = false
        continue
      }
    }
    if (r.outOfBounds) {
      // A `#REF!` written by reference arithmetic (engine/formula) says what happened.
      const why = r.deleted ? 'the referenced cell was deleted or moved off the sheet' : 'the reference is outside the sheet (columns A to XFD, rows 1 to 1048576)'
      setSlotErr((rare ??= rareOf(t, id, [])), k, new Err('#REF!', why))
      slotsArePrecedents = false
      continue
    }
    if (!r.range) {
      const cell = w.cellWithinLimit(sid, r.row0, r.col0)
      if (typeof cell === 'string') {
        setSlotErr((rare ??= rareOf(t, id, [])), k, new Err('#VALUE!', cell))
        slotsArePrecedents = false
      } else {
        t.ids[base + k] = cell
        if (slotsArePrecedents) for (let j = 0; j < k; j++) if (t.ids[base + j] === cell) slotsArePrecedents = false
      }
      continue
    }
    slotsArePrecedents = false
    const rows = r.row1 - r.row0 + 1
    const cols = r.col1 - r.col0 + 1
    const tooBig = rangeSizeProblem(rows, cols) ?? w.rangeCellsProblem(sid, r.row0, r.col0, rows, cols)
    rare ??= rareOf(t, id, [])
    if (tooBig) {
      setSlotErr(rare, k, new Err('#VALUE!', tooBig))
      continue
    }
    const ids = new Int32Array(rows * cols)
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) ids[i * cols + j] = w.ensureCell(sid, r.row0 + i, r.col0 + j)
    if (rare.rangeIds.length === 0) rare.rangeIds = new Array<Int32Array | null>(n).fill(null)
    rare.rangeIds[k] = ids
  }
  finishBind(w, id, program, n, rare, qualified, slotsArePrecedents)
}

/** The part of binding both readers share: name ids, precedents, the tape segment and users edges. */
function finishBind(w: WorkbookState, id: number, program: Program, n: number, rare: RareParts | null, qualified: boolean, slotsArePrecedents: boolean): void {
  const t = w.store.bindings
  const base = t.slotStart[id]
  const m = program.names.length
  for (let k = 0; k < m; k++) {
    const name = program.names[k]
    t.ids[base + n + k] = w.names.idOf(name) ?? -1
    w.names.addUser(name, id)
  }
  if (qualified) w.sheetRefUsers.add(id)
  if (slotsArePrecedents) t.precedentsAreSlots(id, n)
  else {
    let total = m
    for (let k = 0; k < n; k++) total += rare?.rangeIds[k]?.length ?? 1
    const useSet = total > 16
    let count = 0
    // Single-cell slots first, then range cells, then names (the order edges are followed in: order, cycle paths).
    for (let k = 0; k < n; k++) count = addDistinct(count, t.ids[base + k], useSet)
    if (rare) for (const ids of rare.rangeIds) if (ids) for (const x of ids) count = addDistinct(count, x, useSet)
    for (let k = n; k < n + m; k++) count = addDistinct(count, t.ids[base + k], useSet)
    if (useSet) seen.clear() // clearing allocates a new table even when empty: only after use
    t.setPrecedents(id, distinct, count)
  }
  // While a document loads, the tape is laid out once, in evaluation order, after every formula is bound (layoutLoaded).
  if (w.lowerToTape && !w.loading) lowerCell(w, id, rare?.rangeIds)
  if (w.loading) return
  const sched = w.schedule
  const users = w.store.users
  for (let e = t.start[id], end = e + t.count[id]; e < end; e++) {
    const p = t.ids[e]
    users.add(p, id)
    if (sched.pos[p] >= sched.pos[id]) sched.stale = true
  }
  if (sched.cycleErr.has(id)) sched.stale = true
}

/** Lowers a bound cell's program into the tape from its slot and name ids in the binding table (no segment without a fast form). */
export function lowerCell(w: WorkbookState, id: number, rangeIds?: (Int32Array | null)[]): void {
  const t = w.store.bindings
  const program = t.program[id]
  if (!program) return
  const n = t.slots[id]
  const m = program.names.length
  const base = t.slotStart[id]
  if (forTape.slotIds.length < n) forTape.slotIds = new Int32Array(n * 2)
  if (forTape.nameIds.length < m) forTape.nameIds = new Int32Array(m * 2)
  // Copied entry by entry: a subarray is an object per call (per formula at load).
  for (let k = 0; k < n; k++) forTape.slotIds[k] = t.ids[base + k]
  for (let k = 0; k < m; k++) forTape.nameIds[k] = t.ids[base + n + k]
  forTape.fast = fastProgramOf(program)
  forTape.rangeIds = rangeIds ?? t.rare.get(id)?.rangeIds ?? []
  w.tape.lower(id, forTape)
}

/**
 * After a document's formulas are bound: the evaluation order, the users graph and the
 * tape, each built once. The tape is lowered straight in evaluation order into arrays of
 * the exact size (lowering while binding grew them by doubling and the first pass then
 * copied them into order: ~3× the tape's size in short-lived arrays at 1M cells, each
 * large allocation a reason for a full collection; loadmem branch, issue 12).
 */
export function layoutLoaded(w: WorkbookState): void {
  const s = w.store
  const sched = w.schedule
  // The gradient arrays are sized for the document already (WorkbookState.reserveCells) and hold only zeros until the first reverse pass.
  w.grads.lendWhileZero((spare) => sched.reorder(s.count, s.bindings, spare))
  s.users.rebuild(s.count, s.bindings)
  if (!w.lowerToTape) return
  w.tape.reserveExact(tapeOpsInOrder(w))
  lowerInOrder(w)
}

// The two loops of layoutLoaded are functions of their own: V8 optimises a long-running
// loop while it runs, and code optimised in the first loop met the second with no type
// feedback and was dropped there (a deoptimisation per load, issue 12 fifth session).

/** The tape ops the cells in the order will need. */
function tapeOpsInOrder(w: WorkbookState): number {
  const sched = w.schedule
  const programs = w.store.bindings.program
  let ops = 0
  for (let p = 0; p < sched.length; p++) {
    const program = programs[sched.order[p]]
    if (program) ops += fastProgramOf(program)?.kind.length ?? 0
  }
  return ops
}

function lowerInOrder(w: WorkbookState): void {
  const sched = w.schedule
  for (let p = 0; p < sched.length; p++) lowerCell(w, sched.order[p])
}

/** Removes the cell's binding and its edges. */
export function unbind(w: WorkbookState, id: number): void {
  const t = w.store.bindings
  const program = t.program[id]
  if (!program) return
  w.grads.structureChanged()
  for (let e = t.start[id], end = e + t.count[id]; e < end; e++) w.store.removeUser(t.ids[e], id)
  for (const name of program.names) w.names.removeUser(name, id)
  w.sheetRefUsers.delete(id)
  t.close(id)
  w.tape.drop(id)
  if (w.schedule.cycleErr.has(id)) w.schedule.stale = true
}

/** New input text for a cell: rebinds it and schedules it. */
export function setInput(w: WorkbookState, id: number, input: string): void {
  unbind(w, id)
  w.store.input[id] = input
  bind(w, id)
  w.schedule.markDirty(id)
  w.changes.meta.add(id)
}

/**
 * Rebinds many cells at once: unbinding all of them first, newest first, keeps each
 * removal from a shared users list at its end (one user at a time would be quadratic
 * when thousands of formulas read the same cell).
 */
export function rebindAll(w: WorkbookState, ids: number[]): void {
  for (let k = ids.length - 1; k >= 0; k--) unbind(w, ids[k])
  for (const id of ids) {
    bind(w, id)
    w.schedule.markDirty(id)
  }
}

export const rebindNameUsers = (w: WorkbookState, name: string): void => rebindAll(w, w.names.usersOf(name))

export const rebindSheetUsers = (w: WorkbookState): void => rebindAll(w, [...w.sheetRefUsers])

// Binding: a formula cell's compiled program tied to this workbook's cell ids (a cell id
// per reference slot, an id block per range, an id per name, #REF! for slots that do not
// resolve), and the graph edges that follow from it. Unbinding removes those edges.
import { compileFormula } from '../formula/compile'
import type { RefToken } from '../formula/scan'
import { fastProgramOf } from '../evaluate/fast'
import type { Binding } from '../graph/store'
import { classifyInput } from '../input'
import { rangeSizeProblem } from '../limits'
import { Err } from '../values'
import type { WorkbookState } from './workbook-state'

const NO_IDS: number[] = []
const NO_RANGES: (Int32Array | null)[] = []
const NO_ERRS: (Err | null)[] = []
const NO_REFS: RefToken[] = []

function setSlotErr(b: Binding, k: number, e: Err): void {
  if (b.slotErrs === NO_ERRS) b.slotErrs = []
  b.slotErrs[k] = e
}

/** The distinct cells a binding reads (the slot ids themselves when already distinct); small formulas avoid a Set. */
function distinctPrecedents(b: Binding): number[] {
  const out: number[] = []
  let big = false
  for (const ids of b.rangeIds) if (ids) big = true
  if (!big && b.nameIds.length === 0 && b.slotIds.every((x, i) => x >= 0 && b.slotIds.indexOf(x) === i)) return b.slotIds
  if (!big && b.slotIds.length + b.nameIds.length <= 16) {
    for (const x of b.slotIds) if (x >= 0 && !out.includes(x)) out.push(x)
    for (const x of b.nameIds) if (x >= 0 && !out.includes(x)) out.push(x)
    return out
  }
  const seen = new Set<number>()
  const add = (x: number) => {
    if (x >= 0 && !seen.has(x)) {
      seen.add(x)
      out.push(x)
    }
  }
  for (const x of b.slotIds) add(x)
  for (const ids of b.rangeIds) if (ids) for (const x of ids) add(x)
  for (const x of b.nameIds) add(x)
  return out
}

/** Binds the cell's formula (no-op for a constant) and adds its edges. */
export function bind(w: WorkbookState, id: number): void {
  const body = classifyInput(w.store.input[id])
  if (body.kind !== 'formula') return
  w.grads.structureChanged()
  const { program, refs } = compileFormula(body.body)
  const n = refs.length
  // Reference tokens are only needed later for ranges (their shape) and sheet names (renames).
  let keepRefs = false
  for (const r of refs) if (r.range || r.sheet !== null) keepRefs = true
  const b: Binding = {
    program,
    refs: keepRefs ? refs : NO_REFS,
    slotIds: n ? new Array<number>(n).fill(-1) : NO_IDS,
    // Shared empty arrays until a slot needs one: most formulas have no ranges or errors.
    rangeIds: NO_RANGES,
    slotErrs: NO_ERRS,
    nameIds: program.names.length ? new Array<number>(program.names.length) : NO_IDS,
    precedents: NO_IDS,
    fast: fastProgramOf(program),
  }
  const own = w.store.sheet[id]
  let qualified = false
  for (let k = 0; k < n; k++) {
    const r = refs[k]
    let sid = own
    if (r.sheet !== null) {
      qualified = true
      sid = w.sheets.id(r.sheet)
      if (sid < 0) {
        setSlotErr(b, k, new Err('#REF!', `there is no sheet named "${r.sheet}"`))
        continue
      }
    }
    if (r.outOfBounds) {
      // A `#REF!` written by reference arithmetic (engine/formula) says what happened.
      const why = r.deleted ? 'the referenced cell was deleted or moved off the sheet' : 'the reference is outside the sheet (columns A to XFD, rows 1 to 1048576)'
      setSlotErr(b, k, new Err('#REF!', why))
      continue
    }
    if (!r.range) {
      const cell = w.cellWithinLimit(sid, r.row0, r.col0)
      if (typeof cell === 'string') setSlotErr(b, k, new Err('#VALUE!', cell))
      else b.slotIds[k] = cell
      continue
    }
    const rows = r.row1 - r.row0 + 1
    const cols = r.col1 - r.col0 + 1
    const tooBig = rangeSizeProblem(rows, cols) ?? w.rangeCellsProblem(sid, r.row0, r.col0, rows, cols)
    if (tooBig) {
      setSlotErr(b, k, new Err('#VALUE!', tooBig))
      continue
    }
    const ids = new Int32Array(rows * cols)
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) ids[i * cols + j] = w.ensureCell(sid, r.row0 + i, r.col0 + j)
    if (b.rangeIds === NO_RANGES) b.rangeIds = new Array<Int32Array | null>(n).fill(null)
    b.rangeIds[k] = ids
  }
  for (let k = 0; k < program.names.length; k++) {
    const name = program.names[k]
    b.nameIds[k] = w.names.idOf(name) ?? -1
    w.names.addUser(name, id)
  }
  if (qualified) w.sheetRefUsers.add(id)
  b.precedents = distinctPrecedents(b)
  w.store.binding[id] = b
  if (w.lowerToTape) w.tape.lower(id, b)
  const sched = w.schedule
  for (const p of b.precedents) {
    w.store.addUser(p, id)
    if (sched.pos[p] >= sched.pos[id]) sched.stale = true
  }
  if (sched.cycleErr.has(id)) sched.stale = true
}

/** Removes the cell's binding and its edges. */
export function unbind(w: WorkbookState, id: number): void {
  const b = w.store.binding[id]
  if (!b) return
  w.grads.structureChanged()
  for (const p of b.precedents) w.store.removeUser(p, id)
  for (const name of b.program.names) w.names.removeUser(name, id)
  w.sheetRefUsers.delete(id)
  w.store.binding[id] = null
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

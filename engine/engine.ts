// The workbook engine: cells, bindings, the persistent evaluation order, incremental
// forward pass, one reverse pass for every gradient, and change lists.
import type { ApplyOptions, CellGrad, CellValue, CellView, ChangeList, Edit, ObjectiveState, RejectedEdit } from './api'
import { formatAddress, parseAddress, quoteSheet } from './address'
import { fastBackward, fastForward, fastProgramOf } from './evaluate/fast'
import { runBackward, runForward } from './evaluate/run'
import { compileFormula } from './formula/compile'
import type { RefToken } from './formula/scan'
import { computeOrder, cyclePath, type Precedents } from './graph/order'
import { SheetCells } from './graph/sheet-cells'
import { CellStore, Kind, type Binding } from './graph/store'
import { classifyInput } from './input'
import { constantValue } from './evaluate/constant'
import { nameProblem } from './names'
import { Err, Tensor, nestedOf, type Adj, type V } from './values'
import { CURRENT_VERSION, FORMAT, type CellEntry, type WorkbookDocument } from './workbook/document'
import type { ExplainSource } from './explain/source'
import { defineField } from './workbook/json-values'
import { cellCountProblem, rangeSizeProblem } from './limits'
import { sheetNameProblem as sheetNameRule } from './workbook/sheet-name'

/** Cycles longer than this report one shared path instead of one per member. */
const PER_MEMBER_PATH_LIMIT = 200

interface SheetState {
  name: string
  cells: SheetCells
  extra: Record<string, unknown>
  alive: boolean
}

const withoutKeys = (o: Record<string, unknown>, keys: string[]): Record<string, unknown> => {
  const out: Record<string, unknown> = {}
  // defineField: an unknown "__proto__" field stays a field instead of becoming the prototype.
  for (const k of Object.keys(o)) if (!keys.includes(k)) defineField(out, k, o[k])
  return out
}

const notFinite = (): CellGrad => ({
  kind: 'error',
  error: { code: '#NUM!', message: 'the gradient is not finite here (the objective is not differentiable at this point, e.g. sqrt at 0)' },
})

function hasExtraKeys(entry: object): boolean {
  for (const k in entry) if (k !== 'input' && k !== 'name' && k !== 'param') return true
  return false
}

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

/** The data with any -0 as 0 (shown and sent as 0, as scalars are); the same array when there is none. */
function positiveZeros(data: Float64Array): Float64Array {
  for (let i = 0; i < data.length; i++) if (data[i] === 0 && 1 / data[i] < 0) return data.map((x) => (x === 0 ? 0 : x))
  return data
}

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

function sameValue(a: V, b: V): boolean {
  if (a === b) return true
  if (a instanceof Err && b instanceof Err) return a.sameAs(b)
  if (a instanceof Tensor && b instanceof Tensor)
    return a.shape.length === b.shape.length && a.shape.every((n, i) => n === b.shape[i]) && a.data.every((x, i) => x === b.data[i])
  return false
}

export class GraphEngine {
  private store = new CellStore()
  private sheetStates: SheetState[] = []
  private sheetOrder: number[] = []
  private namesToId = new Map<string, number>()
  private nameOfId = new Map<number, string>()
  private nameUsers = new Map<string, Set<number>>()
  private sheetRefUsers = new Set<number>()
  private cellExtra = new Map<number, Record<string, unknown>>()
  /** Unknown top-level fields of the loaded document, written back by toDocument. */
  private docExtra: Record<string, unknown> = {}
  private objectiveRef: string | null = null

  private order = new Int32Array(1024)
  private pos = new Int32Array(1024)
  private dirty = new Uint8Array(1024)
  private orderLen = 0
  private orderStale = false
  private pending = 0
  private minDirtyPos = Infinity
  private cycleErr = new Map<number, Err>()
  /** Address strings of cells that have been shown (built on first view). */
  private addressCache: string[] = []

  private gnum = new Float64Array(0)
  private gtensor = new Map<number, Float64Array>()
  private gradReason: string | null = 'not computed yet'
  /** Whether anything that gradients depend on (values, formulas, names, objective, sheets) changed. */
  private gradsStale = true
  private jId = -1
  /** The objective's resolved cell ("Sheet1!B4"), existing or not, or null. */
  private jCell: string | null = null

  // What the current apply changed.
  private metaChanged = new Set<number>()
  /** Cells whose value or gradient changed: a flag per cell plus the list of flagged ids. */
  private touched = new Uint8Array(1024)
  /** Ids flagged in `touched`, in flag order (a typed list: an edit can flag every cell). */
  private touchedIds = new Int32Array(1024)
  private touchedLen = 0
  private forwardEvaluations = 0
  private reverseVisits = 0

  constructor(doc?: WorkbookDocument) {
    if (!doc) this.addSheetState('Sheet1', {})
    else this.load(doc)
    this.forward()
    this.reverse()
    this.touched.fill(0)
    this.touchedLen = 0
  }

  // ---------------------------------------------------------------- loading

  private load(doc: WorkbookDocument): void {
    this.docExtra = withoutKeys(doc, ['format', 'version', 'objective', 'sheets'])
    this.objectiveRef = doc.objective ?? null
    const formulas: number[] = []
    for (const sheet of doc.sheets) {
      const sid = this.addSheetState(sheet.name, withoutKeys(sheet, ['name', 'cells']))
      for (const address in sheet.cells) {
        if (!Object.hasOwn(sheet.cells, address)) continue
        const entry = sheet.cells[address]
        const at = parseAddress(address)
        if (!at || typeof entry?.input !== 'string') continue
        const id = this.ensureCell(sid, at.row, at.col)
        this.store.input[id] = entry.input
        if (typeof entry.param === 'boolean') this.store.param[id] = entry.param ? 1 : 2
        if (typeof entry.name === 'string' && !nameProblem(entry.name) && !this.namesToId.has(entry.name)) {
          this.namesToId.set(entry.name, id)
          this.nameOfId.set(id, entry.name)
        }
        if (hasExtraKeys(entry)) this.cellExtra.set(id, withoutKeys(entry, ['input', 'name', 'param']))
        // Most formulas start with "=" right away: trim (which may copy) only when not.
        if (entry.input.charCodeAt(0) === 61 || entry.input.trim().startsWith('=')) formulas.push(id)
        this.markDirty(id)
      }
    }
    for (const id of formulas) this.bind(id)
    this.orderStale = true
  }

  private addSheetState(name: string, extra: Record<string, unknown>, index?: number): number {
    const sid = this.sheetStates.push({ name, cells: new SheetCells(), extra, alive: true }) - 1
    const at = index === undefined ? this.sheetOrder.length : Math.max(0, Math.min(this.sheetOrder.length, Math.trunc(index)))
    this.sheetOrder.splice(at, 0, sid)
    return sid
  }

  private sheetId(name: string): number {
    for (const sid of this.sheetOrder) if (this.sheetStates[sid].name === name) return sid
    const lower = name.toLowerCase()
    for (const sid of this.sheetOrder) if (this.sheetStates[sid].name.toLowerCase() === lower) return sid
    return -1
  }

  private existingCell(sid: number, row: number, col: number): number {
    return this.sheetStates[sid].cells.get(row, col)
  }

  private ensureCell(sid: number, row: number, col: number): number {
    const sheet = this.sheetStates[sid]
    const found = sheet.cells.get(row, col)
    if (found >= 0) return found
    const id = this.store.add(sid, row, col)
    sheet.cells.set(row, col, id)
    this.addressCache.push('') // keeps the array packed (a holey array would fall back to dictionary mode)
    if (id >= this.order.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
        const b = make(this.store.capacity)
        b.set(a)
        return b
      }
      this.order = grow(this.order, (n) => new Int32Array(n))
      this.pos = grow(this.pos, (n) => new Int32Array(n))
      this.dirty = grow(this.dirty, (n) => new Uint8Array(n))
      this.touched = grow(this.touched, (n) => new Uint8Array(n))
      this.touchedIds = grow(this.touchedIds, (n) => new Int32Array(n))
    }
    // A new cell has no users yet (nobody could reference it), so the end of the order is valid.
    this.order[this.orderLen] = id
    this.pos[id] = this.orderLen++
    return id
  }

  /** The cell's id, creating it unless the workbook is at its cell limit (then why not). */
  private cellWithinLimit(sid: number, row: number, col: number): number | string {
    const found = this.existingCell(sid, row, col)
    if (found >= 0) return found
    return cellCountProblem(this.store.count) ?? this.ensureCell(sid, row, col)
  }

  /** Why a range's missing cells cannot all be created, or null (counts only when near the limit). */
  private rangeCellsProblem(sid: number, row0: number, col0: number, rows: number, cols: number): string | null {
    if (!cellCountProblem(this.store.count, rows * cols)) return null
    const cells = this.sheetStates[sid].cells
    let missing = 0
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) if (cells.get(row0 + i, col0 + j) < 0) missing++
    return cellCountProblem(this.store.count, missing)
  }

  // ---------------------------------------------------------------- bindings

  private bind(id: number): void {
    const body = classifyInput(this.store.input[id])
    if (body.kind !== 'formula') return
    this.gradsStale = true
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
    const own = this.store.sheet[id]
    let qualified = false
    for (let k = 0; k < n; k++) {
      const r = refs[k]
      let sid = own
      if (r.sheet !== null) {
        qualified = true
        sid = this.sheetId(r.sheet)
        if (sid < 0) {
          setSlotErr(b, k, new Err('#REF!', `there is no sheet named "${r.sheet}"`))
          continue
        }
      }
      if (r.outOfBounds) {
        setSlotErr(b, k, new Err('#REF!', 'the reference is outside the sheet (columns A to XFD, rows 1 to 1048576)'))
        continue
      }
      if (!r.range) {
        const id = this.cellWithinLimit(sid, r.row0, r.col0)
        if (typeof id === 'string') setSlotErr(b, k, new Err('#VALUE!', id))
        else b.slotIds[k] = id
        continue
      }
      const rows = r.row1 - r.row0 + 1
      const cols = r.col1 - r.col0 + 1
      const tooBig = rangeSizeProblem(rows, cols) ?? this.rangeCellsProblem(sid, r.row0, r.col0, rows, cols)
      if (tooBig) {
        setSlotErr(b, k, new Err('#VALUE!', tooBig))
        continue
      }
      const ids = new Int32Array(rows * cols)
      for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) ids[i * cols + j] = this.ensureCell(sid, r.row0 + i, r.col0 + j)
      if (b.rangeIds === NO_RANGES) b.rangeIds = new Array<Int32Array | null>(n).fill(null)
      b.rangeIds[k] = ids
    }
    for (let k = 0; k < program.names.length; k++) {
      const name = program.names[k]
      b.nameIds[k] = this.namesToId.get(name) ?? -1
      let users = this.nameUsers.get(name)
      if (!users) this.nameUsers.set(name, (users = new Set()))
      users.add(id)
    }
    if (qualified) this.sheetRefUsers.add(id)
    b.precedents = distinctPrecedents(b)
    this.store.binding[id] = b
    for (const p of b.precedents) {
      this.store.addUser(p, id)
      if (this.pos[p] >= this.pos[id]) this.orderStale = true
    }
    if (this.cycleErr.has(id)) this.orderStale = true
  }

  private unbind(id: number): void {
    const b = this.store.binding[id]
    if (!b) return
    this.gradsStale = true
    for (const p of b.precedents) this.store.removeUser(p, id)
    for (const name of b.program.names) this.nameUsers.get(name)?.delete(id)
    this.sheetRefUsers.delete(id)
    this.store.binding[id] = null
    if (this.cycleErr.has(id)) this.orderStale = true
  }

  private markDirty(id: number): void {
    if (this.dirty[id]) return
    this.dirty[id] = 1
    this.pending++
    if (this.pos[id] < this.minDirtyPos) this.minDirtyPos = this.pos[id]
  }

  private setInput(id: number, input: string): void {
    this.unbind(id)
    this.store.input[id] = input
    this.bind(id)
    this.markDirty(id)
    this.metaChanged.add(id)
  }

  // ---------------------------------------------------------------- passes

  private precedentsOf = (id: number): Precedents | null => this.store.binding[id]?.precedents ?? null

  private reorder(): void {
    const { order, cycles } = computeOrder(this.store.count, this.precedentsOf)
    this.order.set(order)
    for (let p = 0; p < order.length; p++) this.pos[order[p]] = p
    const next = new Map<number, Err>()
    for (const members of cycles) {
      const set = new Set(members)
      const shared = members.length > PER_MEMBER_PATH_LIMIT ? cyclePath(members[0], set, this.precedentsOf) : null
      for (const m of members) next.set(m, new Err('#CYCLE!', 'circular reference', undefined, shared ?? cyclePath(m, set, this.precedentsOf)))
    }
    for (const [id, e] of this.cycleErr) if (!next.get(id)?.sameAs(e)) this.markDirty(id)
    for (const id of next.keys()) if (!this.cycleErr.has(id)) this.markDirty(id)
    this.cycleErr = next
    this.minDirtyPos = 0
    this.orderStale = false
  }

  /** Computes one cell's value; returns whether it changed. */
  private recomputeCell(id: number): boolean {
    const s = this.store
    let v: V | null
    const cyc = this.cycleErr.size ? this.cycleErr.get(id) : undefined
    const b = s.binding[id]
    if (cyc) v = cyc
    else if (b) {
      this.forwardEvaluations++
      const fp = b.fast
      const y = fp ? fastForward(s, b, fp) : NaN
      v = Number.isNaN(y) ? runForward(s, b) : y
      if (typeof v === 'number' && !Number.isFinite(v)) v = new Err('#NUM!', 'the result is not a finite number')
      else if (v instanceof Tensor) v = finiteTensor(v)
      else if (v === 0) v = 0 // -0 shows and compares as 0, as in spreadsheets
    } else {
      v = constantValue(s.input[id]) // a typed -0 shows as 0 too
    }
    const kind = v === null ? Kind.Empty : typeof v === 'number' ? Kind.Number : v instanceof Tensor ? Kind.Tensor
      : typeof v === 'string' ? Kind.Text : typeof v === 'boolean' ? Kind.Boolean : Kind.Error
    const oldKind = s.kind[id]
    let changed = oldKind !== kind
    if (!changed) {
      if (kind === Kind.Number) changed = s.num[id] !== v
      else if (kind !== Kind.Empty) changed = !sameValue(s.obj[id], v!)
    }
    s.kind[id] = kind
    if (kind === Kind.Number) {
      s.num[id] = v as number
      s.obj[id] = 0
    } else s.obj[id] = v ?? 0
    return changed
  }

  /** Forward pass over the dirty cells, in order; stops propagating where values do not change. */
  private forward(): void {
    if (this.orderStale) this.reorder()
    const s = this.store
    const start = this.minDirtyPos === Infinity ? this.orderLen : this.minDirtyPos
    const cycles = this.cycleErr.size > 0
    for (let p = start; p < this.orderLen && this.pending > 0; p++) {
      const id = this.order[p]
      if (!this.dirty[id]) continue
      this.dirty[id] = 0
      this.pending--
      if (!this.recomputeCell(id)) continue
      this.gradsStale = true
      this.touch(id)
      const users = s.users[id]
      if (users)
        for (const u of users)
          if (!this.dirty[u] && !(cycles && this.cycleErr.has(u))) {
            this.dirty[u] = 1
            this.pending++
          }
    }
    if (this.pending > 0) {
      // Only cells inside cycles can be left (their value is fixed): clear the flags.
      this.dirty.fill(0)
      this.pending = 0
    }
    this.minDirtyPos = Infinity
  }

  private touch(id: number): void {
    if (this.touched[id]) return
    this.touched[id] = 1
    this.touchedIds[this.touchedLen++] = id
  }

  private label(id: number, fromSheet: number): string {
    const s = this.store
    const a = formatAddress(s.row[id], s.col[id])
    return s.sheet[id] === fromSheet ? a : `${quoteSheet(this.sheetStates[s.sheet[id]].name)}!${a}`
  }

  /** The objective cell id, or the reason there is no usable one. */
  private objectiveTarget(): { id: number; reason: string | null } {
    const s = this.store
    let id = -1
    let what: string
    this.jCell = null
    if (this.objectiveRef === null) {
      id = this.namesToId.get('J') ?? -1
      if (id < 0) return { id, reason: 'no objective: name a cell J or choose an objective cell' }
      what = 'J'
    } else {
      const at = this.resolveRef(this.objectiveRef)
      if (!at) return { id, reason: `the objective "${this.objectiveRef}" is not a cell of this workbook` }
      this.jCell = `${at.sheet}!${at.address}`
      const where = parseAddress(at.address)!
      id = this.existingCell(this.sheetId(at.sheet), where.row, where.col)
      what = this.objectiveRef
      if (id < 0) return { id, reason: `the objective ${what} is empty` }
    }
    this.jCell = `${this.sheetStates[s.sheet[id]].name}!${formatAddress(s.row[id], s.col[id])}`
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

  /** One reverse pass: ∂J/∂c for every cell; touches the cells whose gradient changed. */
  private reverse(): void {
    const s = this.store
    const n = s.count
    const target = this.objectiveTarget()
    const gnew = new Float64Array(n)
    const tnew = new Map<number, Float64Array>()
    this.jId = target.id
    if (target.reason === null) {
      gnew[target.id] = 1
      const sink = (id: number, adj: Adj): void => {
        const k = s.kind[id]
        if (k === Kind.Number) gnew[id] += adj as number
        else if (k === Kind.Tensor && typeof adj !== 'number') {
          const t = tnew.get(id)
          if (t) for (let i = 0; i < t.length; i++) t[i] += adj[i]
          else tnew.set(id, adj.slice())
        }
      }
      const cycles = this.cycleErr.size > 0
      for (let p = this.pos[target.id]; p >= 0; p--) {
        const id = this.order[p]
        const b = s.binding[id]
        if (!b || (cycles && this.cycleErr.has(id))) continue
        const k = s.kind[id]
        let adj: Adj | undefined
        if (k === Kind.Number) {
          if (gnew[id] === 0) continue
          adj = gnew[id]
        } else if (k === Kind.Tensor) {
          adj = tnew.get(id)
          if (!adj) continue
        } else continue
        this.reverseVisits++
        const fp = typeof adj === 'number' ? b.fast : null
        if (!fp || !fastBackward(s, b, fp, adj as number, gnew)) runBackward(s, b, adj, sink)
      }
    }
    const old = this.gnum
    for (let id = 0; id < n; id++) {
      const a = id < old.length ? old[id] : 0
      const b = gnew[id]
      if (a !== b && !(a !== a && b !== b)) this.touch(id)
    }
    for (const [id, t] of tnew) {
      const o = this.gtensor.get(id)
      if (!o || o.length !== t.length || o.some((x, i) => x !== t[i])) this.touch(id)
    }
    for (const id of this.gtensor.keys()) if (!tnew.has(id)) this.touch(id)
    if (target.reason !== this.gradReason) for (let id = 0; id < n; id++) this.touch(id)
    this.gnum = gnew
    this.gtensor = tnew
    this.gradReason = target.reason
    this.gradsStale = false
  }

  // ---------------------------------------------------------------- edits

  /**
   * The training fast path (engine/train): sets the values of number or tensor cells
   * without touching their input text, then runs the forward and reverse passes. No
   * change list is built; the cells it changed are listed by the next `apply`, which the
   * caller must use to write the inputs that match the values. Returns why a cell could
   * not be set, or null.
   */
  setValues(updates: { sheet: string; address: string; value: number | Float64Array }[]): string | null {
    const s = this.store
    for (const u of updates) {
      const at = this.locate(u.sheet, u.address)
      const id = typeof at === 'string' ? -1 : this.existingCell(at.sid, at.row, at.col)
      if (id < 0) return `${u.sheet}!${u.address} is not a cell with a value`
      const v = u.value
      if (typeof v === 'number') {
        if (s.kind[id] !== Kind.Number || !Number.isFinite(v)) return `${u.address} does not hold a number or the new value is not finite`
        if (s.num[id] === v) continue
        s.num[id] = v === 0 ? 0 : v // -0 is stored as 0, as evaluate does
      } else {
        const old = s.obj[id]
        if (s.kind[id] !== Kind.Tensor || !(old instanceof Tensor) || old.size !== v.length) return `${u.address} does not hold a tensor of ${v.length} numbers`
        s.obj[id] = new Tensor(old.shape, v.slice())
      }
      this.touch(id)
      this.gradsStale = true
      for (const user of s.users[id] ?? []) if (!this.cycleErr.has(user)) this.markDirty(user)
    }
    this.forward()
    if (this.gradsStale) this.reverse()
    return null
  }

  apply(edits: Edit[], options?: ApplyOptions): ChangeList {
    this.metaChanged.clear()
    this.forwardEvaluations = 0
    this.reverseVisits = 0
    const rejected: RejectedEdit[] = []
    let sheetsChanged = false
    for (const edit of Array.isArray(edits) ? edits : []) {
      let problem: string | null
      try {
        problem = this.applyOne(edit)
      } catch (e) {
        problem = `the edit could not be applied: ${e instanceof Error ? e.message : String(e)}`
      }
      if (problem) {
        rejected.push({ edit, message: problem })
        continue
      }
      if (edit.type === 'addSheet' || edit.type === 'renameSheet' || edit.type === 'deleteSheet') sheetsChanged = true
      if (edit.type !== 'setInput' && edit.type !== 'setParam') this.gradsStale = true
    }
    this.forward()
    // Gradients are a function of values, formulas, names and the objective: skip when none changed.
    if (this.gradsStale) this.reverse()
    for (const id of this.metaChanged) this.touch(id)
    const withViews = options?.views !== 'none'
    const cells: CellView[] = []
    let unlisted = 0
    for (let t = 0; t < this.touchedLen; t++) {
      const id = this.touchedIds[t]
      this.touched[id] = 0
      if (!this.sheetStates[this.store.sheet[id]].alive) continue
      if (!this.metaChanged.has(id) && !this.hasContent(id) && this.store.kind[id] === Kind.Empty) continue
      if (withViews) cells.push(this.view(id))
      else unlisted++
    }
    this.touchedLen = 0
    const list: ChangeList = {
      cells,
      objective: this.objective(),
      rejected,
      stats: { forwardEvaluations: this.forwardEvaluations, reverseVisits: this.reverseVisits },
    }
    if (!withViews) list.unlisted = unlisted
    if (sheetsChanged) list.sheets = this.sheets()
    return list
  }

  /** Applies one edit; returns why it was refused, or null. */
  private applyOne(edit: Edit): string | null {
    if (!edit || typeof edit !== 'object') return 'an edit must be an object'
    switch (edit.type) {
      case 'setInput': {
        if (typeof edit.input !== 'string') return 'the input must be text'
        const at = this.locate(edit.sheet, edit.address)
        if (typeof at === 'string') return at
        const id = this.cellWithinLimit(at.sid, at.row, at.col)
        if (typeof id === 'string') return id
        this.setInput(id, edit.input)
        return null
      }
      case 'setName':
        return this.setName(edit.sheet, edit.address, edit.name)
      case 'setParam': {
        if (typeof edit.param !== 'boolean') return 'param must be true or false'
        const at = this.locate(edit.sheet, edit.address)
        if (typeof at === 'string') return at
        const id = this.cellWithinLimit(at.sid, at.row, at.col)
        if (typeof id === 'string') return id
        this.store.param[id] = edit.param ? 1 : 2
        this.metaChanged.add(id)
        return null
      }
      case 'setObjective': {
        if (edit.ref !== null && typeof edit.ref !== 'string') return 'the objective must be a reference or null'
        this.objectiveRef = edit.ref === null || edit.ref.trim() === '' ? null : edit.ref.trim()
        return null
      }
      case 'addSheet': {
        const problem = this.sheetNameProblem(edit.name, -1)
        if (problem) return problem
        this.addSheetState(edit.name, {}, typeof edit.index === 'number' ? edit.index : undefined)
        this.rebindSheetUsers()
        return null
      }
      case 'renameSheet':
        return this.renameSheet(edit.from, edit.to)
      case 'deleteSheet':
        return this.deleteSheet(edit.name)
      default:
        return `unknown edit type "${String((edit as { type?: unknown }).type)}"`
    }
  }

  private locate(sheet: string, address: string): { sid: number; row: number; col: number } | string {
    const sid = typeof sheet === 'string' ? this.sheetId(sheet) : -1
    if (sid < 0) return `there is no sheet named "${String(sheet)}"`
    const at = typeof address === 'string' ? parseAddress(address) : null
    if (!at) return `"${String(address)}" is not a cell address (columns A to XFD, rows 1 to 1048576)`
    return { sid, ...at }
  }

  private setName(sheet: string, address: string, name: string | null): string | null {
    const at = this.locate(sheet, address)
    if (typeof at === 'string') return at
    if (name !== null && typeof name !== 'string') return 'a name must be text or null'
    const wanted = name === null || name.trim() === '' ? null : name.trim()
    if (wanted !== null) {
      const problem = nameProblem(wanted)
      if (problem) return problem
    }
    const existing = this.existingCell(at.sid, at.row, at.col)
    if (wanted !== null) {
      const owner = this.namesToId.get(wanted)
      if (owner !== undefined && owner !== existing) return `the name "${wanted}" is already used by ${this.label(owner, -1)}`
    }
    const id = this.cellWithinLimit(at.sid, at.row, at.col)
    if (typeof id === 'string') return id
    const old = this.nameOfId.get(id) ?? null
    if (old === wanted) return null
    if (old !== null) {
      this.namesToId.delete(old)
      this.nameOfId.delete(id)
      this.rebindNameUsers(old)
    }
    if (wanted !== null) {
      this.namesToId.set(wanted, id)
      this.nameOfId.set(id, wanted)
      this.rebindNameUsers(wanted)
    }
    this.metaChanged.add(id)
    return null
  }

  /**
   * Rebinds many cells at once: unbinding all of them first, newest first, keeps each
   * removal from a shared users list at its end (one user at a time would be quadratic
   * when thousands of formulas read the same cell).
   */
  private rebindAll(ids: number[]): void {
    for (let k = ids.length - 1; k >= 0; k--) this.unbind(ids[k])
    for (const id of ids) {
      this.bind(id)
      this.markDirty(id)
    }
  }

  private rebindNameUsers(name: string): void {
    this.rebindAll([...(this.nameUsers.get(name) ?? [])])
  }

  private rebindSheetUsers(): void {
    this.rebindAll([...this.sheetRefUsers])
  }

  private sheetNameProblem(name: unknown, self: number): string | null {
    if (typeof name !== 'string') return 'a sheet name must not be empty'
    const rule = sheetNameRule(name) // the one rule files are checked against too
    if (rule) return rule
    const other = this.sheetId(name)
    if (other >= 0 && other !== self) return `there is already a sheet named "${this.sheetStates[other].name}"`
    return null
  }

  private renameSheet(from: string, to: string): string | null {
    const sid = typeof from === 'string' ? this.sheetId(from) : -1
    if (sid < 0) return `there is no sheet named "${String(from)}"`
    const problem = this.sheetNameProblem(to, sid)
    if (problem) return problem
    const oldName = this.sheetStates[sid].name
    this.sheetStates[sid].name = to
    // Rewrite references to the old name in formulas, as spreadsheets do.
    for (const u of [...this.sheetRefUsers]) {
      const b = this.store.binding[u]
      const input = this.store.input[u]
      if (!b) continue
      const offset = input.indexOf('=') + 1
      let text = input
      for (let k = b.refs.length - 1; k >= 0; k--) {
        const r = b.refs[k]
        if (r.sheet === null || r.sheet.toLowerCase() !== oldName.toLowerCase()) continue
        text = text.slice(0, offset + r.sheetStart) + quoteSheet(to) + '!' + text.slice(offset + r.sheetEnd)
      }
      if (text !== input) this.setInput(u, text)
    }
    if (this.objectiveRef !== null) {
      const m = /^(?:'((?:[^']|'')+)'|([^!']+))!(.+)$/.exec(this.objectiveRef)
      const sheet = m ? (m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]) : null
      if (m && sheet!.toLowerCase() === oldName.toLowerCase()) this.objectiveRef = `${quoteSheet(to)}!${m[3]}`
    }
    this.rebindSheetUsers()
    for (const id of this.sheetStates[sid].cells.ids) if (this.hasContent(id)) this.metaChanged.add(id)
    return null
  }

  private deleteSheet(name: string): string | null {
    const sid = typeof name === 'string' ? this.sheetId(name) : -1
    if (sid < 0) return `there is no sheet named "${String(name)}"`
    if (this.sheetOrder.length === 1) return 'a workbook needs at least one sheet'
    const sheet = this.sheetStates[sid]
    for (const id of sheet.cells.ids) {
      const n = this.nameOfId.get(id)
      if (n !== undefined) {
        this.namesToId.delete(n)
        this.nameOfId.delete(id)
        this.rebindNameUsers(n)
      }
      this.unbind(id)
      this.store.input[id] = ''
      this.store.param[id] = 0
      this.cellExtra.delete(id)
      this.markDirty(id)
    }
    sheet.alive = false
    sheet.name = ''
    this.sheetOrder.splice(this.sheetOrder.indexOf(sid), 1)
    this.rebindSheetUsers()
    return null
  }

  // ---------------------------------------------------------------- views

  private hasContent(id: number): boolean {
    return this.store.input[id] !== '' || this.nameOfId.has(id) || this.store.param[id] !== 0
  }

  private errorView(e: Err, viewer: number): CellValue {
    let message = e.message
    if (e.path) {
      // Long cycles show their two ends: a message must stay short even for a 100k-cell cycle.
      const p = e.path
      const shown = p.length <= 12 ? p.map((id) => this.label(id, viewer))
        : [...p.slice(0, 5).map((id) => this.label(id, viewer)), `… ${p.length - 10} more …`, ...p.slice(-5).map((id) => this.label(id, viewer))]
      message += ': ' + shown.join(' → ')
    }
    if (e.origin !== undefined) message += ` (in ${this.label(e.origin, viewer)})`
    return { kind: 'error', error: { code: e.code, message } }
  }

  private valueView(id: number): CellValue {
    const s = this.store
    const sheet = s.sheet[id]
    switch (s.kind[id]) {
      case Kind.Empty:
        return { kind: 'empty' }
      case Kind.Number:
        return { kind: 'number', value: s.num[id] }
      case Kind.Tensor: {
        const t = s.obj[id] as Tensor
        return { kind: 'tensor', shape: [...t.shape], value: nestedOf(t.shape, positiveZeros(t.data)) }
      }
      case Kind.Text:
        return { kind: 'text', value: s.obj[id] as string }
      case Kind.Boolean:
        return { kind: 'boolean', value: s.obj[id] as boolean }
      default:
        return this.errorView(s.obj[id] as Err, sheet)
    }
  }

  private gradView(id: number): CellGrad {
    if (this.gradReason !== null) return { kind: 'unavailable', reason: this.gradReason }
    const s = this.store
    if (s.kind[id] === Kind.Number) {
      const g = id < this.gnum.length ? this.gnum[id] : 0
      return Number.isFinite(g) ? { kind: 'number', value: g === 0 ? 0 : g } : notFinite()
    }
    if (s.kind[id] === Kind.Tensor) {
      const t = s.obj[id] as Tensor
      const g = this.gtensor.get(id) ?? new Float64Array(t.size)
      if (!g.every(Number.isFinite)) return notFinite()
      return { kind: 'tensor', value: nestedOf(t.shape, positiveZeros(g)) }
    }
    return { kind: 'none' }
  }

  private addressOf(id: number): string {
    return (this.addressCache[id] ||= formatAddress(this.store.row[id], this.store.col[id]))
  }

  private view(id: number): CellView {
    const s = this.store
    const v: CellView = {
      sheet: this.sheetStates[s.sheet[id]].name,
      address: this.addressOf(id),
      input: s.input[id],
      value: this.valueView(id),
      grad: this.gradView(id),
    }
    const name = this.nameOfId.get(id)
    if (name !== undefined) v.name = name
    if (s.param[id]) v.param = s.param[id] === 1
    return v
  }

  cell(sheet: string, address: string): CellView {
    const at = this.locate(sheet, address)
    if (typeof at === 'string')
      return { sheet: String(sheet), address: String(address), input: '', value: { kind: 'error', error: { code: '#REF!', message: at } }, grad: { kind: 'none' } }
    const id = this.existingCell(at.sid, at.row, at.col)
    if (id >= 0) return this.view(id)
    return {
      sheet: this.sheetStates[at.sid].name,
      address: formatAddress(at.row, at.col),
      input: '',
      value: { kind: 'empty' },
      grad: this.gradReason !== null ? { kind: 'unavailable', reason: this.gradReason } : { kind: 'none' },
    }
  }

  cells(): CellView[] {
    const out: CellView[] = []
    const s = this.store
    for (const sid of this.sheetOrder) {
      const ids = this.sheetStates[sid].cells.ids.filter((id) => this.hasContent(id))
      ids.sort((a, b) => s.row[a] - s.row[b] || s.col[a] - s.col[b])
      for (const id of ids) out.push(this.view(id))
    }
    return out
  }

  sheets(): string[] {
    return this.sheetOrder.map((sid) => this.sheetStates[sid].name)
  }

  objective(): ObjectiveState {
    const id = this.jId
    const live = id >= 0 && this.sheetStates[this.store.sheet[id]].alive
    return {
      ref: this.objectiveRef,
      cell: this.jCell,
      value: live && this.store.kind[id] === Kind.Number ? this.store.num[id] : null,
      unavailableReason: this.gradReason,
    }
  }

  resolveRef(ref: string): { sheet: string; address: string } | null {
    if (typeof ref !== 'string') return null
    const t = ref.trim()
    const named = this.namesToId.get(t)
    if (named !== undefined) {
      const s = this.store
      return { sheet: this.sheetStates[s.sheet[named]].name, address: formatAddress(s.row[named], s.col[named]) }
    }
    const m = /^(?:'((?:[^']|'')+)'|([^!']+))!(.+)$/.exec(t)
    let sid = this.sheetOrder[0]
    let address = t
    if (m) {
      sid = this.sheetId(m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2].trim())
      if (sid < 0) return null
      address = m[3]
    }
    const at = parseAddress(address)
    if (!at) return null
    return { sheet: this.sheetStates[sid].name, address: formatAddress(at.row, at.col) }
  }

  /** Read-only access for engine/explain (graph view, chain-rule inspector); never mutates. */
  explainSource(): ExplainSource {
    return {
      store: this.store,
      order: this.order,
      pos: this.pos,
      orderLen: this.orderLen,
      objectiveId: this.gradReason === null ? this.jId : -1,
      gradReason: this.gradReason,
      sheetName: (sid) => (this.sheetStates[sid]?.alive ? this.sheetStates[sid].name : null),
      sheetIds: () => [...this.sheetOrder],
      cellId: (sheet, address) => {
        const at = this.locate(sheet, address)
        return typeof at === 'string' ? -1 : this.existingCell(at.sid, at.row, at.col)
      },
      nameOf: (id) => this.nameOfId.get(id),
      inCycle: (id) => this.cycleErr.has(id),
      hasContent: (id) => this.hasContent(id),
      gradOf: (id) => (this.gradReason !== null ? null : this.store.kind[id] === Kind.Tensor ? this.gtensor.get(id) ?? null : id < this.gnum.length ? this.gnum[id] : 0),
      view: (id) => this.view(id),
      addressOf: (id) => this.addressOf(id),
    }
  }

  /** A top-level document field beside format/version/objective/sheets (graph branch, issue 13: training settings). */
  setDocumentField(key: string, value: unknown): void {
    if (key === 'format' || key === 'version' || key === 'objective' || key === 'sheets') return
    const next = { ...this.docExtra }
    if (value === undefined) delete next[key]
    else Object.defineProperty(next, key, { value, enumerable: true, writable: true, configurable: true })
    this.docExtra = next
  }

  toDocument(): WorkbookDocument {
    const sheets = this.sheetOrder.map((sid) => {
      const st = this.sheetStates[sid]
      const cells: Record<string, CellEntry> = {}
      for (const id of st.cells.ids) {
        if (!this.hasContent(id) && !this.cellExtra.has(id)) continue
        const entry: CellEntry = { ...this.cellExtra.get(id), input: this.store.input[id] }
        const name = this.nameOfId.get(id)
        if (name !== undefined) entry.name = name
        if (this.store.param[id]) entry.param = this.store.param[id] === 1
        cells[formatAddress(this.store.row[id], this.store.col[id])] = entry
      }
      return { ...st.extra, name: st.name, cells }
    })
    return { ...this.docExtra, format: FORMAT, version: CURRENT_VERSION, objective: this.objectiveRef, sheets }
  }
}

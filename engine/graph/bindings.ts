// Formula bindings, flat (issue 12, flat graph storage): no object per formula cell on
// the load path. Per cell id: the shared program of its formula's shape (one pointer;
// every `=A1+1`, `=A2+1`, … points to the same one) and two offsets into one Int32Array
// pool: its slot ids followed by its name ids, and its precedents (the distinct cells it
// reads: the graph edges). When the slots already are the precedents (the usual case:
// distinct single-cell references, no names, no ranges) both offsets point to the same
// ids. Ranges, unresolved slots and the reference tokens a rename or a range shape needs
// live in a side map, as do cells that have them (rare). Unbinding leaves dead ids in the
// pool; the pool is compacted when it would otherwise grow while at least half of it is
// dead. Read paths that want an object (the general evaluator, engine/explain) get a
// short-lived `Binding` view from `view(id)`, valid until the next bind.
import type { RefToken } from '../formula/scan'
import type { Program } from '../formula/program'
import { fastProgramOf } from '../evaluate/fast'
import type { FastProgram } from '../evaluate/fast-program'
import type { Err } from '../values'
import type { PrecedentRows } from './order'
import { grownInt32 } from '../typed-arrays'
import { freshArrays, type ArrayMaker } from '../core/load-arena'

/** A cell's formula, bound to cell ids of this workbook (a view over the flat tables). */
export interface Binding {
  program: Program
  /** The reference tokens, kept only when a range or a sheet-qualified reference needs them (else empty). */
  refs: RefToken[]
  /** Per reference slot: the cell id (single refs), or -1 when it cannot be bound. */
  slotIds: Int32Array
  /** Per reference slot: the ids of a range, row-major, or null (empty when there are no ranges). */
  rangeIds: (Int32Array | null)[]
  /** Per slot: the #REF! error when the slot could not be bound (sparse). */
  slotErrs: (Err | null)[]
  /** Per program name: the cell id it names now, or -1 (#NAME?). */
  nameIds: Int32Array
  /** Every distinct cell this formula reads (graph edges). */
  precedents: Int32Array
  /** The program's scalar fast form (null: general path only). */
  fast: FastProgram | null
}

/** The parts only some formulas have: reference tokens (ranges, other sheets), range id blocks, slot errors. */
export interface RareParts {
  refs: RefToken[]
  rangeIds: (Int32Array | null)[]
  slotErrs: (Err | null)[]
}

const NO_RANGES: (Int32Array | null)[] = []
const NO_ERRS: (Err | null)[] = []
const NO_REFS: RefToken[] = []

export class BindingTable implements PrecedentRows {
  /** Per cell: the formula's shared program, or null (no formula bound). */
  program: (Program | null)[] = []
  /** Per cell: where its slot ids (then its name ids) start in `ids`, and how many slots (a formula that failed to parse keeps the slots it was scanned with). */
  slotStart = new Int32Array(0)
  slots = new Int32Array(0)
  /** Per cell: where its precedents start in `ids`, and how many there are (0 when unbound). */
  start = new Int32Array(0)
  count = new Int32Array(0)
  /** The pool: slot ids, name ids and precedents of every bound cell. */
  ids = new Int32Array(1024)
  length = 0
  /** Pool entries of unbound cells (reclaimed by compaction). */
  private dead = 0
  /** Per cell with ranges, slot errors or tokens to keep. */
  readonly rare = new Map<number, RareParts>()

  grow(capacity: number, make: ArrayMaker = freshArrays): void {
    if (capacity <= this.start.length) return
    const widen = (a: Int32Array): Int32Array<ArrayBuffer> => {
      const b = make.int32(capacity)
      b.set(a)
      return b
    }
    this.slotStart = widen(this.slotStart)
    this.slots = widen(this.slots)
    this.start = widen(this.start)
    this.count = widen(this.count)
    // Filled at once (never sparse), not pushed a million times: each push-growth leaves a copy behind.
    // One new array, the old entries copied in (a concat of a filled tail was two arrays of the full size).
    if (this.program.length < capacity) {
      const grown = new Array<Program | null>(capacity).fill(null)
      for (let id = 0; id < this.program.length; id++) grown[id] = this.program[id]
      this.program = grown
    }
  }

  has(id: number): boolean {
    return this.program[id] !== null
  }

  /** Room for `n` more pool entries; compacts instead of growing when half the pool is dead. Returns the offset. */
  reserve(n: number): number {
    if (this.length + n > this.ids.length) {
      if (this.dead * 2 >= this.length) this.compact()
      if (this.length + n > this.ids.length) {
        // By a quarter, or to what is needed: a loading document's pool is sized ahead (expect), and one large
        // range past that estimate would otherwise double it (array buffers V8 counts towards its next full collection).
        const cap = Math.max(this.length + n, Math.ceil(this.ids.length * 1.25))
        const ids = new Int32Array(cap)
        ids.set(this.ids.subarray(0, this.length))
        this.ids = ids
      }
    }
    const at = this.length
    this.length += n
    return at
  }

  /**
   * Room for `total` pool entries in one allocation (a loading document's estimate,
   * core/document-io.ts): the pool would otherwise double its way there, leaving about its
   * own final size in dead copies (array buffers that count towards V8's next full
   * collection: docs/benchmarks.md, "Eighth session: the 1M loads").
   */
  expect(total: number, make: ArrayMaker = freshArrays): void {
    if (total <= this.ids.length) return
    const ids = make.int32(total)
    ids.set(this.ids.subarray(0, this.length))
    this.ids = ids
  }

  /** Starts binding `id`: its program and `slots + names` pool entries for the caller to fill; returns their offset. */
  open(id: number, program: Program, slots: number, names: number): number {
    const at = this.reserve(slots + names)
    this.program[id] = program
    this.slotStart[id] = at
    this.slots[id] = slots
    this.start[id] = at
    this.count[id] = 0
    return at
  }

  /** The precedents are the first `n` slot ids (already distinct and resolved). */
  precedentsAreSlots(id: number, n: number): void {
    this.start[id] = this.slotStart[id]
    this.count[id] = n
  }

  /** Sets the precedents to a separate list. */
  setPrecedents(id: number, list: ArrayLike<number>, n = list.length): void {
    const at = this.reserve(n)
    for (let k = 0; k < n; k++) this.ids[at + k] = list[k]
    this.start[id] = at
    this.count[id] = n
  }

  /** Forgets the cell's binding (its pool entries become dead). */
  close(id: number): void {
    const p = this.program[id]
    if (!p) return
    const own = this.slotCount(id) + p.names.length
    this.dead += own + (this.start[id] !== this.slotStart[id] ? this.count[id] : 0)
    this.program[id] = null
    this.count[id] = 0
    this.rare.delete(id)
  }

  /** How many reference slots the cell's formula has. */
  slotCount(id: number): number {
    return this.slots[id]
  }

  /** A view of the cell's binding as one object (for the general evaluator and explain; valid until the next bind). */
  view(id: number): Binding | null {
    const program = this.program[id]
    if (!program) return null
    const at = this.slotStart[id]
    const n = this.slotCount(id)
    const r = this.rare.get(id)
    return {
      program,
      refs: r?.refs ?? NO_REFS,
      slotIds: this.ids.subarray(at, at + n),
      nameIds: this.ids.subarray(at + n, at + n + program.names.length),
      rangeIds: r?.rangeIds ?? NO_RANGES,
      slotErrs: r?.slotErrs ?? NO_ERRS,
      precedents: this.ids.subarray(this.start[id], this.start[id] + this.count[id]),
      fast: fastProgramOf(program),
    }
  }

  /** Rewrites the pool with only live entries (in cell id order). */
  private compact(): void {
    const ids = new Int32Array(Math.max(1024, (this.length - this.dead) * 2))
    let len = 0
    for (let id = 0; id < this.program.length; id++) {
      const p = this.program[id]
      if (!p) continue
      const own = this.slotCount(id) + p.names.length
      const from = this.slotStart[id]
      ids.set(this.ids.subarray(from, from + own), len)
      const aliased = this.start[id] === from
      this.slotStart[id] = len
      len += own
      if (aliased) this.start[id] = this.slotStart[id]
      else {
        ids.set(this.ids.subarray(this.start[id], this.start[id] + this.count[id]), len)
        this.start[id] = len
        len += this.count[id]
      }
    }
    this.ids = ids
    this.length = len
    this.dead = 0
  }
}

export function rareOf(table: BindingTable, id: number, refs: RefToken[]): RareParts {
  let r = table.rare.get(id)
  if (!r) table.rare.set(id, (r = { refs, rangeIds: NO_RANGES, slotErrs: NO_ERRS }))
  return r
}

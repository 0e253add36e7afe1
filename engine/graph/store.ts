// Per-cell data as a struct of arrays indexed by a numeric cell id (no object per
// node): value kind and number in typed arrays, the rarer payloads (tensors, labels,
// errors) in a side array. Ids are never reused, so bindings that hold an id stay valid.
import type { V } from '../values'
import { BindingTable, type Binding } from './bindings'
import { UserGraph } from './users'
import { freshArrays, type ArrayMaker } from '../core/load-arena'

export type { Binding } from './bindings'

export const enum Kind {
  Empty = 0,
  Number = 1,
  Tensor = 2,
  Text = 3,
  Boolean = 4,
  Error = 5,
}

export class CellStore {
  capacity = 0
  count = 0
  sheet = new Int32Array(0)
  row = new Int32Array(0)
  col = new Int32Array(0)
  kind = new Uint8Array(0)
  /** A number cell's value; 0 for an empty cell and NaN for any other, so the tape reads a cell with one load (evaluate/tape-ops.ts `read`). */
  num = new Float64Array(0)
  /** 0 = not set, 1 = true, 2 = explicitly false (kept so a save writes it back). */
  param = new Uint8Array(0)
  /** Payload of non-number values (tensor, label, boolean, error). */
  obj: V[] = []
  input: string[] = []
  /** Formulas bound to cell ids, and the graph's precedent edges (flat, graph/bindings.ts). */
  readonly bindings = new BindingTable()
  /** Cells whose formulas read each cell (flat, graph/users.ts). */
  readonly users = new UserGraph()

  constructor(initial = 1024) {
    this.grow(initial)
  }

  /** Room for exactly `n` cells (a document's count, known before loading): no doubling, no copies left behind. `make`: where the arrays come from (core/load-arena.ts). */
  reserve(n: number, make: ArrayMaker = freshArrays): void {
    if (n > this.capacity) this.grow(n, true, make)
    if (this.count === 0 && this.input.length < n) {
      // Filled at once (holey kind, but never sparse): a million pushes would leave a trail of copies for the collector.
      this.input = new Array<string>(n).fill('')
      this.obj = new Array<V>(n).fill(0)
    }
  }

  private grow(min: number, exact = false, make: ArrayMaker = freshArrays): void {
    let cap = Math.max(16, this.capacity)
    while (cap < min) cap *= 2
    if (exact) cap = min
    if (cap === this.capacity) return
    const widen = <T extends Int32Array | Uint8Array | Float64Array>(a: T, alloc: (n: number) => T): T => {
      const b = alloc(cap)
      b.set(a)
      return b
    }
    this.sheet = widen(this.sheet, (n) => make.int32(n))
    this.row = widen(this.row, (n) => make.int32(n))
    this.col = widen(this.col, (n) => make.int32(n))
    this.kind = widen(this.kind, (n) => make.uint8(n))
    this.num = widen(this.num, (n) => make.float64(n))
    this.param = widen(this.param, (n) => make.uint8(n))
    this.bindings.grow(cap, make)
    this.capacity = cap
  }

  add(sheet: number, row: number, col: number): number {
    if (this.count === this.capacity) this.grow(this.count + 1)
    const id = this.count++
    this.sheet[id] = sheet
    this.row[id] = row
    this.col[id] = col
    this.input[id] = ''
    this.obj[id] = 0
    return id
  }

  /** Whether the cell has a formula bound. */
  hasFormula(id: number): boolean {
    return this.bindings.program[id] !== null
  }

  /** The cell's binding as one object, or null (a view, valid until the next bind: read it, do not keep it). */
  bindingOf(id: number): Binding | null {
    return this.bindings.view(id)
  }

  addUser(of: number, user: number): void {
    this.users.add(of, user)
  }

  removeUser(of: number, user: number): void {
    this.users.remove(of, user)
  }

  /** The value as the formula language sees it: an empty cell reads as 0. */
  read(id: number): V {
    const k = this.kind[id]
    if (k === Kind.Number) return this.num[id]
    if (k === Kind.Empty) return 0
    return this.obj[id]
  }
}

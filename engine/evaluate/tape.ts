// The workbook's tape (a Wengert list): every formula cell that has a scalar fast form
// (evaluate/fast.ts) lowered once, at bind time, into shared typed arrays — an op code,
// two operand slots and a value per op, with range reductions reading an id block in a
// shared gather array. The forward pass runs a cell's segment; its values stay on the
// tape, so the reverse pass reads the intermediates instead of re-running the forward.
// Segments are addressed per cell id, so a new order needs no re-lowering; `relayout`
// rewrites them in evaluation order (locality, and dropping dead segments) when the
// order is recomputed. A cell without a segment — tensors, labels, rare functions, an
// unresolved reference — runs on the general path (evaluate/run.ts), as does a cell whose
// inputs are not numbers at the moment (the tape gives up and says so with NaN).
import type { Fast1, Fast2 } from '../functions/types'
import { Kind, type Binding, type CellStore } from '../graph/store'
import { TapeOp } from './fast-program'

type F1 = (x: number) => number
type D1 = (x: number, y: number) => number
type F2 = (a: number, b: number) => number
type D2 = (a: number, b: number, y: number) => number
const noDomain = (): boolean => false

/**
 * The function table's fast forms the tape calls, by small index, each part in its own
 * array of plain functions (one property load per call, not a lookup on differently
 * shaped entry objects).
 */
class FastForms {
  private ids = new Map<Fast1 | Fast2, number>()
  readonly f1: F1[] = []
  readonly df1: D1[] = []
  readonly dom1: ((x: number) => unknown)[] = []
  readonly f2: F2[] = []
  readonly dfa: D2[] = []
  readonly dfb: D2[] = []
  readonly dom2: ((a: number, b: number) => unknown)[] = []
  unary(f: Fast1): number {
    let k = this.ids.get(f)
    if (k === undefined) {
      this.ids.set(f, (k = this.f1.length))
      this.f1.push(f.f)
      this.df1.push(f.df)
      this.dom1.push(f.domain ?? noDomain)
    }
    return k
  }
  binary(f: Fast2): number {
    let k = this.ids.get(f)
    if (k === undefined) {
      this.ids.set(f, (k = this.f2.length))
      this.f2.push(f.f)
      this.dfa.push(f.dfa)
      this.dfb.push(f.dfb)
      this.dom2.push(f.domain ?? noDomain)
    }
    return k
  }
}

function grownInt32(a: Int32Array, n: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(n)
  b.set(a.subarray(0, Math.min(a.length, n)))
  return b
}

export class Tape {
  // Per op.
  op = new Uint8Array(1024)
  a = new Int32Array(1024)
  b = new Int32Array(1024)
  fn = new Int32Array(1024)
  val = new Float64Array(1024)
  /** Ops in use, and how many of them belong to dropped segments. */
  length = 0
  dead = 0
  // Per cell id.
  start = new Int32Array(1024)
  size = new Int32Array(1024)
  /** 1 when the cell's last forward ran on the tape (its intermediates are current). */
  ran = new Uint8Array(1024)
  /** Range reductions' id blocks. */
  gather = new Int32Array(1024)
  gatherLength = 0
  gatherDead = 0
  private forms = new FastForms()
  private adj = new Float64Array(64)

  /** Makes room for cell ids below `capacity`. */
  growCells(capacity: number): void {
    if (capacity <= this.start.length) return
    this.start = grownInt32(this.start, capacity)
    this.size = grownInt32(this.size, capacity)
    const ran = new Uint8Array(capacity)
    ran.set(this.ran)
    this.ran = ran
  }

  private reserveOps(n: number): void {
    if (this.length + n <= this.op.length) return
    let cap = this.op.length * 2
    while (cap < this.length + n) cap *= 2
    const op = new Uint8Array(cap)
    op.set(this.op)
    this.op = op
    this.a = grownInt32(this.a, cap)
    this.b = grownInt32(this.b, cap)
    this.fn = grownInt32(this.fn, cap)
    const val = new Float64Array(cap)
    val.set(this.val)
    this.val = val
  }

  private reserveGather(n: number): void {
    if (this.gatherLength + n <= this.gather.length) return
    let cap = this.gather.length * 2
    while (cap < this.gatherLength + n) cap *= 2
    this.gather = grownInt32(this.gather, cap)
  }

  /** Whether the cell has a segment (else: general path). */
  has(id: number): boolean {
    return this.size[id] > 0
  }

  /** Lowers a bound cell's program into a new segment (none when it has no fast form or an unresolved slot). */
  lower(id: number, binding: Binding): void {
    this.drop(id)
    const fp = binding.fast
    if (!fp) return
    const n = fp.kind.length
    let gathered = 0
    for (let i = 0; i < n; i++) {
      const k = fp.kind[i]
      if (k === TapeOp.Cell && binding.slotIds[fp.a[i]] < 0) return
      if (k === TapeOp.Name && binding.nameIds[fp.a[i]] < 0) return
      if (k >= TapeOp.RangeSum) {
        const ids = binding.rangeIds[fp.a[i]]
        if (!ids) return
        gathered += ids.length
      }
    }
    this.reserveOps(n)
    this.reserveGather(gathered)
    const base = this.length
    for (let i = 0; i < n; i++) {
      const t = base + i
      let k = fp.kind[i]
      this.val[t] = 0
      switch (k) {
        case TapeOp.Const:
          this.val[t] = fp.consts[i]
          break
        case TapeOp.Range:
          k = TapeOp.Const // read only by the reduction after it
          break
        case TapeOp.Cell:
          this.a[t] = binding.slotIds[fp.a[i]]
          break
        case TapeOp.Name:
          k = TapeOp.Cell
          this.a[t] = binding.nameIds[fp.a[i]]
          break
        case TapeOp.Unary:
          this.a[t] = base + fp.a[i]
          this.fn[t] = this.forms.unary(fp.f1[i]!)
          break
        case TapeOp.Binary:
          this.a[t] = base + fp.a[i]
          this.b[t] = base + fp.b[i]
          this.fn[t] = this.forms.binary(fp.f2[i]!)
          break
        default: {
          const ids = binding.rangeIds[fp.a[i]]!
          this.a[t] = this.gatherLength
          this.b[t] = ids.length
          this.gather.set(ids, this.gatherLength)
          this.gatherLength += ids.length
        }
      }
      this.op[t] = k
    }
    this.length += n
    this.start[id] = base
    this.size[id] = n
    if (this.adj.length < n) this.adj = new Float64Array(n * 2)
  }

  /** Forgets the cell's segment (its ops become dead until the next relayout). */
  drop(id: number): void {
    const n = this.size[id]
    if (n === 0) return
    this.dead += n
    for (let t = this.start[id]; t < this.start[id] + n; t++) if (this.op[t] >= TapeOp.RangeSum) this.gatherDead += this.b[t]
    this.size[id] = 0
    this.ran[id] = 0
  }

  /**
   * Runs the cell's segment; returns its value, or NaN when the tape gives up (an input
   * that is not a number, a domain error, a non-finite intermediate): then the general
   * path decides, and `ran` says the reverse pass must use it too.
   */
  forward(store: CellStore, id: number): number {
    const n = this.size[id]
    this.ran[id] = 0
    if (n === 0) return NaN
    const kinds = store.kind
    const nums = store.num
    const op = this.op
    const a = this.a
    const val = this.val
    const forms = this.forms
    const from = this.start[id]
    const end = from + n
    for (let t = from; t < end; t++) {
      let y: number
      switch (op[t]) {
        case TapeOp.Const:
          continue
        case TapeOp.Cell: {
          const c = a[t]
          const k = kinds[c]
          if (k === Kind.Number) y = nums[c]
          else if (k === Kind.Empty) y = 0
          else return NaN
          break
        }
        case TapeOp.Unary: {
          const f = this.fn[t]
          const x = val[a[t]]
          if (forms.dom1[f](x)) return NaN
          y = forms.f1[f](x)
          break
        }
        case TapeOp.Binary: {
          const f = this.fn[t]
          const x = val[a[t]]
          const z = val[this.b[t]]
          if (forms.dom2[f](x, z)) return NaN
          y = forms.f2[f](x, z)
          break
        }
        default: {
          // Left to right, as the general path's reduction adds the flattened range.
          const g0 = a[t]
          const g1 = g0 + this.b[t]
          const gather = this.gather
          let total = 0
          let numbers = 0
          for (let j = g0; j < g1; j++) {
            const c = gather[j]
            const k = kinds[c]
            if (k === Kind.Number) {
              total += nums[c]
              numbers++
            } else if (k !== Kind.Empty) return NaN
          }
          // AVERAGE of no numbers is #DIV/0!: left to the general path.
          const kind = op[t]
          y = kind === TapeOp.RangeSum ? total : total / (kind === TapeOp.RangeMean ? g1 - g0 : numbers)
        }
      }
      if (y - y !== 0) return NaN // not finite
      val[t] = y
    }
    this.ran[id] = 1
    return val[end - 1]
  }

  /**
   * Sends the cell's adjoint `g` back through its segment, adding each number cell's
   * share into `grads` (an empty cell passes no gradient). Reads the values the forward
   * left on the tape; only for cells whose last forward ran here (`ran`).
   */
  backward(store: CellStore, id: number, g: number, grads: Float64Array): void {
    const kinds = store.kind
    const op = this.op
    const a = this.a
    const val = this.val
    const from = this.start[id]
    const n = this.size[id]
    const adj = this.adj
    const forms = this.forms
    for (let i = 0; i < n - 1; i++) adj[i] = 0
    adj[n - 1] = g
    for (let i = n - 1; i >= 0; i--) {
      const d = adj[i]
      if (d === 0) continue
      const t = from + i
      switch (op[t]) {
        case TapeOp.Const:
          break
        case TapeOp.Cell: {
          const c = a[t]
          if (kinds[c] === Kind.Number) grads[c] += d
          break
        }
        case TapeOp.Unary: {
          const x = a[t]
          adj[x - from] += d * forms.df1[this.fn[t]](val[x], val[t])
          break
        }
        case TapeOp.Binary: {
          const f = this.fn[t]
          const x = a[t]
          const z = this.b[t]
          const da = d * forms.dfa[f](val[x], val[z], val[t])
          const db = d * forms.dfb[f](val[x], val[z], val[t])
          adj[x - from] += da
          adj[z - from] += db
          break
        }
        default: {
          // Every number cell of the range gets the same share; empty cells pass no gradient.
          const g0 = a[t]
          const g1 = g0 + this.b[t]
          const gather = this.gather
          const kind = op[t]
          let share = d
          if (kind !== TapeOp.RangeSum) {
            let count = g1 - g0
            if (kind === TapeOp.RangeAverage) {
              count = 0
              for (let j = g0; j < g1; j++) if (kinds[gather[j]] === Kind.Number) count++
            }
            share = d / count
          }
          for (let j = g0; j < g1; j++) if (kinds[gather[j]] === Kind.Number) grads[gather[j]] += share
        }
      }
    }
  }

  /** Whether dead segments take enough room to be worth a relayout. */
  get fragmented(): boolean {
    return this.dead > 4096 && this.dead * 2 > this.length
  }

  /** Rewrites the live segments in evaluation order, dropping dead ones (values and ran flags kept). */
  relayout(order: Int32Array, count: number): void {
    const live = this.length - this.dead
    const op = new Uint8Array(Math.max(1024, live))
    const a = new Int32Array(op.length)
    const b = new Int32Array(op.length)
    const fn = new Int32Array(op.length)
    const val = new Float64Array(op.length)
    const gather = new Int32Array(Math.max(1024, this.gatherLength - this.gatherDead))
    let len = 0
    let glen = 0
    for (let p = 0; p < count; p++) {
      const id = order[p]
      const n = this.size[id]
      if (n === 0) continue
      const from = this.start[id]
      const shift = len - from
      for (let i = 0; i < n; i++) {
        const s = from + i
        const t = len + i
        const k = this.op[s]
        op[t] = k
        fn[t] = this.fn[s]
        val[t] = this.val[s]
        if (k === TapeOp.Unary) a[t] = this.a[s] + shift
        else if (k === TapeOp.Binary) {
          a[t] = this.a[s] + shift
          b[t] = this.b[s] + shift
        } else if (k >= TapeOp.RangeSum) {
          gather.set(this.gather.subarray(this.a[s], this.a[s] + this.b[s]), glen)
          a[t] = glen
          b[t] = this.b[s]
          glen += this.b[s]
        } else a[t] = this.a[s]
      }
      this.start[id] = len
      len += n
    }
    this.op = op
    this.a = a
    this.b = b
    this.fn = fn
    this.val = val
    this.gather = gather
    this.length = len
    this.dead = 0
    this.gatherLength = glen
    this.gatherDead = 0
  }
}

// The tape's storage and layout (the passes that run it are in evaluate/tape.ts): every
// formula cell that has a scalar fast form (evaluate/fast.ts) lowered once, at bind time,
// into shared typed arrays — an op code, two operand slots and a value per op, with range
// reductions reading an id block in a shared gather array. Segments are addressed per
// cell id, so a new order needs no re-lowering; `relayout` rewrites them in evaluation
// order (locality, and dropping dead segments) when the order is recomputed. A cell whose
// program has no fast form, or an unresolved slot, gets no segment.
import type { Binding } from '../graph/store'
import { OPERAND_NAME, OPERAND_OP, OPERAND_SLOT } from './fast-program'
import { TapeOp, readsOne, readsTwo } from './tape-ops'
import { FastForms } from './tape-forms'
import { grownInt32 } from '../typed-arrays'

/** Whether an operand read in place (a reference or a name) does not resolve to a cell. */
function unresolved(binding: Binding, from: number, index: number): boolean {
  return from === OPERAND_SLOT ? binding.slotIds[index] < 0 : from === OPERAND_NAME ? binding.nameIds[index] < 0 : false
}

/**
 * An operand as the tape holds it: an earlier op's slot (≥ 0), or a cell read in place as
 * its id's complement (~id < 0; evaluate/tape-ops.ts reads it with `operand`).
 */
function operand(binding: Binding, base: number, from: number, index: number): number {
  if (from === OPERAND_SLOT) return ~binding.slotIds[index]
  if (from === OPERAND_NAME) return ~binding.nameIds[index]
  return base + index
}

/** The tape's arrays, and how cells' segments are written into them, dropped and laid out again. */
export class TapeLayout {
  // Per op.
  op = new Uint8Array(1024)
  a = new Int32Array(1024)
  b = new Int32Array(1024)
  val = new Float64Array(1024)
  /** The constant folded into an op (AddK … PowK); for a table call (Unary, Binary) its fast form's index. */
  k = new Float64Array(1024)
  /** A second folded constant (WeightedPair's, for its `a`). */
  k2 = new Float64Array(1024)
  /** Ops in use, and how many of them belong to dropped segments. */
  length = 0
  dead = 0
  /** Bumped whenever a cell's segment is made or dropped (core/tape-cells.ts rebuilds its list then). */
  version = 0
  // Per cell id.
  start = new Int32Array(1024)
  size = new Int32Array(1024)
  /** 1 when the cell's last forward ran on the tape (its intermediates are current). */
  ran = new Uint8Array(1024)
  /** Range reductions' id blocks. */
  gather = new Int32Array(1024)
  gatherLength = 0
  gatherDead = 0
  readonly forms = new FastForms()
  /**
   * The reverse pass's adjoints of one segment's ops, indexed from the segment's start and
   * sized to the longest segment: all zeros between cells, because the sweep zeroes each
   * entry as it reads it (no reset per cell, no adjoint per op kept in memory).
   */
  adj = new Float64Array(64)

  /** Makes room for cell ids below `capacity`. */
  growCells(capacity: number): void {
    if (capacity <= this.start.length) return
    this.start = grownInt32(this.start, capacity)
    this.size = grownInt32(this.size, capacity)
    const ran = new Uint8Array(capacity)
    ran.set(this.ran)
    this.ran = ran
  }

  /** An empty tape with room for exactly `n` ops (a workbook about to be lowered in order). */
  reserveExact(n: number): void {
    if (this.length > 0 || n <= this.op.length) return
    this.op = new Uint8Array(n)
    this.a = new Int32Array(n)
    this.b = new Int32Array(n)
    this.val = new Float64Array(n)
    this.k = new Float64Array(n)
    this.k2 = new Float64Array(n)
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
    const val = new Float64Array(cap)
    val.set(this.val)
    this.val = val
    const k = new Float64Array(cap)
    k.set(this.k)
    this.k = k
    const k2 = new Float64Array(cap)
    k2.set(this.k2)
    this.k2 = k2
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
    this.version++
    this.drop(id)
    const fp = binding.fast
    if (!fp) return
    const n = fp.kind.length
    let gathered = 0
    for (let i = 0; i < n; i++) {
      const k = fp.kind[i]
      if (k === TapeOp.Cell && binding.slotIds[fp.a[i]] < 0) return
      if (k === TapeOp.Name && binding.nameIds[fp.a[i]] < 0) return
      if (fp.aFrom && (unresolved(binding, fp.aFrom[i], fp.a[i]) || unresolved(binding, fp.bFrom![i], fp.b[i]))) return
      if (k === TapeOp.AddMul && unresolved(binding, OPERAND_SLOT, fp.consts[i])) return // its third operand (fast-fold.ts)
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
          this.k[t] = this.forms.unary(fp.f1[i]!)
          break
        case TapeOp.Binary:
          this.a[t] = base + fp.a[i]
          this.b[t] = base + fp.b[i]
          this.k[t] = this.forms.binary(fp.f2[i]!)
          break
        default: {
          if (k < TapeOp.RangeSum) {
            // An inline op: operands (and a folded constant) only, its rule is the op code.
            this.a[t] = operand(binding, base, fp.aFrom?.[i] ?? OPERAND_OP, fp.a[i])
            if (readsTwo(k)) this.b[t] = operand(binding, base, fp.bFrom?.[i] ?? OPERAND_OP, fp.b[i])
            // (editpath) AddScaled carries a constant too; AddMul its third operand, a cell read in place (fast-fold.ts).
            if (k === TapeOp.AddMul) this.k[t] = operand(binding, base, OPERAND_SLOT, fp.consts[i])
            else if (!readsTwo(k) || k === TapeOp.AddScaled || k === TapeOp.WeightedPair) this.k[t] = fp.consts[i]
            if (k === TapeOp.WeightedPair) this.k2[t] = fp.consts2![i]
            break
          }
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
    this.version++
    const n = this.size[id]
    if (n === 0) return
    this.dead += n
    for (let t = this.start[id]; t < this.start[id] + n; t++) if (this.op[t] >= TapeOp.RangeSum) this.gatherDead += this.b[t]
    this.size[id] = 0
    this.ran[id] = 0
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
    const val = new Float64Array(op.length)
    const kk = new Float64Array(op.length)
    const kk2 = new Float64Array(op.length)
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
        val[t] = this.val[s]
        kk[t] = this.k[s]
        kk2[t] = this.k2[s]
        // Op operands move with the segment; cells read in place (< 0) do not.
        if (readsOne(k)) a[t] = this.a[s] >= 0 ? this.a[s] + shift : this.a[s]
        else if (readsTwo(k)) {
          a[t] = this.a[s] >= 0 ? this.a[s] + shift : this.a[s]
          b[t] = this.b[s] >= 0 ? this.b[s] + shift : this.b[s]
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
    this.val = val
    this.k = kk
    this.k2 = kk2
    this.gather = gather
    this.length = len
    this.dead = 0
    this.gatherLength = glen
    this.gatherDead = 0
  }
}

// The tape's storage and layout (the passes that run it are in evaluate/tape-ops.ts): every
// formula cell that has a scalar fast form (evaluate/fast.ts) lowered once, at bind time,
// into shared typed arrays — an op code, two operand slots, a value and folded constants
// per op, with range reductions reading an id block in a shared gather array. Segments
// are addressed per cell id, so a new order needs no re-lowering; `relayout` rewrites
// them in evaluation order (locality, and dropping dead segments) when the order is
// recomputed. A cell whose program has no fast form, or an unresolved slot, gets no segment.
//
// Records, not one array per field: an op's code and operands are three Int32 entries side
// by side in `code`, its value and constants three Float64 entries in `num`, and a cell's
// segment (start, size, ran) three Int32 entries in `seg`. The kernels pay for every typed
// array they touch in a loop, not only for the entry (V8 loads each array's length and
// data pointer again on every iteration), so fewer arrays is less work per cell: measured
// 21 % off a forward-pass skeleton over 1M cells (docs/benchmarks.md, "Records").
import type { Binding } from '../graph/store'
import { OPERAND_NAME, OPERAND_OP, OPERAND_SLOT } from './fast-program'
import { Rec, TapeOp, readsOne, readsTwo } from './tape-ops'
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
  /** Per op (Rec.Size entries each): op code, operand a, operand b. */
  code = new Int32Array(Rec.Size * 1024)
  /**
   * Per op (Rec.Size entries each): its value; the constant folded into it (AddK … PowK,
   * AddScaled, WeightedPair; AddMul's third operand), or for a table call (Unary, Binary)
   * its fast form's index; a second constant (WeightedPair's, for its `a`).
   */
  num = new Float64Array(Rec.Size * 1024)
  /** Ops in use, and how many of them belong to dropped segments. */
  length = 0
  dead = 0
  /** Bumped whenever a cell's segment is made or dropped (core/tape-cells.ts rebuilds its list then). */
  version = 0
  /** Per cell id (Rec.Size entries each): segment start, size (0: no segment), ran. */
  seg = new Int32Array(Rec.Size * 1024)
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

  /** Op `t`'s code, operand b (a range op's length) and folded constant. */
  opAt(t: number): number {
    return this.code[Rec.Size * t + Rec.Op]
  }
  bAt(t: number): number {
    return this.code[Rec.Size * t + Rec.B]
  }
  kAt(t: number): number {
    return this.num[Rec.Size * t + Rec.K]
  }
  /** The cell's segment: its first op, its size (0: none), and whether its last forward ran on the tape. */
  startOf(id: number): number {
    return this.seg[Rec.Size * id + Rec.Start]
  }
  sizeOf(id: number): number {
    return this.seg[Rec.Size * id + Rec.Count]
  }
  ranOf(id: number): boolean {
    return this.seg[Rec.Size * id + Rec.Ran] === 1
  }
  /** How many ops the arrays have room for. */
  get capacity(): number {
    return this.code.length / Rec.Size
  }

  /** Makes room for cell ids below `capacity`. */
  growCells(capacity: number): void {
    if (Rec.Size * capacity <= this.seg.length) return
    this.seg = grownInt32(this.seg, Rec.Size * capacity)
  }

  /** An empty tape with room for exactly `n` ops (a workbook about to be lowered in order). */
  reserveExact(n: number): void {
    if (this.length > 0 || n <= this.capacity) return
    this.code = new Int32Array(Rec.Size * n)
    this.num = new Float64Array(Rec.Size * n)
  }

  private reserveOps(n: number): void {
    if (this.length + n <= this.capacity) return
    let cap = this.capacity * 2
    while (cap < this.length + n) cap *= 2
    this.code = grownInt32(this.code, Rec.Size * cap)
    const num = new Float64Array(Rec.Size * cap)
    num.set(this.num)
    this.num = num
  }

  private reserveGather(n: number): void {
    if (this.gatherLength + n <= this.gather.length) return
    let cap = this.gather.length * 2
    while (cap < this.gatherLength + n) cap *= 2
    this.gather = grownInt32(this.gather, cap)
  }

  /** Whether the cell has a segment (else: general path). */
  has(id: number): boolean {
    return this.seg[Rec.Size * id + Rec.Count] > 0
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
    const { code, num } = this
    const base = this.length
    for (let i = 0; i < n; i++) {
      const t = base + i
      const c = Rec.Size * t
      let k = fp.kind[i]
      code[c + Rec.A] = 0
      code[c + Rec.B] = 0
      num[c + Rec.Val] = 0
      num[c + Rec.K] = 0
      num[c + Rec.K2] = 0
      switch (k) {
        case TapeOp.Const:
          num[c + Rec.Val] = fp.consts[i]
          break
        case TapeOp.Range:
          k = TapeOp.Const // read only by the reduction after it
          break
        case TapeOp.Cell:
          code[c + Rec.A] = binding.slotIds[fp.a[i]]
          break
        case TapeOp.Name:
          k = TapeOp.Cell
          code[c + Rec.A] = binding.nameIds[fp.a[i]]
          break
        case TapeOp.Unary:
          code[c + Rec.A] = base + fp.a[i]
          num[c + Rec.K] = this.forms.unary(fp.f1[i]!)
          break
        case TapeOp.Binary:
          code[c + Rec.A] = base + fp.a[i]
          code[c + Rec.B] = base + fp.b[i]
          num[c + Rec.K] = this.forms.binary(fp.f2[i]!)
          break
        default: {
          if (k < TapeOp.RangeSum) {
            // An inline op: operands (and a folded constant) only, its rule is the op code.
            code[c + Rec.A] = operand(binding, base, fp.aFrom?.[i] ?? OPERAND_OP, fp.a[i])
            if (readsTwo(k)) code[c + Rec.B] = operand(binding, base, fp.bFrom?.[i] ?? OPERAND_OP, fp.b[i])
            // (editpath) AddScaled carries a constant too; AddMul its third operand, a cell read in place (fast-fold.ts).
            if (k === TapeOp.AddMul) num[c + Rec.K] = operand(binding, base, OPERAND_SLOT, fp.consts[i])
            else if (!readsTwo(k) || k === TapeOp.AddScaled || k === TapeOp.WeightedPair) num[c + Rec.K] = fp.consts[i]
            if (k === TapeOp.WeightedPair) num[c + Rec.K2] = fp.consts2![i]
            break
          }
          const ids = binding.rangeIds[fp.a[i]]!
          code[c + Rec.A] = this.gatherLength
          code[c + Rec.B] = ids.length
          this.gather.set(ids, this.gatherLength)
          this.gatherLength += ids.length
        }
      }
      code[c + Rec.Op] = k
    }
    this.length += n
    const r = Rec.Size * id
    this.seg[r + Rec.Start] = base
    this.seg[r + Rec.Count] = n
    if (this.adj.length < n) this.adj = new Float64Array(n * 2)
  }

  /** Forgets the cell's segment (its ops become dead until the next relayout). */
  drop(id: number): void {
    this.version++
    const r = Rec.Size * id
    const n = this.seg[r + Rec.Count]
    if (n === 0) return
    this.dead += n
    const from = this.seg[r + Rec.Start]
    for (let t = from; t < from + n; t++) if (this.opAt(t) >= TapeOp.RangeSum) this.gatherDead += this.bAt(t)
    this.seg[r + Rec.Count] = 0
    this.seg[r + Rec.Ran] = 0
  }

  /** Whether dead segments take enough room to be worth a relayout. */
  get fragmented(): boolean {
    return this.dead > 4096 && this.dead * 2 > this.length
  }

  /** Rewrites the live segments in evaluation order, dropping dead ones (values and ran flags kept). */
  relayout(order: Int32Array, count: number): void {
    const live = Math.max(1024, this.length - this.dead)
    const code = new Int32Array(Rec.Size * live)
    const num = new Float64Array(Rec.Size * live)
    const gather = new Int32Array(Math.max(1024, this.gatherLength - this.gatherDead))
    const seg = this.seg
    let len = 0
    let glen = 0
    for (let p = 0; p < count; p++) {
      const r = Rec.Size * order[p]
      const n = seg[r + Rec.Count]
      if (n === 0) continue
      const from = seg[r + Rec.Start]
      const shift = len - from
      // Values and constants move as they are (a loop: a subarray per segment would be an object per cell).
      for (let e = 0, src = Rec.Size * from, dst = Rec.Size * len; e < Rec.Size * n; e++) num[dst + e] = this.num[src + e]
      for (let i = 0; i < n; i++) {
        const s = Rec.Size * (from + i)
        const c = Rec.Size * (len + i)
        const k = this.code[s + Rec.Op]
        const a = this.code[s + Rec.A]
        const b = this.code[s + Rec.B]
        code[c + Rec.Op] = k
        // Op operands move with the segment; cells read in place (< 0) do not.
        if (readsOne(k)) code[c + Rec.A] = a >= 0 ? a + shift : a
        else if (readsTwo(k)) {
          code[c + Rec.A] = a >= 0 ? a + shift : a
          code[c + Rec.B] = b >= 0 ? b + shift : b
        } else if (k >= TapeOp.RangeSum) {
          gather.set(this.gather.subarray(a, a + b), glen)
          code[c + Rec.A] = glen
          code[c + Rec.B] = b
          glen += b
        } else code[c + Rec.A] = a
      }
      seg[r + Rec.Start] = len
      len += n
    }
    this.code = code
    this.num = num
    this.gather = gather
    this.length = len
    this.dead = 0
    this.gatherLength = glen
    this.gatherDead = 0
  }
}

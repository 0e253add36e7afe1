// A program's scalar fast form: which of its ops the tape (evaluate/tape.ts) can run
// over Float64Arrays. A program made only of number constants, references, names and
// functions with a scalar fast form in the function table (fast1/fast2), plus reductions
// of one range that the table marks as such (rangeReduction: SUM, AVERAGE, sum, mean),
// has one; the tape's op codes come from those fields (an inline op where the fast form
// declares one: evaluate/inline-ops.ts), never from function names; anything else (tensors, labels,
// rare functions) runs on the general path (evaluate/run.ts). Computed once per program
// shape, not per cell or per pass.
import type { Program } from '../formula/program'
import type { RangeReduction } from '../functions/types'
import type { FastProgram } from './fast-program'
import { TapeOp } from './tape-ops'
import { foldConstants } from './fast-fold'
import { INLINE_BINARY, INLINE_UNARY } from './inline-ops'

export type { FastProgram } from './fast-program'

/** The tape op of each range fast path the function table declares (FnDef.rangeReduction). */
const REDUCTION_OP: Record<RangeReduction, TapeOp> = { sum: TapeOp.RangeSum, mean: TapeOp.RangeMean, average: TapeOp.RangeAverage }

const fastCache = new WeakMap<Program, FastProgram | null>()

/** The fast form of a program, or null when it needs the general path. */
export function fastProgramOf(p: Program): FastProgram | null {
  const known = fastCache.get(p)
  if (known !== undefined) return known
  const n = p.ops.length
  const fp: FastProgram = {
    kind: new Uint8Array(n), a: new Int32Array(n), b: new Int32Array(n), consts: new Float64Array(n),
    f1: new Array(n), f2: new Array(n),
  }
  let ok = true
  for (let i = 0; i < n && ok; i++) {
    const op = p.ops[i]
    if (op.k === 'const') {
      if (typeof op.v !== 'number') ok = false
      fp.kind[i] = TapeOp.Const
      fp.consts[i] = op.v as number
    } else if (op.k === 'cell') {
      fp.kind[i] = TapeOp.Cell
      fp.a[i] = op.slot
    } else if (op.k === 'name') {
      fp.kind[i] = TapeOp.Name
      fp.a[i] = op.index
    } else if (op.k === 'range') {
      // Allowed only as the single argument of the reduction that follows (checked there).
      fp.kind[i] = TapeOp.Range
      fp.a[i] = op.slot
      ok = p.ops[i + 1]?.k === 'call'
    } else if (op.k === 'call' && op.args.length === 1 && fp.kind[op.args[0]] === TapeOp.Range && p.ops[op.args[0]].k === 'range') {
      const reduce = op.fn.rangeReduction === undefined ? undefined : REDUCTION_OP[op.fn.rangeReduction]
      if (reduce === undefined || op.args[0] !== i - 1) ok = false
      else {
        fp.kind[i] = reduce
        fp.a[i] = fp.a[i - 1]
      }
    } else if (op.k === 'call' && op.args.some((x) => p.ops[x].k === 'range')) {
      ok = false
    } else if (op.k === 'call' && op.args.length === 1 && op.fn.fast1) {
      const inline = op.fn.fast1.inline
      fp.kind[i] = inline === undefined ? TapeOp.Unary : INLINE_UNARY[inline]
      fp.a[i] = op.args[0]
      fp.f1[i] = op.fn.fast1
    } else if (op.k === 'call' && op.args.length === 2 && op.fn.fast2) {
      const inline = op.fn.fast2.inline
      fp.kind[i] = inline === undefined ? TapeOp.Binary : INLINE_BINARY[inline]
      fp.a[i] = op.args[0]
      fp.b[i] = op.args[1]
      fp.f2[i] = op.fn.fast2
    } else ok = false
  }
  const result = ok ? foldConstants(fp) : null
  fastCache.set(p, result)
  return result
}

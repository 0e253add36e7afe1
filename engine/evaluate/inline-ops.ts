// Which tape op runs a function's rule inline: the function table declares it
// (Fast1.inline / Fast2.inline, functions/types.ts); this maps those names to the tape's
// op codes, the way REDUCTION_OP maps range fast paths. The rules themselves are written
// out once, in evaluate/tape.ts's forward and reverse switches.
import type { InlineBinary, InlineUnary } from '../functions/types'
import { TapeOp } from './tape-ops'

export const INLINE_UNARY: Record<InlineUnary, TapeOp> = {
  negate: TapeOp.Neg, tanh: TapeOp.Tanh, exp: TapeOp.Exp, log: TapeOp.Log, sqrt: TapeOp.Sqrt,
}

export const INLINE_BINARY: Record<InlineBinary, TapeOp> = {
  add: TapeOp.Add, subtract: TapeOp.Sub, multiply: TapeOp.Mul, divide: TapeOp.Div, pow: TapeOp.Pow,
}

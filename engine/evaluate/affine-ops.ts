// Which tape ops are affine in their operands: their partials are constants (or, for
// AVERAGE, depend only on which cells hold numbers), never on the operands' values. Data
// per op code (the codes are evaluate/tape-ops.ts's), read by the reverse pass's test of
// J's cone (core/cone.ts `affine`): a J that reads only through such ops has gradients no
// value edit can change.
import { TapeOp } from './tape-ops'

/** Whether op `k` (folded constant `c`) is affine in its operands. Table calls (Unary, Binary) are not assumed to be. */
export function isAffineOp(k: number, c: number): boolean {
  switch (k) {
    case TapeOp.Const:
    case TapeOp.Cell:
    case TapeOp.Name:
    case TapeOp.Range:
    case TapeOp.Add:
    case TapeOp.Sub:
    case TapeOp.Neg:
    case TapeOp.AddK:
    case TapeOp.SubK:
    case TapeOp.KSub:
    case TapeOp.MulK:
    case TapeOp.DivK:
    case TapeOp.AddScaled:
    case TapeOp.WeightedPair:
    case TapeOp.RangeSum:
    case TapeOp.RangeMean:
    case TapeOp.RangeAverage:
      return true
    case TapeOp.PowK:
      return c === 1
    default:
      return false
  }
}

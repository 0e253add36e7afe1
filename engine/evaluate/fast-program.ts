// The shape of a program's scalar fast form (evaluate/fast.ts derives it from the
// function table) and the tape's op codes. A leaf module, so the cell store and the tape
// can name these without importing the evaluator.
import type { Fast1, Fast2 } from '../functions/types'

export const enum TapeOp {
  Const = 0,
  Cell = 1,
  Name = 2,
  /** A one-argument function called through the function table's fast form. */
  Unary = 3,
  /** A two-argument function called through the function table's fast form. */
  Binary = 4,
  /** A range read only by the reduction right after it: no value of its own. */
  Range = 5,
  // Two-argument rules the tape runs inline (Fast2.inline; evaluate/inline-ops.ts), Add..Pow.
  Add = 6,
  Sub = 7,
  Mul = 8,
  Div = 9,
  Pow = 10,
  // One-argument rules the tape runs inline (Fast1.inline), Neg..Sqrt.
  Neg = 11,
  Tanh = 12,
  Exp = 13,
  Log = 14,
  Sqrt = 15,
  // An inline two-argument rule with one operand a constant folded into the op (its `k`;
  // evaluate/fast-fold.ts): one op and no Const op to run; the constant gets no adjoint.
  /** x + k (and k + x: IEEE addition is commutative, bit for bit). */
  AddK = 16,
  /** x − k */
  SubK = 17,
  /** k − x */
  KSub = 18,
  /** x · k (and k · x) */
  MulK = 19,
  /** x / k */
  DivK = 20,
  /** k / x */
  KDiv = 21,
  /** x ^ k */
  PowK = 22,
  /** SUM/sum of one range. */
  RangeSum = 23,
  /** mean of one range: divides by the range's size (tensor meaning). */
  RangeMean = 24,
  /** AVERAGE of one range: divides by the count of numbers (blanks skipped, as in Excel). */
  RangeAverage = 25,
}

/** Whether the op reads two earlier ops (a, b) of its segment. */
export const readsTwo = (k: number): boolean => k === TapeOp.Binary || (k >= TapeOp.Add && k <= TapeOp.Pow)
/** Whether the op reads one earlier op (a) of its segment. */
export const readsOne = (k: number): boolean => k === TapeOp.Unary || (k >= TapeOp.Neg && k <= TapeOp.PowK)

export interface FastProgram {
  kind: Uint8Array
  /** Const: index into consts; Cell: slot; Name: name index; one- and two-argument ops: first argument op; reductions: slot. */
  a: Int32Array
  /** Two-argument ops: second argument op. */
  b: Int32Array
  /** Const: its value; ops with a folded constant (AddK … PowK): the constant. */
  consts: Float64Array
  f1: (Fast1 | undefined)[]
  f2: (Fast2 | undefined)[]
}

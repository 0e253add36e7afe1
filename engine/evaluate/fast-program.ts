// The shape of a program's scalar fast form (evaluate/fast.ts derives it from the
// function table) and the tape's op codes. A leaf module, so the cell store and the tape
// can name these without importing the evaluator.
import type { Fast1, Fast2 } from '../functions/types'

export const enum TapeOp {
  Const = 0,
  Cell = 1,
  Name = 2,
  Unary = 3,
  Binary = 4,
  /** A range read only by the reduction right after it: no value of its own. */
  Range = 5,
  /** SUM/sum of one range. */
  RangeSum = 6,
  /** mean of one range: divides by the range's size (tensor meaning). */
  RangeMean = 7,
  /** AVERAGE of one range: divides by the count of numbers (blanks skipped, as in Excel). */
  RangeAverage = 8,
}

export interface FastProgram {
  kind: Uint8Array
  /** Const: index into consts; Cell: slot; Name: name index; Unary/Binary: first argument op; reductions: slot. */
  a: Int32Array
  /** Binary: second argument op. */
  b: Int32Array
  consts: Float64Array
  f1: (Fast1 | undefined)[]
  f2: (Fast2 | undefined)[]
}

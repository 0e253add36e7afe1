// A function of the formula language as data: its value and, next to it, its
// derivative rule (micrograd style). The evaluator never special-cases a function.
import type { Adj, V } from '../values'

export interface FnDef {
  name: string
  /** Arity bounds; max may be Infinity for variadic functions. */
  min: number
  max: number
  /** The value. Arguments contain no Err unless `seesErrors` is set. */
  value(args: V[]): V
  /**
   * Adjoint of each argument given the output's adjoint (same shape as that argument's
   * value), or null where no gradient flows (constants, booleans, untaken branches).
   * Absent: the function is piecewise constant and passes no gradient at all.
   */
  grad?(args: V[], out: V, adj: Adj): (Adj | null)[]
  /** Set for functions that decide themselves what an error argument means (IF). */
  seesErrors?: boolean
  /**
   * Set for the spreadsheet's reductions (SUM, AVERAGE, COUNT, …): a range argument
   * arrives as a RangeNumbers whose empty, label and boolean cells are skipped.
   */
  skipsNonNumbersInRanges?: boolean
  /** Scalar fast path of a one-argument function (same maths as value/grad, numbers only). */
  fast1?: Fast1
  /** Scalar fast path of a two-argument function. */
  fast2?: Fast2
}

/** f, its derivative, and the domain test (a non-null result means: take the general path). */
export interface Fast1 {
  f: (x: number) => number
  df: (x: number, y: number) => number
  domain?: (x: number) => unknown
}

export interface Fast2 {
  f: (a: number, b: number) => number
  dfa: (a: number, b: number, y: number) => number
  dfb: (a: number, b: number, y: number) => number
  domain?: (a: number, b: number) => unknown
}

export type FnTable = Record<string, FnDef>

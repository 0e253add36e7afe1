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
}

export type FnTable = Record<string, FnDef>

// The shape of a program's scalar fast form (evaluate/fast.ts derives it from the
// function table; its op codes are evaluate/tape-ops.ts's). A leaf module, so the cell
// store and the tape can name it without importing the evaluator.
import type { Fast1, Fast2 } from '../functions/types'

export interface FastProgram {
  kind: Uint8Array
  /** Const: index into consts; Cell: slot; Name: name index; one- and two-argument ops: first argument op; reductions: slot. */
  a: Int32Array
  /** Two-argument ops: second argument op. */
  b: Int32Array
  /**
   * Where an op's `a` / `b` operand comes from (evaluate/fast-fold.ts): OPERAND_OP (an
   * earlier op), OPERAND_SLOT (a cell reference: `a`/`b` is its slot) or OPERAND_NAME (a
   * name: its name index). Absent: every operand is an op.
   */
  aFrom?: Uint8Array
  bFrom?: Uint8Array
  /** Const: its value; ops with a folded constant (AddK … PowK): the constant. */
  consts: Float64Array
  /** WeightedPair: its second constant (for `a`; evaluate/fast-fold.ts). Absent: none. */
  consts2?: Float64Array
  f1: (Fast1 | undefined)[]
  f2: (Fast2 | undefined)[]
}

/** Operand sources of FastProgram.aFrom / bFrom. */
export const OPERAND_OP = 0
export const OPERAND_SLOT = 1
export const OPERAND_NAME = 2

// The shape of a cell's scalar fast form (evaluate/fast.ts builds and runs it). A leaf
// module, so the cell store can name the type without importing the evaluator.
import type { Fast1, Fast2 } from '../functions/types'

export interface FastProgram {
  kind: Uint8Array
  /** CONST: index into consts; CELL: slot; NAME: name index; UNARY/BINARY: first argument op. */
  a: Int32Array
  /** BINARY: second argument op. */
  b: Int32Array
  consts: Float64Array
  f1: (Fast1 | undefined)[]
  f2: (Fast2 | undefined)[]
}

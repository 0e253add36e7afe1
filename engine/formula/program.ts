// A lowered formula: a flat post-order list of operations (a tiny tape). Shared by
// every cell whose formula has the same shape; the cell supplies the bindings of its
// reference slots and names.
import type { FnDef } from '../functions/types'
import type { V } from '../values'

export type Op =
  | { k: 'const'; v: V }
  | { k: 'cell'; slot: number }
  | { k: 'range'; slot: number }
  | { k: 'name'; name: string; index: number }
  | { k: 'call'; fn: FnDef; args: number[] }

export interface Program {
  /** Post-order: every op's arguments come before it; the last op is the result. */
  ops: Op[]
  /** Names the formula uses (resolved per workbook, dynamically). */
  names: string[]
}

// The value of a cell that holds no formula, as classifyInput (engine/input.ts) defines
// it, with a fast path for the common case: a plain number typed without spaces. Every
// constant cell is read this way on load and after each edit of it, so the fast path
// skips classifyInput's trim and result object.
import { classifyInput } from '../input'
import type { V } from '../values'

/** Same pattern as classifyInput's NUMBER (anchored, so any surrounding space takes the general path). */
const PLAIN_NUMBER = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/

/** The constant's value (a typed -0 reads as 0), or null for an empty input. Formulas are not constants: never pass one. */
export function constantValue(input: string): V | null {
  if (PLAIN_NUMBER.test(input)) {
    const x = Number(input)
    if (Number.isFinite(x)) return x === 0 ? 0 : x
  }
  const m = classifyInput(input)
  if (m.kind !== 'constant') return null
  return m.value === 0 ? 0 : m.value
}

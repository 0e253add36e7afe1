// The reverse pass's largest finite |∂J/∂cell| over the gradient array (core/reverse.ts),
// used when the sweep walked only the tape's cells: against the plain definition, with
// NaN, ±Infinity, negative extremes and -0 mixed in.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { largestGradient } from './reverse'

const reference = (g: number[]): number => g.reduce((m, x) => (Number.isFinite(x) && Math.abs(x) > m ? Math.abs(x) : m), 0)

describe('largestGradient', () => {
  it('is the largest finite absolute value, skipping NaN and infinities', () => {
    const entry = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(NaN, Infinity, -Infinity, -0, 0))
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 60 }), (g) => {
        expect(largestGradient(Float64Array.from(g), g.length)).toBe(reference(g))
      }),
      { numRuns: 500, seed: 12 },
    )
  })

  it('reads only the first n entries', () => {
    expect(largestGradient(Float64Array.of(1, -3, 7), 2)).toBe(3)
    expect(largestGradient(Float64Array.of(-Infinity, -2, NaN, Infinity), 4)).toBe(2)
  })
})

// Huge and tiny magnitudes keep their relative precision on screen: whatever finite
// double a cell holds, the shown text reads back within 6 significant digits, and the
// exact text (tooltips, data-value) reads back exactly.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { exactValue, formatNumber } from './format'

// A fixed seed keeps CI reproducible; GRADSHEET_FUZZ_SEED=random (or a number) explores other cases.
const fuzzSeed = process.env.GRADSHEET_FUZZ_SEED
if (fuzzSeed !== 'random') fc.configureGlobal({ seed: fuzzSeed ? Number(fuzzSeed) : 20261124 })

const shownBack = (n: number) => Number(formatNumber(n))

describe('display precision over every magnitude', () => {
  it('any finite double: the cell text is within 5e-6 relative, the exact text is exact', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const back = shownBack(n)
        expect(Number.isFinite(back)).toBe(true)
        // Subnormals below 1e-308 carry fewer digits themselves; there the nearest double counts.
        if (Math.abs(n) >= 2.2250738585072014e-308) expect(Math.abs(back - n)).toBeLessThanOrEqual(Math.abs(n) * 5e-6)
        else expect(Math.abs(back - n)).toBeLessThanOrEqual(Math.abs(n) * 1e-3 + 5e-324)
        expect(Number(exactValue({ kind: 'number', value: n }))).toBe(n === 0 ? 0 : n)
      }),
      { numRuns: 5000 },
    )
  })

  it('the extremes read back, and neither NaN nor ∞ is ever shown as digits', () => {
    for (const n of [Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 1e-300, 123456789012345, 0.000099999, 1e9 - 1, 1 + 2 ** -52]) {
      expect(Math.abs(shownBack(n) - n)).toBeLessThanOrEqual(Math.abs(n) * 5e-6 + 5e-324)
      expect(formatNumber(n).length).toBeLessThanOrEqual(14)
    }
    expect(formatNumber(NaN)).not.toMatch(/\d/)
    expect(formatNumber(Infinity)).not.toMatch(/\d/)
  })
})

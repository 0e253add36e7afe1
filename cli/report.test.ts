// formatNumber prints what String prints (the table's exact shortest form), through
// JSON.stringify for finite numbers so V8's number-to-string cache is left alone (the
// cache's strings outlived young collections: ~100 MB promoted in a 1M-cell listing).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatNumber } from './report.ts'

describe('formatNumber', () => {
  it('is String(n) for every double, with -0 as 0', () => {
    const edges = [0, -0, 1, -1, 0.1 + 0.2, 1e21, 1e-7, 123456789012345680000, 5e-324, Number.MAX_VALUE, -Number.MIN_VALUE, 2 ** 53 + 2, NaN, Infinity, -Infinity]
    for (const n of edges) expect(formatNumber(n)).toBe(Object.is(n, -0) ? '0' : String(n))
    fc.assert(fc.property(fc.double(), (n) => formatNumber(n) === (Object.is(n, -0) ? '0' : String(n))), { seed: 12, numRuns: 20_000 })
  })
})

import { describe, expect, it } from 'vitest'
import { formatSize, parseSize } from './sizes.ts'

describe('benchmark sizes', () => {
  it('reads 10k, 100k, 1M and plain integers', () => {
    expect(parseSize('10k')).toBe(10_000)
    expect(parseSize('100K')).toBe(100_000)
    expect(parseSize('1M')).toBe(1_000_000)
    expect(parseSize('2.5k')).toBe(2500)
    expect(parseSize('50')).toBe(50)
  })
  it('rejects what is not a size', () => {
    expect(parseSize('ten')).toBeNull()
    expect(parseSize('1')).toBeNull()
    expect(parseSize('-5k')).toBeNull()
    expect(parseSize('1.00001k')).toBeNull()
  })
  it('prints sizes back the same way', () => {
    expect([10_000, 100_000, 1_000_000, 50].map(formatSize)).toEqual(['10k', '100k', '1M', '50'])
  })
})

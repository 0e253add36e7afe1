import { describe, expect, it } from 'vitest'
import { MAX_SCROLL_PX, createScrollMap } from './scroll-map'

describe('scroll space mapping', () => {
  it('is the identity when the content fits', () => {
    const m = createScrollMap(16384 * 112, 900)
    expect(m.scale).toBe(1)
    expect(m.physicalTotal).toBe(16384 * 112)
    expect(m.toVirtual(12345)).toBe(12345)
    expect(m.toPhysical(12345)).toBe(12345)
  })
  it('caps a million rows and maps both ends exactly', () => {
    const total = 1048576 * 40
    const view = 700
    const m = createScrollMap(total, view)
    expect(m.physicalTotal).toBe(MAX_SCROLL_PX)
    expect(m.scale).toBeGreaterThan(1)
    expect(m.toVirtual(0)).toBe(0)
    const last = m.toVirtual(MAX_SCROLL_PX - view)
    expect(last).toBeCloseTo(total - view, 6) // the last row reaches the bottom
    expect(m.toVirtual(1e12)).toBe(total - view) // clamped
  })
  it('round-trips positions within one physical pixel', () => {
    const m = createScrollMap(1048576 * 40, 700)
    for (const v of [0, 40, 123456, 20_000_000, 1048576 * 40 - 700]) {
      expect(Math.abs(m.toVirtual(m.toPhysical(v)) - v)).toBeLessThan(1e-6)
      expect(Math.abs(m.toVirtual(Math.round(m.toPhysical(v))) - v)).toBeLessThanOrEqual(m.scale)
    }
  })
})

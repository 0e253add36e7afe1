import { describe, expect, it } from 'vitest'
import { createUniformRows } from './uniform-rows'

describe('createUniformRows', () => {
  it('draws the rows the viewport overlaps plus the overscan, clamped to the sheet', () => {
    const rows = createUniformRows()
    expect(rows(100, 20, 0, 100, 3).map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
    expect(rows(100, 20, 30, 100, 0).map((r) => r.index)).toEqual([1, 2, 3, 4, 5, 6])
    expect(rows(100, 20, 1900, 100, 3).map((r) => r.index)).toEqual([92, 93, 94, 95, 96, 97, 98, 99])
    expect(rows(0, 20, 0, 100, 3)).toEqual([])
    const [r] = rows(100, 20, 40, 10, 0)
    expect(r).toEqual({ key: 2, index: 2, start: 40, end: 60, size: 20, lane: 0 })
  })

  it('at the last of 1,048,576 rows it builds only the visible rows', () => {
    const rows = createUniformRows()
    const size = 38
    const out = rows(1_048_576, size, 1_048_576 * size - 760, 760, 3)
    expect(out.length).toBe(23)
    expect(out[out.length - 1].index).toBe(1_048_575)
  })

  it('keeps an item object while its row stays visible at the same height, and renews it when the height changes', () => {
    const rows = createUniformRows()
    const a = rows(100, 20, 0, 100, 0)
    const b = rows(100, 20, 20, 100, 0)
    expect(b[0]).toBe(a[1])
    const c = rows(100, 25, 20, 100, 0)
    expect(c[0]).not.toBe(b[0])
    expect(c[0].start).toBe(0)
  })
})

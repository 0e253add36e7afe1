import { describe, expect, it } from 'vitest'
import { COLUMN_COUNT } from './address'
import { clampWidth, createColumnLayout } from './column-layout'

describe('column layout with custom widths', () => {
  it('is the uniform grid without custom widths', () => {
    const l = createColumnLayout(new Map(), 100)
    expect(l.offsetOf(3)).toBe(300)
    expect(l.total).toBe(COLUMN_COUNT * 100)
    expect(l.colAt(299)).toBe(2)
    expect(l.colAt(300)).toBe(3)
  })

  it('shifts every column after a wider or narrower one', () => {
    const l = createColumnLayout(new Map([[1, 250], [3, 40]]), 100)
    expect(l.widthOf(1)).toBe(250)
    expect(l.offsetOf(1)).toBe(100)
    expect(l.offsetOf(2)).toBe(350)
    expect(l.offsetOf(4)).toBe(350 + 100 + 40)
    expect(l.colAt(349)).toBe(1)
    expect(l.colAt(350)).toBe(2)
    expect(l.colAt(-5)).toBe(0)
    expect(l.colAt(1e12)).toBe(COLUMN_COUNT - 1)
  })

  it('scales with the zoom', () => {
    const l = createColumnLayout(new Map([[0, 200]]), 100, 2)
    expect(l.widthOf(0)).toBe(400)
    expect(l.offsetOf(2)).toBe(600)
  })

  it('offsets agree with summing widths one by one (random layouts)', () => {
    let seed = 7
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    for (let t = 0; t < 20; t++) {
      const m = new Map<number, number>()
      for (let k = 0; k < 10; k++) m.set(Math.floor(rand() * 60), 24 + Math.floor(rand() * 300))
      const l = createColumnLayout(m, 112)
      let x = 0
      for (let c = 0; c < 70; c++) {
        expect(l.offsetOf(c)).toBe(x)
        expect(l.colAt(x)).toBe(c)
        x += l.widthOf(c)
      }
    }
  })
})

describe('dragged widths', () => {
  it('keeps dragged widths within bounds', () => {
    expect(clampWidth(3)).toBe(24)
    expect(clampWidth(150.6)).toBe(151)
    expect(clampWidth(1e9)).toBe(2000)
  })
})

import { describe, expect, it } from 'vitest'
import { SheetCells } from './sheet-cells'

describe('SheetCells', () => {
  it('finds dense and sparse cells, in any column, and keeps ids in creation order', () => {
    const s = new SheetCells()
    const placed: [number, number, number][] = []
    let id = 0
    for (let r = 1; r <= 5000; r++) placed.push([r, 1, id++]) // dense column A
    for (const r of [1, 1048576, 500000, 7]) placed.push([r, 2, id++]) // sparse column B
    placed.push([3, 16384, id++])
    for (const [r, c, i] of placed) s.set(r, c, i)
    for (const [r, c, i] of placed) expect(s.get(r, c)).toBe(i)
    expect(s.get(5001, 1)).toBe(-1)
    expect(s.get(2, 2)).toBe(-1)
    expect(s.get(1, 3)).toBe(-1)
    expect(s.get(2_000_000, 1)).toBe(-1)
    expect(s.ids).toEqual(placed.map((p) => p[2]))
  })

  it('a dense column that later gets a far row keeps its earlier cells', () => {
    const s = new SheetCells()
    for (let r = 1; r <= 100; r++) s.set(r, 1, r)
    s.set(1_000_000, 1, 999)
    for (let r = 1; r <= 100; r++) expect(s.get(r, 1)).toBe(r)
    expect(s.get(1_000_000, 1)).toBe(999)
    expect(s.get(101, 1)).toBe(-1)
  })
})

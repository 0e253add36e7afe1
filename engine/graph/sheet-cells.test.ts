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

  it('reserveColumns sizes dense columns once for the cells about to come; lookups are the same', () => {
    const rows = Int32Array.from([1, 2, 3, 4000, 1, 1048576, 9])
    const cols = Int32Array.from([1, 1, 1, 1, 2, 2, 3])
    const plain = new SheetCells()
    const reserved = new SheetCells()
    reserved.set(4, 1, 100) // a cell already there survives the sizing
    plain.set(4, 1, 100)
    reserved.reserveColumns(rows, cols, rows.length)
    const sized = (s: SheetCells, col: number) => (s as unknown as { byCol: ({ dense: Int32Array } | Map<number, number> | undefined)[] }).byCol[col]
    expect((sized(reserved, 1) as { dense: Int32Array }).dense.length).toBe(4001) // dense, exactly as large as its last row
    expect(sized(reserved, 2)).toBeUndefined() // would not stay dense: left to set()
    rows.forEach((r, k) => {
      plain.set(r, cols[k], k)
      reserved.set(r, cols[k], k)
    })
    expect((sized(reserved, 1) as { dense: Int32Array }).dense.length).toBe(4001) // no doubling afterwards
    for (const s of [plain, reserved]) {
      rows.forEach((r, k) => expect(s.get(r, cols[k])).toBe(k))
      expect(s.get(4, 1)).toBe(100)
      expect(s.get(6, 1)).toBe(-1)
    }
    expect(reserved.ids).toEqual(plain.ids)
  })
})

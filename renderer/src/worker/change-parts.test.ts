import { describe, expect, it } from 'vitest'
import type { CellView } from '../../../engine/api'
import { formatAddress } from '../model/address'
import { splitChangeCells } from './change-parts'

const view = (sheet: string, col: number, row: number): CellView => ({
  sheet, address: formatAddress({ col, row }), input: '1', value: { kind: 'number', value: 1 }, grad: { kind: 'number', value: 0 },
})

describe('cutting a change list into messages', () => {
  const cells = Array.from({ length: 25 }, (_, i) => view('Sheet1', 0, i)).concat([view('Sheet2', 0, 0)])
  const hint = { sheet: 'Sheet1', rows: [10, 12] as [number, number], cols: [0, 3] as [number, number] }

  it('sends a short list in one reply', () => {
    expect(splitChangeCells(cells, hint, 100)).toEqual({ leading: [], last: cells })
  })

  it('sends the cells on screen first, then chunks, and keeps every cell exactly once', () => {
    const { leading, last } = splitChangeCells(cells, hint, 10)
    expect(leading[0].map((c) => c.address)).toEqual(['A11', 'A12', 'A13'])
    expect(leading.slice(1).every((part) => part.length === 10)).toBe(true)
    expect(last.length).toBeLessThanOrEqual(10)
    const all = [...leading.flat(), ...last]
    expect(all).toHaveLength(cells.length)
    expect(new Set(all.map((c) => `${c.sheet}!${c.address}`)).size).toBe(cells.length)
  })

  it('does not treat another sheet as on screen', () => {
    const { leading } = splitChangeCells(cells, { ...hint, sheet: 'Sheet2', rows: [0, 0] }, 10)
    expect(leading[0].map((c) => `${c.sheet}!${c.address}`)).toEqual(['Sheet2!A1'])
  })

  it('without a hint, only chunks', () => {
    const { leading, last } = splitChangeCells(cells, undefined, 10)
    expect(leading.map((p) => p.length)).toEqual([10, 10])
    expect(last).toHaveLength(6)
  })
})

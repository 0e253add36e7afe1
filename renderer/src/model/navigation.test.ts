import { describe, expect, it } from 'vitest'
import { formatAddress, parseAddress, type CellPos } from './address'
import { jump, lastUsedCell, move, scrollCount } from './navigation'

function sheetWith(addresses: string[]) {
  const filled = new Set(addresses)
  const isFilled = (p: CellPos) => filled.has(formatAddress(p))
  const column = (col: number) => addresses.map((a) => parseAddress(a)!).filter((p) => p.col === col).map((p) => p.row)
  const row = (r: number) => addresses.map((a) => parseAddress(a)!).filter((p) => p.row === r).map((p) => p.col)
  return { isFilled, column, row }
}

describe('moving the selection', () => {
  it('moves one step and stops at the grid edges', () => {
    expect(move({ col: 1, row: 1 }, 'down')).toEqual({ col: 1, row: 2 })
    expect(move({ col: 0, row: 0 }, 'up')).toEqual({ col: 0, row: 0 })
    expect(move({ col: 0, row: 0 }, 'left')).toEqual({ col: 0, row: 0 })
    expect(move({ col: 16383, row: 5 }, 'right')).toEqual({ col: 16383, row: 5 })
    expect(move({ col: 0, row: 1048570 }, 'down', 100)).toEqual({ col: 0, row: 1048575 })
  })
})

describe('Ctrl+arrow jumps', () => {
  const s = sheetWith(['A1', 'A2', 'A3', 'A7', 'A8', 'C1'])
  const from = (a: string) => parseAddress(a)!
  it('runs to the end of a filled block', () => {
    expect(formatAddress(jump(from('A1'), 'down', s.isFilled, s.column(0)))).toBe('A3')
    expect(formatAddress(jump(from('A8'), 'up', s.isFilled, s.column(0)))).toBe('A7')
  })
  it('from the end of a block or an empty cell, goes to the next filled cell', () => {
    expect(formatAddress(jump(from('A3'), 'down', s.isFilled, s.column(0)))).toBe('A7')
    expect(formatAddress(jump(from('A5'), 'up', s.isFilled, s.column(0)))).toBe('A3')
    expect(formatAddress(jump(from('A1'), 'right', s.isFilled, s.row(0)))).toBe('C1')
  })
  it('goes to the grid edge when nothing lies ahead', () => {
    expect(formatAddress(jump(from('A8'), 'down', s.isFilled, s.column(0)))).toBe('A1048576')
    expect(formatAddress(jump(from('C1'), 'right', s.isFilled, s.row(0)))).toBe('XFD1')
    expect(formatAddress(jump(from('B5'), 'left', s.isFilled, s.row(4)))).toBe('A5')
    expect(formatAddress(jump(from('A1'), 'up', s.isFilled, s.column(0)))).toBe('A1')
  })
})

describe('the last used cell and the scroll extent', () => {
  it('Ctrl+End goes to the last used row and the last used column', () => {
    expect(lastUsedCell(['A1', 'C2', 'B9'].map((a) => parseAddress(a)!))).toEqual(parseAddress('C9'))
    expect(lastUsedCell([])).toEqual({ col: 0, row: 0 })
  })
  it('the scrollbar spans the used range or the farthest reach, plus a margin, within the grid', () => {
    expect(scrollCount(50, 10, 100, 1048576)).toBe(150)
    expect(scrollCount(50, 400, 100, 1048576)).toBe(501)
    expect(scrollCount(1048576, 0, 100, 1048576)).toBe(1048576)
  })
})

describe('Ctrl+arrow over a million-cell column (appscale)', () => {
  it('finds the next filled cell without spreading the line into a call', () => {
    const line = Array.from({ length: 1_000_000 }, (_, i) => i + 5)
    const empty = () => false
    expect(jump({ col: 0, row: 0 }, 'down', empty, line)).toEqual({ col: 0, row: 5 })
    expect(jump({ col: 0, row: 1048575 }, 'up', empty, line)).toEqual({ col: 0, row: 1_000_004 })
  })
})

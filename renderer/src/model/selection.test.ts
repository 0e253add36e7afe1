import { describe, expect, it } from 'vitest'
import { formatAddress, parseAddress, type CellPos } from './address'
import {
  extendBy, extendJump, extendTo, isWholeColumns, isWholeRows, parseRange, rangeAddress, rectLabel, rectOf,
  clipRect, selectAll, selectColumns, selectRect, selectRows, single,
} from './selection'

const at = (a: string): CellPos => parseAddress(a)!

describe('the selection rectangle', () => {
  it('a click selects one cell; Shift+click spans the rectangle and keeps the active cell', () => {
    const s = extendTo(single(at('B2')), at('D5'))
    expect(s.active).toEqual(at('B2'))
    expect(rangeAddress(rectOf(s))).toBe('B2:D5')
    // Extending up-left of the anchor normalises the rectangle.
    expect(rangeAddress(rectOf(extendTo(single(at('C3')), at('A1'))))).toBe('A1:C3')
  })

  it('Shift+arrows move the corner, not the anchor, and stop at the edges', () => {
    let s = single(at('B2'))
    s = extendBy(s, 'right')
    s = extendBy(s, 'down')
    s = extendBy(s, 'down')
    expect(rectLabel(rectOf(s))).toBe('B2:C4')
    s = extendBy(extendBy(extendBy(s, 'left'), 'left'), 'left')
    expect(rectLabel(rectOf(s))).toBe('A2:B4')
    expect(s.active).toEqual(at('B2'))
  })

  it('Ctrl+Shift+arrow extends to the edge of the data', () => {
    const filled = new Set(['A1', 'A2', 'A3', 'A4'])
    const isFilled = (p: CellPos) => filled.has(formatAddress(p))
    const s = extendJump(single(at('A1')), 'down', isFilled, [0, 1, 2, 3])
    expect(rectLabel(rectOf(s))).toBe('A1:A4')
  })

  it('header clicks select whole columns and rows; Shift adds more', () => {
    const c = selectColumns(single(at('A1')), 1, false)
    expect(rectLabel(rectOf(c))).toBe('B:B')
    expect(isWholeColumns(rectOf(c))).toBe(true)
    expect(rectLabel(rectOf(selectColumns(c, 3, true)))).toBe('B:D')
    const r = selectRows(single(at('A1')), 4, false)
    expect(rectLabel(rectOf(selectRows(r, 2, true)))).toBe('3:5')
    expect(isWholeRows(rectOf(r))).toBe(true)
  })

  it('Ctrl+A selects the sheet and keeps the active cell', () => {
    const s = selectAll(single(at('C7')))
    expect(s.active).toEqual(at('C7'))
    expect(rectLabel(rectOf(s))).toBe('A1:XFD1048576')
  })
})

describe('ranges typed in the name box', () => {
  it('reads blocks, single cells, whole columns and rows, with or without $', () => {
    expect(parseRange('a1:c4')).toEqual({ top: 0, left: 0, bottom: 3, right: 2 })
    expect(parseRange('C4:A1')).toEqual({ top: 0, left: 0, bottom: 3, right: 2 })
    expect(parseRange('$B$3')).toEqual({ top: 2, left: 1, bottom: 2, right: 1 })
    expect(rectLabel(parseRange('B:D')!)).toBe('B:D')
    expect(rectLabel(parseRange('5:2')!)).toBe('2:5')
  })
  it('rejects what is not a range inside the grid', () => {
    for (const bad of ['', 'A1:', 'A1:B2:C3', 'XFE1:A1', 'x', 'A0:B2', '0:3', 'A:3']) expect(parseRange(bad)).toBeNull()
  })
  it('selectRect activates the top-left cell', () => {
    const s = selectRect(parseRange('B2:C9')!)
    expect(s.active).toEqual(at('B2'))
    expect(rangeAddress(rectOf(s))).toBe('B2:C9')
  })
})

describe('whole rows and columns are read over the used range only', () => {
  it('clips a whole column to the used rows, and gives null outside them', () => {
    const used = parseRange('A1:D40')!
    expect(rangeAddress(clipRect(parseRange('B:C')!, used)!)).toBe('B1:C40')
    expect(rangeAddress(clipRect(parseRange('3:5')!, used)!)).toBe('A3:D5')
    expect(clipRect(parseRange('F:G')!, used)).toBeNull()
  })
})

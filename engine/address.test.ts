import { describe, expect, it } from 'vitest'
import { columnLetters, columnNumber, looksLikeAddress, parseAddress, quoteSheet } from './address'

describe('addresses', () => {
  it('parses canonical, lower-case and $-marked addresses within the grid', () => {
    expect(parseAddress('B4')).toEqual({ row: 4, col: 2 })
    expect(parseAddress('xfd1048576')).toEqual({ row: 1048576, col: 16384 })
    expect(parseAddress('$A$1')).toEqual({ row: 1, col: 1 })
    expect(parseAddress(' c3 ')).toEqual({ row: 3, col: 3 })
  })

  it('refuses malformed and out-of-grid addresses', () => {
    for (const bad of ['', 'A', '1', 'A0', 'XFE1', 'A1048577', 'ABCD1', 'A1B', 'A-1']) expect(parseAddress(bad)).toBeNull()
  })

  it('converts columns both ways', () => {
    for (const n of [1, 26, 27, 702, 703, 16384]) expect(columnNumber(columnLetters(n))).toBe(n)
    expect(columnLetters(28)).toBe('AB')
  })

  it('knows what looks like an address and quotes sheet names when needed', () => {
    expect(looksLikeAddress('h0')).toBe(true)
    expect(looksLikeAddress('rate')).toBe(false)
    expect(quoteSheet('Data')).toBe('Data')
    expect(quoteSheet('My data')).toBe("'My data'")
    expect(quoteSheet("It's")).toBe("'It''s'")
    expect(quoteSheet('A1')).toBe("'A1'")
  })
})

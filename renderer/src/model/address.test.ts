import { describe, expect, it } from 'vitest'
import { columnIndex, columnName, formatAddress, isValidNameShape, parseAddress, quoteSheet, splitSheetRef } from './address'

describe('addresses', () => {
  it('names columns A … XFD and back', () => {
    expect([0, 25, 26, 51, 701, 702, 16383].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'ZZ', 'AAA', 'XFD'])
    for (const col of [0, 25, 26, 700, 16383]) expect(columnIndex(columnName(col))).toBe(col)
  })
  it('parses addresses case-insensitively, with $ markers, inside the grid only', () => {
    expect(parseAddress('b7')).toEqual({ col: 1, row: 6 })
    expect(parseAddress('$A$1')).toEqual({ col: 0, row: 0 })
    expect(parseAddress('XFD1048576')).toEqual({ col: 16383, row: 1048575 })
    expect(parseAddress('XFE1')).toBeNull()
    expect(parseAddress('A1048577')).toBeNull()
    expect(parseAddress('A0')).toBeNull()
    expect(parseAddress('x')).toBeNull()
    expect(formatAddress({ col: 27, row: 9 })).toBe('AB10')
  })
  it('splits and quotes sheet references', () => {
    expect(splitSheetRef('Sheet2!B3')).toEqual({ sheet: 'Sheet2', rest: 'B3' })
    expect(splitSheetRef("'My data'!A1")).toEqual({ sheet: 'My data', rest: 'A1' })
    expect(splitSheetRef('B3')).toEqual({ sheet: null, rest: 'B3' })
    expect(quoteSheet('Sheet1')).toBe('Sheet1')
    expect(quoteSheet("Bob's data")).toBe("'Bob''s data'")
  })
  it('accepts identifiers that are not addresses as names', () => {
    expect(isValidNameShape('learning_rate')).toBe(true)
    expect(isValidNameShape('J')).toBe(true)
    expect(isValidNameShape('A1')).toBe(false)
    expect(isValidNameShape('1x')).toBe(false)
    expect(isValidNameShape('a b')).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import { rewriteForAxisChange, rewriteForMove, type AxisChange } from './structural-rewrite'

const rows = (kind: 'insert' | 'delete', at: number, count: number, sheet = 'Sheet1'): AxisChange => ({ sheet, axis: 'row', kind, at, count })
const cols = (kind: 'insert' | 'delete', at: number, count: number, sheet = 'Sheet1'): AxisChange => ({ sheet, axis: 'col', kind, at, count })

describe('formulas under inserted and deleted rows and columns', () => {
  it('moves references at or below an inserted row, $ parts too (as Excel does)', () => {
    expect(rewriteForAxisChange('=A1 + A2 + $A$3', 'Sheet1', rows('insert', 2, 2))).toBe('=A1 + A4 + $A$5')
  })

  it('grows a range an insertion cuts through, and not one it only touches below', () => {
    expect(rewriteForAxisChange('=SUM(A1:A5)', 'Sheet1', rows('insert', 3, 1))).toBe('=SUM(A1:A6)')
    expect(rewriteForAxisChange('=SUM(A1:A5)', 'Sheet1', rows('insert', 6, 1))).toBe('=SUM(A1:A5)')
    expect(rewriteForAxisChange('=SUM(A2:A5)', 'Sheet1', rows('insert', 2, 1))).toBe('=SUM(A3:A6)')
  })

  it('turns a reference to a deleted cell into #REF! and shrinks ranges spanning the deletion', () => {
    expect(rewriteForAxisChange('=A1 + A2 + A5', 'Sheet1', rows('delete', 2, 2))).toBe('=A1 + #REF! + A3')
    expect(rewriteForAxisChange('=SUM(A1:A5)', 'Sheet1', rows('delete', 2, 2))).toBe('=SUM(A1:A3)')
    expect(rewriteForAxisChange('=SUM(A3:A9)', 'Sheet1', rows('delete', 1, 4))).toBe('=SUM(A1:A5)')
    expect(rewriteForAxisChange('=SUM(A1:A4)', 'Sheet1', rows('delete', 3, 5))).toBe('=SUM(A1:A2)')
    expect(rewriteForAxisChange('=SUM(A2:A3) + 1', 'Sheet1', rows('delete', 1, 4))).toBe('=SUM(#REF!) + 1')
  })

  it('rewrites columns the same way', () => {
    expect(rewriteForAxisChange('=A1 + B1 + SUM(A1:D1)', 'Sheet1', cols('insert', 2, 1))).toBe('=A1 + C1 + SUM(A1:E1)')
    expect(rewriteForAxisChange('=A1 + B1 + SUM(A1:D1)', 'Sheet1', cols('delete', 2, 1))).toBe('=A1 + #REF! + SUM(A1:C1)')
  })

  it('follows references from other sheets into the changed sheet, and only those', () => {
    expect(rewriteForAxisChange("=Data!A3 + 'data'!B3 + A3", 'Sheet1', rows('insert', 1, 1, 'Data'))).toBe("=Data!A4 + 'data'!B4 + A3")
    expect(rewriteForAxisChange('=A3 + Sheet1!A3', 'Data', rows('insert', 1, 1, 'Data'))).toBe('=A4 + Sheet1!A3')
    expect(rewriteForAxisChange('=Data!A3', 'Sheet1', rows('delete', 3, 1, 'Data'))).toBe('=Data!#REF!')
  })

  it('keeps a reversed range in its written orientation', () => {
    expect(rewriteForAxisChange('=SUM(B5:A1)', 'Sheet1', rows('insert', 3, 1))).toBe('=SUM(B6:A1)')
  })

  it('cuts a range pushed past the last row at the last row', () => {
    expect(rewriteForAxisChange('=SUM(A1:A1048576)', 'Sheet1', rows('insert', 1, 1))).toBe('=SUM(A2:A1048576)')
    expect(rewriteForAxisChange('=A1048576', 'Sheet1', rows('insert', 1, 1))).toBe('=#REF!')
  })
})

describe('formulas after a cut and paste', () => {
  const move = { fromSheet: 'Sheet1', from: { row0: 1, col0: 1, row1: 2, col1: 1 }, toSheet: 'Sheet1', toRow: 5, toCol: 3 }

  it('follows references into the moved block, ranges wholly inside it too', () => {
    expect(rewriteForMove('=A1 + A2 * SUM(A1:A2) + A3', 'Sheet1', 'Sheet1', move)).toBe('=C5 + C6 * SUM(C5:C6) + A3')
  })

  it('leaves a range only partly inside the block', () => {
    expect(rewriteForMove('=SUM(A1:A3)', 'Sheet1', 'Sheet1', move)).toBe('=SUM(A1:A3)')
  })

  it('turns references to the cells pasted over into #REF!', () => {
    expect(rewriteForMove('=C5 + C7', 'Sheet1', 'Sheet1', move)).toBe('=#REF! + C7')
  })

  it('moves to another sheet: references follow with the sheet name; a moved formula names the sheet it left', () => {
    const across = { ...move, toSheet: 'Data' }
    expect(rewriteForMove('=A1 * 2', 'Sheet1', 'Sheet1', across)).toBe('=Data!C5 * 2')
    expect(rewriteForMove('=Sheet1!A2', 'Data', 'Data', across)).toBe('=Data!C6')
    expect(rewriteForMove('=A2 + B9', 'Sheet1', 'Data', across)).toBe('=C6 + Sheet1!B9')
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { columnLetters } from '../address'
import { shiftFormula } from './ref-shift'

describe('shifting a formula by an offset (copy and fill)', () => {
  it('moves relative references by the offset: B1 =A1*2 pasted on D5 is =C5*2', () => {
    expect(shiftFormula('=A1*2', 4, 2)).toBe('=C5*2')
  })

  it('keeps $ parts: absolute parts never move', () => {
    expect(shiftFormula('=$A$1 + A$1 + $A1 + A1', 2, 3)).toBe('=$A$1 + D$1 + $A3 + D3')
    expect(shiftFormula('=SUM($A$1:$B$9)', 10, 10)).toBe('=SUM($A$1:$B$9)')
  })

  it('shifts both corners of a range and references on other sheets', () => {
    expect(shiftFormula("=SUM(A1:B3) + Data!C2 + 'My data'!A1:A2", 1, 0)).toBe("=SUM(A2:B4) + Data!C3 + 'My data'!A2:A3")
  })

  it('writes #REF! for a reference that would leave the sheet, keeping its sheet qualifier', () => {
    expect(shiftFormula('=A2 + B1', -1, 0)).toBe('=A1 + #REF!')
    expect(shiftFormula('=Data!A1 * 2', 0, -1)).toBe('=Data!#REF! * 2')
    expect(shiftFormula('=SUM(A1:A5)', -1, 0)).toBe('=SUM(#REF!)')
  })

  it('leaves strings, function names, names, numbers and the user spacing untouched', () => {
    expect(shiftFormula('  =  LOG10( A1 )+"A1"  +  rate + 2e3 + A1  ', 1, 1)).toBe('  =  LOG10( B2 )+"A1"  +  rate + 2e3 + B2  ')
    expect(shiftFormula("=IF(A1 > 0, 'B2', w)", 1, 0)).toBe("=IF(A2 > 0, 'B2', w)")
  })

  it('keeps the parts that do not change as written (lower case, row text)', () => {
    expect(shiftFormula('=b7 + $c$2', 1, 0)).toBe('=b8 + $c$2')
    expect(shiftFormula('=b7', 0, 1)).toBe('=c7')
    expect(shiftFormula('=B7', 0, 1)).toBe('=C7')
  })

  it('leaves labels, numbers, unparseable formulas and existing #REF! alone', () => {
    expect(shiftFormula('A1', 1, 1)).toBe('A1')
    expect(shiftFormula('42', 1, 1)).toBe('42')
    expect(shiftFormula('=$x + A1', 1, 1)).toBe('=$x + A1')
    expect(shiftFormula('=#REF! + A1', 1, 1)).toBe('=#REF! + B2')
    expect(shiftFormula('=XFE1 + A1', 1, 0)).toBe('=XFE1 + A2')
  })

  it('reaches the last row and column but not past them', () => {
    expect(shiftFormula('=A1', 1048575, 16383)).toBe('=XFD1048576')
    expect(shiftFormula('=A1', 1048576, 0)).toBe('=#REF!')
  })
})

describe('shifting random references (fast-check)', () => {
  const ref = fc.record({ row: fc.integer({ min: 1, max: 60 }), col: fc.integer({ min: 1, max: 30 }), rowAbs: fc.boolean(), colAbs: fc.boolean() })
  const text = (r: { row: number; col: number; rowAbs: boolean; colAbs: boolean }) => `${r.colAbs ? '$' : ''}${columnLetters(r.col)}${r.rowAbs ? '$' : ''}${r.row}`

  it('moves exactly the relative parts, keeps the $ parts, and shifting back restores the text', () => {
    fc.assert(
      fc.property(fc.array(ref, { minLength: 1, maxLength: 4 }), fc.integer({ min: -20, max: 20 }), fc.integer({ min: -10, max: 10 }), (refs, dRow, dCol) => {
        const input = `=${refs.map(text).join(' * 2 + ')}`
        const shifted = shiftFormula(input, dRow, dCol)
        const expected = refs.map((r) => {
          const row = r.rowAbs ? r.row : r.row + dRow
          const col = r.colAbs ? r.col : r.col + dCol
          return row < 1 || col < 1 ? '#REF!' : text({ ...r, row, col })
        })
        expect(shifted).toBe(`=${expected.join(' * 2 + ')}`)
        if (!shifted.includes('#REF!')) expect(shiftFormula(shifted, -dRow, -dCol)).toBe(input)
      }),
      { seed: 4242, numRuns: 300 },
    )
  })
})

import { describe, expect, it } from 'vitest'
import { codeOf, gradsOf, valueOf } from '../test/helpers'

describe('upper-case spreadsheet functions', () => {
  it('values with the spreadsheet meaning', () => {
    expect(valueOf('ABS(A1)', -2)).toBe(2)
    expect(valueOf('SQRT(A1)', 16)).toBe(4)
    expect(valueOf('EXP(A1)', 0)).toBe(1)
    expect(valueOf('LN(A1)', 1)).toBe(0)
    expect(valueOf('LOG10(A1)', 100)).toBe(2)
    expect(valueOf('LOG(A1)', 1000)).toBeCloseTo(3, 14)
    expect(valueOf('LOG(A1, 2)', 8)).toBeCloseTo(3, 14)
    expect(valueOf('POWER(A1, 3)', 2)).toBe(8)
  })

  it('derivatives', () => {
    expect(gradsOf('ABS(A1)', -2)).toEqual([-1])
    expect(gradsOf('SQRT(A1)', 4)).toEqual([0.25])
    expect(gradsOf('LN(A1)', 2)).toEqual([0.5])
    expect(gradsOf('LOG(A1)', 10)[0]).toBeCloseTo(1 / (10 * Math.LN10), 15)
    expect(gradsOf('POWER(A1, A2)', 2, 3)).toEqual([12, 8 * Math.LN2])
  })

  it('domain errors and arity', () => {
    expect(codeOf('LN(A1)', -1)).toBe('#NUM!')
    expect(codeOf('SQRT(A1)', -1)).toBe('#NUM!')
    expect(codeOf('POWER(A1)', 2)).toBe('#VALUE!')
    expect(codeOf('LOG()')).toBe('#VALUE!')
  })
})

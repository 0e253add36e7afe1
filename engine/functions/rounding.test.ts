import { describe, expect, it } from 'vitest'
import { codeOf, gradsOf, valueOf } from '../test/helpers'

describe('rounding', () => {
  it('values, half away from zero like spreadsheets', () => {
    expect(valueOf('floor(A1)', -1.5)).toBe(-2)
    expect(valueOf('ceil(A1)', -1.5)).toBe(-1)
    expect(valueOf('fix(A1)', -1.5)).toBe(-1)
    expect(valueOf('round(A1)', 2.5)).toBe(3)
    expect(valueOf('round(A1)', -2.5)).toBe(-3)
    expect(valueOf('ROUND(A1, 2)', 3.14159)).toBe(3.14)
    expect(valueOf('ROUND(A1, -1)', 1234)).toBe(1230)
  })

  it('derivative 0 (SPEC §4)', () => {
    expect(gradsOf('floor(A1) + ceil(A1) + round(A1) + fix(A1) + ROUND(A1, 1)', 1.37)).toEqual([0])
    expect(gradsOf('A1 + floor(A1)', 1.37)).toEqual([1])
  })

  it('errors and arity', () => {
    expect(codeOf('ROUND(A1, 0.5)', 1)).toBe('#VALUE!')
    expect(codeOf('floor(A1)', 'x')).toBe('#VALUE!')
    expect(codeOf('ROUND(1, 2, 3)')).toBe('#VALUE!')
    expect(codeOf('floor()')).toBe('#VALUE!')
  })
})

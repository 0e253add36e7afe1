import { describe, expect, it } from 'vitest'
import { codeOf, gradsOf, run, valueOf } from '../test/helpers'

const bool = (formula: string, ...inputs: number[]) => run(formula, ...inputs).value

describe('comparisons, logic and conditionals', () => {
  it('comparisons give booleans and no gradient', () => {
    expect(bool('A1 < A2', 1, 2)).toEqual({ kind: 'boolean', value: true })
    expect(bool('A1 == A2', 1, 2)).toEqual({ kind: 'boolean', value: false })
    expect(bool('A1 != A2', 1, 2)).toEqual({ kind: 'boolean', value: true })
    expect(bool('A1 >= A2', 2, 2)).toEqual({ kind: 'boolean', value: true })
    expect(gradsOf('(A1 > 0) * 5', 1)).toEqual([0])
  })

  it('and/or/not and AND/OR/NOT', () => {
    expect(bool('A1 > 0 and A2 > 0', 1, -1)).toEqual({ kind: 'boolean', value: false })
    expect(bool('A1 > 0 or A2 > 0', 1, -1)).toEqual({ kind: 'boolean', value: true })
    expect(bool('not (A1 > 0)', 1)).toEqual({ kind: 'boolean', value: false })
    expect(bool('AND(A1, A2, 1)', 1, 1)).toEqual({ kind: 'boolean', value: true })
    expect(bool('OR(A1, A2)', 0, 0)).toEqual({ kind: 'boolean', value: false })
    expect(bool('NOT(A1)', 0)).toEqual({ kind: 'boolean', value: true })
  })

  it('a conditional sends the gradient only to the branch taken', () => {
    expect(gradsOf('A1 > 0 ? A1 * 3 : A1 * 5', 2)).toEqual([3])
    expect(gradsOf('A1 > 0 ? A1 * 3 : A1 * 5', -2)).toEqual([5])
    expect(gradsOf('IF(A1 > A2, A1, A2 * 2)', 1, 3)).toEqual([0, 2])
    expect(valueOf('IF(A1 > 0, 10)', 1)).toBe(10)
    expect(bool('IF(A1 > 0, 10)', -1)).toEqual({ kind: 'boolean', value: false })
  })

  it("errors in the branch not taken do not matter; in the condition or taken branch they do", () => {
    expect(valueOf('IF(A1 == 0, 0, 1 / A1)', 0)).toBe(0)
    expect(codeOf('IF(A1 == 0, 1 / A1, 0)', 0)).toBe('#DIV/0!')
    expect(codeOf('IF(1 / A1, 1, 2)', 0)).toBe('#DIV/0!')
    expect(codeOf('IF(A1, 1, 2)', 'label')).toBe('#VALUE!')
  })

  it('checks arity', () => {
    expect(codeOf('IF(1)')).toBe('#VALUE!')
    expect(codeOf('NOT(1, 2)')).toBe('#VALUE!')
    expect(codeOf('AND()')).toBe('#VALUE!')
  })
})

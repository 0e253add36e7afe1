import { describe, expect, it } from 'vitest'
import { book, codeOf, grad, gradsOf, num, valueOf } from '../test/helpers'

describe('reductions', () => {
  it('values over scalars and ranges', () => {
    expect(valueOf('sum(A1, A2, A3)', 1, 2, 3)).toBe(6)
    expect(valueOf('SUM(A1:A3) + 1', 1, 2, 3)).toBe(7)
    expect(valueOf('mean(A1:A4)', 1, 2, 3, 6)).toBe(3)
    expect(valueOf('AVERAGE(A1:A2)', 1, 2)).toBe(1.5)
    expect(valueOf('prod(A1:A3)', 2, 3, 4)).toBe(24)
    expect(valueOf('PRODUCT(A1, A2)', 2, 3)).toBe(6)
    expect(valueOf('max(A1:A3)', 2, 7, 4)).toBe(7)
    expect(valueOf('MIN(A1:A3)', 2, 7, 4)).toBe(2)
    expect(valueOf('norm(A1:A2)', 3, 4)).toBe(5)
    expect(valueOf('SUMSQ(A1:A2)', 3, 4)).toBe(25)
    expect(valueOf('COUNT(A1:A3)', 3, 4, 5)).toBe(3)
    expect(valueOf('SUMPRODUCT(A1:A2, A3:A4)', 1, 2, 3, 4)).toBe(11)
  })

  it('derivatives', () => {
    expect(gradsOf('sum(A1:A3)', 1, 2, 3)).toEqual([1, 1, 1])
    expect(gradsOf('mean(A1:A4)', 1, 2, 3, 4)).toEqual([0.25, 0.25, 0.25, 0.25])
    expect(gradsOf('prod(A1:A3)', 2, 3, 4)).toEqual([12, 8, 6])
    expect(gradsOf('prod(A1:A3)', 2, 0, 4)).toEqual([0, 8, 0])
    expect(gradsOf('norm(A1:A2)', 3, 4)).toEqual([0.6, 0.8])
    expect(gradsOf('norm(A1:A2)', 0, 0)).toEqual([0, 0])
    expect(gradsOf('SUMSQ(A1, A2)', 3, 4)).toEqual([6, 8])
    expect(gradsOf('SUMPRODUCT(A1:A2, A3:A4)', 1, 2, 3, 4)).toEqual([3, 4, 1, 2])
    expect(gradsOf('COUNT(A1:A2) * 2', 1, 2)).toEqual([0, 0])
  })

  it('max/min send the gradient to the first argument attaining the extremum', () => {
    expect(gradsOf('max(A1, A2, A3)', 5, 5, 1)).toEqual([1, 0, 0])
    expect(gradsOf('min(A1:A3)', 3, 1, 1)).toEqual([0, 1, 0])
    expect(gradsOf('MAX(A1, A2)', 1, 2)).toEqual([0, 1])
  })

  it('a range picks up cells that are filled in later, and gradients reach them', () => {
    const e = book({ A1: '1', B1: { input: '=SUM(A1:A3)', name: 'J' } })
    expect(num(e, 'B1')).toBe(1)
    e.apply([{ type: 'setInput', sheet: 'Sheet1', address: 'A3', input: '5' }])
    expect(num(e, 'B1')).toBe(6)
    expect(grad(e, 'A3')).toBe(1)
  })

  it('errors and arity', () => {
    expect(codeOf('sum(A1:A2)', 1, 'label')).toBe('#VALUE!')
    expect(codeOf('mean(A1:A2)', 1, '=1/0')).toBe('#DIV/0!')
    expect(codeOf('SUMPRODUCT(A1:A2, A1:A3)', 1, 2, 3)).toBe('#VALUE!')
    expect(codeOf('sum()')).toBe('#VALUE!')
    expect(codeOf('max()')).toBe('#VALUE!')
  })
})

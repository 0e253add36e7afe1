import { describe, expect, it } from 'vitest'
import { codeOf, gradsOf, run, valueOf } from '../test/helpers'

describe('arithmetic', () => {
  it('computes + - * / ^ and unary signs with their derivatives', () => {
    expect(valueOf('A1 + A2', 2, 3)).toBe(5)
    expect(gradsOf('A1 + A2', 2, 3)).toEqual([1, 1])
    expect(gradsOf('A1 - A2', 2, 3)).toEqual([1, -1])
    expect(gradsOf('A1 * A2', 2, 3)).toEqual([3, 2])
    expect(gradsOf('A1 / A2', 3, 2)).toEqual([0.5, -0.75])
    expect(valueOf('A1 ^ A2', 2, 3)).toBe(8)
    expect(gradsOf('A1 ^ A2', 2, 3)).toEqual([12, 8 * Math.log(2)])
    expect(gradsOf('-A1', 4)).toEqual([-1])
    expect(gradsOf('+A1', 4)).toEqual([1])
    expect(valueOf('2 * -A1 + 1', 3)).toBe(-5)
  })

  it('follows SPEC conventions: abs\'(0) = 0, sign has derivative 0, mod derivatives', () => {
    expect(gradsOf('abs(A1)', 0)).toEqual([0])
    expect(gradsOf('abs(A1)', -2)).toEqual([-1])
    expect(gradsOf('sign(A1) * 3', -2)).toEqual([0])
    expect(valueOf('mod(A1, A2)', 7, 3)).toBe(1)
    expect(valueOf('mod(A1, A2)', -7, 3)).toBe(2)
    expect(gradsOf('mod(A1, A2)', 7.5, 2)).toEqual([1, -3])
    expect(gradsOf('square(A1) + cube(A1)', 2)).toEqual([4 + 12])
  })

  it('gives #DIV/0! for division by zero and 0 to a negative power, #NUM! for a complex power', () => {
    expect(codeOf('A1 / A2', 1, 0)).toBe('#DIV/0!')
    expect(codeOf('mod(A1, 0)', 1)).toBe('#DIV/0!')
    expect(codeOf('A1 ^ -1', 0)).toBe('#DIV/0!')
    expect(codeOf('A1 ^ 0.5', -4)).toBe('#NUM!')
    expect(valueOf('A1 ^ 3', -2)).toBe(-8)
    expect(codeOf('10 ^ A1', 400)).toBe('#NUM!')
  })

  it('treats labels as #VALUE! and booleans as 0/1', () => {
    expect(codeOf('A1 + 1', 'apples')).toBe('#VALUE!')
    expect(valueOf('(2 > 1) + 1')).toBe(2)
  })

  it('checks arity', () => {
    expect(codeOf('abs(A1, A1)', 1)).toBe('#VALUE!')
    expect(codeOf('mod(A1)', 1)).toBe('#VALUE!')
    expect(run('abs()').value).toMatchObject({ kind: 'error', error: { code: '#VALUE!', message: 'abs takes 1 argument, got 0' } })
  })
})

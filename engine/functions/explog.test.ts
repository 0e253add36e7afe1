import { describe, expect, it } from 'vitest'
import { codeOf, gradsOf, run, valueOf } from '../test/helpers'

describe('exponentials, logarithms and roots', () => {
  it('values and derivatives', () => {
    expect(valueOf('exp(A1)', 0)).toBe(1)
    expect(gradsOf('exp(A1)', 1)).toEqual([Math.E])
    expect(valueOf('log(A1)', Math.E)).toBe(1)
    expect(gradsOf('log(A1)', 4)).toEqual([0.25])
    expect(valueOf('log(A1, 2)', 8)).toBeCloseTo(3, 14)
    expect(gradsOf('log(A1, A2)', 8, 2)[0]).toBeCloseTo(1 / (8 * Math.LN2), 14)
    expect(gradsOf('log(A1, A2)', 8, 2)[1]).toBeCloseTo(-3 / (2 * Math.LN2), 14)
    expect(valueOf('log10(A1)', 1000)).toBe(3)
    expect(gradsOf('log10(A1)', 10)[0]).toBeCloseTo(1 / (10 * Math.LN10), 15)
    expect(valueOf('log2(A1)', 8)).toBe(3)
    expect(gradsOf('log1p(A1)', 1)).toEqual([0.5])
    expect(gradsOf('expm1(A1)', 0)).toEqual([1])
    expect(valueOf('sqrt(A1)', 9)).toBe(3)
    expect(gradsOf('sqrt(A1)', 4)).toEqual([0.25])
    expect(gradsOf('cbrt(A1)', 8)[0]).toBeCloseTo(1 / 12, 14)
  })

  it('real-only: negative logs and roots are #NUM!, log(0) is #NUM!', () => {
    expect(codeOf('sqrt(A1)', -1)).toBe('#NUM!')
    expect(codeOf('log(A1)', -2)).toBe('#NUM!')
    expect(codeOf('log(A1)', 0)).toBe('#NUM!')
    expect(codeOf('log1p(A1)', -1)).toBe('#NUM!')
    expect(codeOf('exp(A1)', 1000)).toBe('#NUM!')
    expect(codeOf('log(A1, 1)', 5)).toBe('#DIV/0!')
    expect(run('sqrt(A1)', -1).value).toMatchObject({ error: { message: 'sqrt of a negative number (-1) is not a real number' } })
  })

  it("sqrt'(0) = +Infinity shows as a #NUM! gradient while the value is fine", () => {
    const { value, grads } = run('sqrt(A1)', 0)
    expect(value).toEqual({ kind: 'number', value: 0 })
    expect(grads[0]).toMatchObject({ kind: 'error', error: { code: '#NUM!' } })
  })

  it('checks arity', () => {
    expect(codeOf('exp()')).toBe('#VALUE!')
    expect(codeOf('log(1, 2, 3)')).toBe('#VALUE!')
  })
})

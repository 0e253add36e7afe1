import { describe, expect, it } from 'vitest'
import { codeOf, gradsOf, valueOf } from '../test/helpers'

const close = (a: number[], b: number[]) => a.forEach((x, i) => expect(x).toBeCloseTo(b[i], 12))

describe('trigonometric and hyperbolic', () => {
  it('values and derivatives', () => {
    expect(valueOf('sin(A1)', 0)).toBe(0)
    close(gradsOf('sin(A1)', 1), [Math.cos(1)])
    close(gradsOf('cos(A1)', 1), [-Math.sin(1)])
    close(gradsOf('tan(A1)', 0.5), [1 / Math.cos(0.5) ** 2])
    close(gradsOf('sec(A1)', 0.5), [Math.tan(0.5) / Math.cos(0.5)])
    close(gradsOf('csc(A1)', 0.5), [-Math.cos(0.5) / Math.sin(0.5) ** 2])
    close(gradsOf('cot(A1)', 0.5), [-1 / Math.sin(0.5) ** 2])
    close(gradsOf('asin(A1)', 0.5), [1 / Math.sqrt(0.75)])
    close(gradsOf('acos(A1)', 0.5), [-1 / Math.sqrt(0.75)])
    close(gradsOf('atan(A1)', 2), [0.2])
    close(gradsOf('atan2(A1, A2)', 1, 2), [2 / 5, -1 / 5])
    close(gradsOf('sinh(A1)', 1), [Math.cosh(1)])
    close(gradsOf('cosh(A1)', 1), [Math.sinh(1)])
    close(gradsOf('tanh(A1)', 1), [1 - Math.tanh(1) ** 2])
    close(gradsOf('asinh(A1)', 1), [1 / Math.sqrt(2)])
    close(gradsOf('acosh(A1)', 2), [1 / Math.sqrt(3)])
    close(gradsOf('atanh(A1)', 0.5), [1 / 0.75])
    expect(valueOf('pi')).toBe(Math.PI)
  })

  it('domain errors are #NUM!', () => {
    expect(codeOf('asin(A1)', 2)).toBe('#NUM!')
    expect(codeOf('acos(A1)', -1.5)).toBe('#NUM!')
    expect(codeOf('acosh(A1)', 0.5)).toBe('#NUM!')
    expect(codeOf('atanh(A1)', 1)).toBe('#NUM!')
    expect(codeOf('cosh(A1)', 1000)).toBe('#NUM!')
  })

  it('checks arity', () => {
    expect(codeOf('sin(1, 2)')).toBe('#VALUE!')
    expect(codeOf('atan2(1)')).toBe('#VALUE!')
  })
})

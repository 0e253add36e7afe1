import { describe, expect, it } from 'vitest'
import { book, codeOf, gradsOf, tensor, tensorGrad, valueOf } from '../test/helpers'

const sig = (x: number) => 1 / (1 + Math.exp(-x))

describe('machine-learning helpers', () => {
  it('sigmoid, relu, softplus, tanh: values and derivatives', () => {
    expect(valueOf('sigmoid(A1)', 0)).toBe(0.5)
    expect(gradsOf('sigmoid(A1)', 0)).toEqual([0.25])
    expect(valueOf('sigmoid(A1)', -800)).toBe(0)
    expect(valueOf('relu(A1)', -2)).toBe(0)
    expect(gradsOf('relu(A1)', 3)).toEqual([1])
    expect(gradsOf('relu(A1)', 0)).toEqual([0])
    expect(valueOf('softplus(A1)', 0)).toBeCloseTo(Math.LN2, 15)
    expect(valueOf('softplus(A1)', 800)).toBe(800)
    expect(gradsOf('softplus(A1)', 1)[0]).toBeCloseTo(sig(1), 15)
    expect(gradsOf('tanh(A1)', 0)).toEqual([1])
  })

  it('logsumexp is stable and its gradient is the softmax', () => {
    expect(valueOf('logsumexp(A1:A2)', 1000, 1000)).toBeCloseTo(1000 + Math.LN2, 10)
    const g = gradsOf('logsumexp(A1:A3)', 1, 2, 3)
    const z = Math.exp(1) + Math.exp(2) + Math.exp(3)
    g.forEach((x, i) => expect(x).toBeCloseTo(Math.exp(i + 1) / z, 14))
  })

  it('softmax of a vector, gradient of the same shape', () => {
    const e = book({ A1: '1', A2: '2', B1: '=softmax(A1:A2)', C1: { input: '=B1 .* [1, 0]', name: 'v' }, D1: { input: '=sum(C1)', name: 'J' } })
    const s = tensor(e, 'B1') as number[]
    expect(s[0]).toBeCloseTo(1 / (1 + Math.E), 15)
    const g = tensorGrad(e, 'B1') as number[]
    expect(g).toEqual([1, 0])
    const gx = e.cell('Sheet1', 'A1').grad
    expect(gx.kind === 'number' && gx.value).toBeCloseTo(s[0] * (1 - s[0]), 15)
  })

  it('errors and arity', () => {
    expect(codeOf('softmax(A1)', 1)).toBe('#VALUE!')
    expect(codeOf('sigmoid(A1)', 'x')).toBe('#VALUE!')
    expect(codeOf('relu(1, 2)')).toBe('#VALUE!')
    expect(codeOf('logsumexp()')).toBe('#VALUE!')
  })
})

import { describe, expect, it } from 'vitest'
import { book, codeOf, errorOf, grad, gradsOf, num, tensor, tensorGrad, valueOf } from '../test/helpers'

const sig = (x: number) => 1 / (1 + Math.exp(-x))
const bce = (z: number, y: number) => -(y * Math.log(sig(z)) + (1 - y) * Math.log(1 - sig(z)))

describe('bce_logits', () => {
  it('equals the binary cross-entropy of sigmoid(z), stays finite for huge logits', () => {
    expect(valueOf('bce_logits(A1, A2)', 0.7, 1)).toBeCloseTo(bce(0.7, 1), 14)
    expect(valueOf('bce_logits(A1, A2)', -1.3, 0)).toBeCloseTo(bce(-1.3, 0), 14)
    expect(valueOf('bce_logits(A1, A2)', 800, 0)).toBe(800)
    expect(valueOf('bce_logits(A1, A2)', -800, 0)).toBe(0)
  })

  it('gradients: sigmoid(z) − y for z, −z for y', () => {
    const [gz, gy] = gradsOf('bce_logits(A1, A2)', 0.4, 1)
    expect(gz).toBeCloseTo(sig(0.4) - 1, 14)
    expect(gy).toBeCloseTo(-0.4, 14)
  })

  it('works element-wise over vectors', () => {
    const e = book({ A1: '1', A2: '-2', B1: '1', B2: '0', C1: { input: '=mean(bce_logits(A1:A2, B1:B2))', name: 'J' } })
    expect(num(e, 'C1')).toBeCloseTo((bce(1, 1) + bce(-2, 0)) / 2, 14)
    expect(grad(e, 'A2')).toBeCloseTo((sig(-2) - 0) / 2, 14)
  })
})

describe('cross_entropy', () => {
  it('with a class number equals −log softmax(z)[k], gradient softmax − onehot', () => {
    const e = book({ A1: '1', A2: '2', A3: '3', B1: { input: '=cross_entropy(A1:A3, 2)', name: 'J' } })
    const z = Math.exp(1) + Math.exp(2) + Math.exp(3)
    expect(num(e, 'B1')).toBeCloseTo(-Math.log(Math.exp(2) / z), 14)
    expect(grad(e, 'A2')).toBeCloseTo(Math.exp(2) / z - 1, 14)
    expect(grad(e, 'A3')).toBeCloseTo(Math.exp(3) / z, 14)
  })

  it('with probability targets, and stays finite for large logits', () => {
    expect(valueOf('cross_entropy([A1, A2], [0, 1])', 1000, 0)).toBeCloseTo(1000, 10)
    const e = book({ A1: '=[0.5, 1.5]', B1: { input: '=cross_entropy(A1, [0.25, 0.75])', name: 'J' } })
    const g = tensorGrad(e, 'A1') as number[]
    const s1 = 1 / (1 + Math.exp(1))
    expect(g[0]).toBeCloseTo(s1 - 0.25, 14)
  })

  it('a matrix is one sample per row: per-row losses', () => {
    const e = book({ A1: '=[[1, 2], [3, 1]]', B1: '=cross_entropy(A1, [2, 1])', C1: { input: '=sum(B1)', name: 'J' } })
    const l = tensor(e, 'B1') as number[]
    expect(l[0]).toBeCloseTo(Math.log(1 + Math.exp(-1)), 14)
    expect(l[1]).toBeCloseTo(Math.log(1 + Math.exp(-2)), 14)
  })

  it('bad targets are #VALUE! with the shapes or the class in the message', () => {
    expect(codeOf('cross_entropy([1, 2], 3)')).toBe('#VALUE!')
    expect(codeOf('cross_entropy(1, 1)')).toBe('#VALUE!')
    const e = book({ A1: '=cross_entropy([1, 2, 3], [1, 0])' })
    expect(errorOf(e, 'A1').message).toContain('vector of 3')
    expect(errorOf(e, 'A1').message).toContain('vector of 2')
  })
})

describe('broadcasting as math.js defines it', () => {
  it('a vector against each row of a matrix, a column against a row', () => {
    const e = book({ A1: '=[[1, 2], [3, 4]] + [10, 20]', A2: '=[[1], [2]] .* [1, 2, 3]' })
    expect(tensor(e, 'A1')).toEqual([[11, 22], [13, 24]])
    expect(tensor(e, 'A2')).toEqual([[1, 2, 3], [2, 4, 6]])
  })

  it('the repeated operand receives the sum of the gradients of its copies', () => {
    const e = book({ A1: '=[10, 20]', B1: '=[[1, 2], [3, 4]] .* A1', C1: { input: '=sum(B1)', name: 'J' } })
    expect(tensorGrad(e, 'A1')).toEqual([4, 6])
  })

  it('incompatible shapes are #VALUE! naming both shapes', () => {
    const e = book({ A1: '=[1, 2] + [1, 2, 3]', A2: '=[[1, 2], [3, 4]] .* [[1, 2, 3], [4, 5, 6]]' })
    expect(errorOf(e, 'A1')).toEqual({ code: '#VALUE!', message: 'the operator + needs operands of the same shape, got a vector of 2 and a vector of 3' })
    expect(errorOf(e, 'A2').message).toContain('2×2 matrix and a 2×3 matrix')
  })
})

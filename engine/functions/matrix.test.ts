import { describe, expect, it } from 'vitest'
import { book, codeOf, grad, num, tensor, tensorGrad, valueOf } from '../test/helpers'

describe('vectors and matrices', () => {
  it('literals, ranges, transpose, element-wise ops', () => {
    const e = book({
      A1: '1', B1: '2', A2: '3', B2: '4',
      C1: '=A1:B2', C2: '=transpose(C1)', C3: '=[1, 2] .* [3, 4]', C4: '=[[1, 2], [3, 4]] ./ 2', C5: '=[1, 2] .^ 2', C6: '=A1:A2 + 1',
    })
    expect(tensor(e, 'C1')).toEqual([[1, 2], [3, 4]])
    expect(tensor(e, 'C2')).toEqual([[1, 3], [2, 4]])
    expect(tensor(e, 'C3')).toEqual([3, 8])
    expect(tensor(e, 'C4')).toEqual([[0.5, 1], [1.5, 2]])
    expect(tensor(e, 'C5')).toEqual([1, 4])
    expect(tensor(e, 'C6')).toEqual([2, 4])
    expect(e.cell('Sheet1', 'C1').value).toMatchObject({ shape: [2, 2] })
  })

  it('matrix products follow math.js: vector·vector is a scalar, matrix·vector a vector', () => {
    expect(valueOf('[1, 2] * [3, 4]')).toBe(11)
    expect(valueOf('dot(A1:A2, [3, 4])', 1, 2)).toBe(11)
    const e = book({ A1: '=[[1, 2], [3, 4]] * [1, 1]', A2: '=[[1, 2], [3, 4]] * [[0, 1], [1, 0]]' })
    expect(tensor(e, 'A1')).toEqual([3, 7])
    expect(tensor(e, 'A2')).toEqual([[2, 1], [4, 3]])
  })

  it('gradients have the shape of the value and sum over paths', () => {
    const e = book({
      A1: '1', A2: '2', B1: '3', B2: '4',
      C1: { input: '=A1:A2', name: 'v' },
      C2: { input: '=[[1, 2], [3, 4]] * v', name: 'u' },
      C3: { input: '=sum(u .* u) + dot(v, B1:B2)', name: 'J' },
    })
    // u = M v = [5, 11]; J = |u|² + v·b; dJ/dv = 2 Mᵀ u + b = 2 [1*5+3*11, 2*5+4*11] + [3, 4]
    expect(num(e, 'C3')).toBe(25 + 121 + 11)
    expect(tensorGrad(e, 'C2')).toEqual([10, 22])
    expect(tensorGrad(e, 'C1')).toEqual([2 * 38 + 3, 2 * 54 + 4])
    expect(grad(e, 'A1')).toBe(79)
    expect(grad(e, 'A2')).toBe(112)
    expect(grad(e, 'B1')).toBe(1)
  })

  it('matrix·matrix gradient', () => {
    const e = book({ A1: { input: '=[[1, 2], [3, 4]]', name: 'a' }, A2: { input: '=sum(a * [[1, 0], [0, 2]])', name: 'J' } })
    expect(tensorGrad(e, 'A1')).toEqual([[1, 2], [1, 2]])
  })

  it('shape mismatches are #VALUE! naming the shapes', () => {
    const e = book({ A1: '=[1, 2] + [1, 2, 3]', A2: '=[[1, 2], [3, 4]] * [1, 2, 3]', A3: '=[[1, 2], [3]]', A4: '=[1, 2] ^ 2' })
    expect(e.cell('Sheet1', 'A1').value).toMatchObject({ error: { code: '#VALUE!', message: 'the operator + needs operands of the same shape, got a vector of 2 and a vector of 3' } })
    expect(e.cell('Sheet1', 'A2').value).toMatchObject({ error: { code: '#VALUE!' } })
    expect(e.cell('Sheet1', 'A3').value).toMatchObject({ error: { code: '#VALUE!' } })
    expect(e.cell('Sheet1', 'A4').value).toMatchObject({ error: { code: '#VALUE!' } })
    expect(codeOf('dot([1], [1, 2])')).toBe('#VALUE!')
    expect(codeOf('transpose(1, 2)')).toBe('#VALUE!')
  })
})

// SUM/AVERAGE/sum/mean of one range run on the scalar fast path (evaluate/fast.ts). These cases
// pin that the fast path computes exactly what the general path defines: in sum/mean empty
// cells read as 0 and pass no gradient, labels, booleans and errors in the range are
// handled by the general path, and mixed formulas keep working. (Empty cells in AVERAGE
// follow the spreadsheet functions' own tests.)
import { describe, expect, it } from 'vitest'
import { book, errorOf, grad, num } from './helpers'

describe('sum and mean of a range on the fast path', () => {
  it('SUM and mean with an empty cell in the range: values, and gradients to the numbers only', () => {
    const e = book({ A1: '1', A2: '2', A4: '4', B1: '=SUM(A1:A4) * mean(A1:A4)' }, 'B1')
    // SUM = 7, mean = 7/4 (math.js's mean: the empty A3 reads as 0), J = 49/4
    expect(num(e, 'B1')).toBe(7 * (7 / 4))
    // ∂J/∂Ai = mean + SUM/4 = 7/4 + 7/4
    expect(grad(e, 'A1')).toBe(7 / 4 + 7 / 4)
    expect(grad(e, 'A4')).toBe(7 / 4 + 7 / 4)
    expect(e.cell('Sheet1', 'A3').grad.kind).not.toBe('number')
  })

  it('AVERAGE of a range of numbers, lower-case sum, and a range inside a larger expression', () => {
    const avg = book({ A1: '1', A2: '2', A3: '6', B1: '=AVERAGE(A1:A3) ^ 2' }, 'B1')
    expect(num(avg, 'B1')).toBe(9)
    expect(grad(avg, 'A2')).toBe(2)
    const e = book({ A1: '3', A2: '5', B1: '=tanh(sum(A1:A2) / 10) + mean(A1:A2) ^ 2' }, 'B1')
    expect(num(e, 'B1')).toBeCloseTo(Math.tanh(0.8) + 16, 14)
    expect(grad(e, 'A1')).toBeCloseTo((1 - Math.tanh(0.8) ** 2) / 10 + 4, 12)
  })

  it('in sum/mean a boolean in the range counts as 1 and a label is #VALUE! (general path); errors propagate', () => {
    expect(num(book({ A1: '2', A2: '=1 > 0', B1: '=sum(A1:A2)' }), 'B1')).toBe(3)
    expect(errorOf(book({ A1: '2', A2: 'text', B1: '=mean(A1:A2)' }), 'B1').code).toBe('#VALUE!')
    expect(errorOf(book({ A1: '=1/0', A2: '1', B1: '=AVERAGE(A1:A2)' }), 'B1').code).toBe('#DIV/0!')
  })

  it('an overflowing sum is #NUM!, as on the general path', () => {
    expect(errorOf(book({ A1: '1e308', A2: '1e308', B1: '=SUM(A1:A2)' }), 'B1').code).toBe('#NUM!')
  })

  it('edits inside the range update the sum and keep gradients right', () => {
    const e = book({ A1: '1', A2: '2', A3: '3', B1: '=mean(A1:A3)' }, 'B1')
    e.apply([{ type: 'setInput', sheet: 'Sheet1', address: 'A2', input: '8' }])
    expect(num(e, 'B1')).toBe(4)
    e.apply([{ type: 'setInput', sheet: 'Sheet1', address: 'A3', input: '' }])
    expect(num(e, 'B1')).toBe(3)
    expect(grad(e, 'A1')).toBe(1 / 3)
  })
})

import { describe, expect, it } from 'vitest'
import { book, codeOf, errorOf, grad, gradsOf, num, valueOf } from '../test/helpers'

describe('upper-case spreadsheet functions', () => {
  it('values with the spreadsheet meaning', () => {
    expect(valueOf('ABS(A1)', -2)).toBe(2)
    expect(valueOf('SQRT(A1)', 16)).toBe(4)
    expect(valueOf('EXP(A1)', 0)).toBe(1)
    expect(valueOf('LN(A1)', 1)).toBe(0)
    expect(valueOf('LOG10(A1)', 100)).toBe(2)
    expect(valueOf('LOG(A1)', 1000)).toBeCloseTo(3, 14)
    expect(valueOf('LOG(A1, 2)', 8)).toBeCloseTo(3, 14)
    expect(valueOf('POWER(A1, 3)', 2)).toBe(8)
  })

  it('derivatives', () => {
    expect(gradsOf('ABS(A1)', -2)).toEqual([-1])
    expect(gradsOf('SQRT(A1)', 4)).toEqual([0.25])
    expect(gradsOf('LN(A1)', 2)).toEqual([0.5])
    expect(gradsOf('LOG(A1)', 10)[0]).toBeCloseTo(1 / (10 * Math.LN10), 15)
    expect(gradsOf('POWER(A1, A2)', 2, 3)).toEqual([12, 8 * Math.LN2])
  })

  it('domain errors and arity', () => {
    expect(codeOf('LN(A1)', -1)).toBe('#NUM!')
    expect(codeOf('SQRT(A1)', -1)).toBe('#NUM!')
    expect(codeOf('POWER(A1)', 2)).toBe('#VALUE!')
    expect(codeOf('LOG()')).toBe('#VALUE!')
  })
})

// Inside a range, SUM/AVERAGE/COUNT/… skip empty cells, labels and booleans (Excel/Sheets);
// the lower-case math.js functions keep the tensor meaning (an empty cell reads as 0).
describe('spreadsheet reductions over ranges', () => {
  const J = (formula: string, cells: Record<string, string> = {}) =>
    book({ A1: 'label', A2: '2', A3: '3', ...cells, B1: { input: '=' + formula, name: 'J' } })
  const gradOrNone = (e: ReturnType<typeof book>, a: string) => {
    const g = e.cell('Sheet1', a).grad
    return g.kind === 'number' ? g.value : 0
  }

  it('skip labels and blanks in a range (general path: the range holds a label)', () => {
    expect(num(J('SUM(A1:A5)'), 'B1')).toBe(5)
    expect(num(J('COUNT(A1:A5)'), 'B1')).toBe(2)
    expect(num(J('AVERAGE(A1:A5)'), 'B1')).toBe(2.5)
    expect(num(J('MAX(A1:A5)'), 'B1')).toBe(3)
    expect(num(J('MIN(A1:A5)'), 'B1')).toBe(2)
    expect(num(J('PRODUCT(A1:A5)'), 'B1')).toBe(6)
    expect(num(J('SUMSQ(A1:A5)'), 'B1')).toBe(13)
    expect(num(J('SUMPRODUCT(A1:A3, C1:C3)', { C1: '5', C2: '10', C3: '100' }), 'B1')).toBe(320)
    expect(num(J('SUM(A1:A5)', { A4: '=1>0' }), 'B1')).toBe(5) // a boolean in a range is skipped too
    expect(num(J('COUNT(A1:A5)', { A4: '=1>0' }), 'B1')).toBe(2)
  })

  it('blanks only (fast path for SUM/AVERAGE of one range) agree with the general path', () => {
    expect(num(J('AVERAGE(A2:A5)'), 'B1')).toBe(2.5)
    expect(num(J('AVERAGE(A2:A5, A2:A3)'), 'B1')).toBe(2.5) // two ranges: general path
    expect(num(J('SUM(A2:A5)'), 'B1')).toBe(5)
    expect(num(J('AVERAGE(A2:A4)', { A4: '4' }), 'B1')).toBe(3) // all numbers
  })

  it('no numbers: SUM/COUNT 0, MIN/MAX 0 (Excel), AVERAGE #DIV/0!', () => {
    expect(num(J('SUM(A4:A6)'), 'B1')).toBe(0)
    expect(num(J('COUNT(A1, A4:A6)'), 'B1')).toBe(0)
    expect(num(J('MAX(A4:A6)'), 'B1')).toBe(0)
    expect(num(J('MIN(A1:A1)'), 'B1')).toBe(0)
    expect(num(J('PRODUCT(A4:A6)'), 'B1')).toBe(0)
    expect(errorOf(J('AVERAGE(A4:A6)'), 'B1').code).toBe('#DIV/0!')
    expect(errorOf(J('AVERAGE(A1:A1)'), 'B1').code).toBe('#DIV/0!')
  })

  it('a label given directly is still #VALUE!; an error cell in a range propagates (COUNT skips it)', () => {
    expect(errorOf(J('SUM(A1, A2)'), 'B1').code).toBe('#VALUE!')
    expect(errorOf(J('AVERAGE(A1:A5)', { A4: '=1/0' }), 'B1').code).toBe('#DIV/0!')
    expect(errorOf(J('MAX(A1:A5)', { A4: '=1/0' }), 'B1').code).toBe('#DIV/0!')
    expect(num(J('COUNT(A1:A5)', { A4: '=1/0' }), 'B1')).toBe(2)
  })

  it('lower-case math.js functions keep the tensor meaning', () => {
    expect(num(J('mean(A2:A5)'), 'B1')).toBe(1.25)
    expect(errorOf(J('sum(A1:A5)'), 'B1').code).toBe('#VALUE!')
    expect(errorOf(J('mean(A1:A5)'), 'B1').code).toBe('#VALUE!')
  })

  it('gradients: numbers get the exact derivative, skipped cells nothing', () => {
    const cells = ['A1', 'A2', 'A3', 'A4', 'A5']
    const grads = (f: string, more: Record<string, string> = {}) => {
      const e = J(f, more)
      return cells.map((a) => gradOrNone(e, a))
    }
    expect(grads('AVERAGE(A1:A5)')).toEqual([0, 0.5, 0.5, 0, 0]) // general path
    expect(grads('AVERAGE(A2:A5)')).toEqual([0, 0.5, 0.5, 0, 0]) // fast path
    expect(grads('AVERAGE(A2:A5, A2:A2)')).toEqual([0, 2 / 3, 1 / 3, 0, 0])
    expect(grads('mean(A2:A5)')).toEqual([0, 0.25, 0.25, 0, 0])
    expect(grads('SUM(A1:A5)')).toEqual([0, 1, 1, 0, 0])
    expect(grads('MAX(A1:A5)')).toEqual([0, 0, 1, 0, 0])
    expect(grads('MIN(A1:A5)')).toEqual([0, 1, 0, 0, 0])
    expect(grads('PRODUCT(A1:A5)')).toEqual([0, 3, 2, 0, 0])
    expect(grads('SUMSQ(A1:A5)')).toEqual([0, 4, 6, 0, 0])
    expect(grads('SUMPRODUCT(A1:A3, C1:C3)', { C1: '5', C2: '10', C3: '100' })).toEqual([0, 10, 100, 0, 0])
    expect(grads('SUM(A1:A5)', { A4: '=1>0' })).toEqual([0, 1, 1, 0, 0])
    const e = J('SUMPRODUCT(A1:A3, C1:C3)', { C1: '5', C2: '10', C3: '100' })
    expect(['C1', 'C2', 'C3'].map((a) => gradOrNone(e, a))).toEqual([0, 2, 3]) // C1 pairs with the label
  })

  it('filling a blank cell of the range changes AVERAGE\'s count (incremental)', () => {
    for (const f of ['AVERAGE(A2:A5)', 'AVERAGE(A1:A5)']) {
      const e = J(f)
      expect(num(e, 'B1')).toBe(2.5)
      e.apply([{ type: 'setInput', sheet: 'Sheet1', address: 'A4', input: '7' }])
      expect(num(e, 'B1')).toBe(4)
      expect(grad(e, 'A4')).toBeCloseTo(1 / 3, 15)
      expect(grad(e, 'A2')).toBeCloseTo(1 / 3, 15)
      e.apply([{ type: 'setInput', sheet: 'Sheet1', address: 'A4', input: '' }])
      expect(num(e, 'B1')).toBe(2.5)
      expect(grad(e, 'A2')).toBe(0.5)
    }
  })
})

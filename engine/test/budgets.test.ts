// The per-operation budgets of limits.ts, through the engine as a user reaches them:
// the element budget (numbers one operation may create: broadcast, matrix product,
// matrix literal, the arguments one reduction flattens), the cost budget of matrix
// operations (m·k·n multiply-adds), and flat sums that are long but not nested. Each
// exceeded budget is an error value in the cell naming the budget, never an exception.
import { describe, expect, it } from 'vitest'
import { createEngine } from '../index'
import { LIMITS } from '../limits'
import { book, grad, num } from './helpers'

function errorIn(cells: Record<string, string>, at = 'Z1') {
  const v = book(cells).cell('Sheet1', at).value
  if (v.kind !== 'error') throw new Error(`expected an error, got ${JSON.stringify(v).slice(0, 200)}`)
  return v.error
}

describe('the element budget', () => {
  it('a broadcast past the budget is refused before it allocates (issue 10, item 7)', () => {
    const e = errorIn({ Z1: '=sum(transpose([XFA1:XFA1000000]) + [A1048576:GR1048576])' })
    expect(e.code).toBe('#VALUE!')
    expect(e.message).toContain('200,000,000 numbers')
    expect(e.message).toContain('element budget')
  })
  it('a broadcast of 16 billion numbers is an error value, not a RangeError, and the file reopens', () => {
    const engine = createEngine()
    const changes = engine.apply([{ type: 'setInput', sheet: 'Sheet1', address: 'Z1', input: '=sum(transpose([XFA1:XFA1000000]) + [A1048576:XFD1048576])' }])
    expect(changes.rejected ?? []).toEqual([])
    const v = engine.cell('Sheet1', 'Z1').value
    expect(v.kind).toBe('error')
    const again = createEngine(engine.toDocument())
    expect(again.cell('Sheet1', 'Z1').value).toEqual(v)
  })
  it('a broadcast just within the budget computes', () => {
    // [1000]ᵀ column against a [1000] row: 1000×1000 = the budget exactly.
    const cells: Record<string, string> = { Z1: '=sum(transpose([A1:A1000]) + [B1:B1000]) ' }
    expect(book(cells).cell('Sheet1', 'Z1').value).toEqual({ kind: 'number', value: 0 })
    expect(errorIn({ Z1: '=sum(transpose([A1:A1001]) + [B1:B1000])' }).message).toContain('element budget')
  })
  it('a matrix literal of many long rows is refused', () => {
    const rows = Array.from({ length: 3 }, () => 'A1:A500000').join(', ')
    expect(errorIn({ Z1: `=sum([${rows}])` }).message).toMatch(/^the matrix literal would need 1,500,000 numbers; the element budget/)
  })
  it('diag of a long vector (a square matrix of its length squared) is refused', () => {
    expect(errorIn({ Z1: '=sum(diag(A1:A1001))' }).message).toBe(
      'diag of a vector of 1001 would need 1,002,001 numbers; the element budget allows at most 1,000,000 numbers per operation')
    expect(book({ Z1: '=sum(diag(A1:A1000))' }).cell('Sheet1', 'Z1').value).toEqual({ kind: 'number', value: 0 })
  })
  it('det and inv past the cost budget (n³) are refused', () => {
    expect(errorIn({ Z1: '=det(diag(A1:A465 + 1))' }).message).toContain('det of a 465×465 matrix would take 100,544,625 multiply-adds; the cost budget')
    expect(errorIn({ Z1: '=sum(inv(diag(A1:A465 + 1)))' }).message).toContain('cost budget')
    expect(book({ Z1: '=det(diag(A1:A464 + 1))' }).cell('Sheet1', 'Z1').value).toEqual({ kind: 'number', value: 1 })
  })
  it('one reduction over many large arguments is refused', () => {
    const args = Array.from({ length: 3 }, () => 'A1:A500000').join(', ')
    expect(errorIn({ Z1: `=sum(${args})` }).message).toContain('element budget')
    // SUM skips empty cells, so it only gathers the numbers (here none).
    expect(book({ Z1: `=SUM(${args})` }).cell('Sheet1', 'Z1').value).toEqual({ kind: 'number', value: 0 })
  })
})

describe('the cost budget of matrix products', () => {
  it('a product of m·k·n multiply-adds past the budget is refused with the count', () => {
    // 500×500 times 500×500: 125,000,000 multiply-adds, a 250,000-number result.
    const e = errorIn({ ZZ1000: '=sum(A1:SF500 * A1:SF500)' }, 'ZZ1000')
    expect(e.code).toBe('#VALUE!')
    expect(e.message).toContain('125,000,000 multiply-adds')
    expect(e.message).toContain(`${LIMITS.matmulCost.toLocaleString('en-US')} per matrix operation`)
  })
  it('a product within the budget computes, with gradients', () => {
    const e = book({ A1: '1', B1: '2', A2: '3', B2: '4', Z1: '=sum(A1:B2 * A1:B2)' }, 'Sheet1!Z1')
    expect(num(e, 'Z1')).toBe(1 * 1 + 2 * 3 + 1 * 2 + 2 * 4 + 3 * 1 + 4 * 3 + 3 * 2 + 4 * 4)
    expect(grad(e, 'A1')).toBeCloseTo(2 * 1 + 2 + 3, 12)
  })
})

describe('flat sums are long, not nested (issue 10, item 9)', () => {
  for (const terms of [3_000, 20_000]) {
    it(`=1+1+… with ${terms.toLocaleString('en-US')} terms parses, computes and has gradients`, () => {
      const sum = '=' + Array.from({ length: terms }, (_, i) => (i % 2 ? 'A1' : '1')).join('+')
      const e = book({ A1: '2', B1: sum }, 'Sheet1!B1')
      expect(num(e, 'B1')).toBe(Math.ceil(terms / 2) + 2 * Math.floor(terms / 2))
      expect(grad(e, 'A1')).toBe(Math.floor(terms / 2))
    })
  }
  it('a flat product and a flat difference of 5,000 terms compute', () => {
    expect(num(book({ B1: '=' + Array(5000).fill('1').join('*') }), 'B1')).toBe(1)
    expect(num(book({ B1: '=' + Array(5000).fill('1').join('-') }), 'B1')).toBe(1 - 4999)
  })
  it('nesting is still limited by the brackets the user wrote', () => {
    expect(errorIn({ Z1: '=' + '('.repeat(LIMITS.nestingDepth + 1) + '1' + ')'.repeat(LIMITS.nestingDepth + 1) }).code).toBe('#PARSE!')
  })
})

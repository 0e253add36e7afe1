// Fuzzing the per-operation budgets (limits.ts): random broadcasts, matrix products and
// matrix functions over ranges of random sizes, from one cell up to a whole column or
// row, typed through the engine's apply. Properties: no exception escapes (nothing is
// rejected), every result is a value within the element budget or an error value in
// words (one naming the budget when a budget was passed), a product past the cost budget
// is always refused, and the heap settles after the large cases are replaced.
import fc from 'fast-check'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { columnLetters } from '../address'
import { createEngine, type Engine } from '../index'
import { LIMITS } from '../limits'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void
const settledHeap = (): number => (gc(), gc(), process.memoryUsage().heapUsed)

const SEED = 20261130

interface Block {
  rows: number
  cols: number
  text: string
}

/** A range anchored at a random corner: sizes from 1 to the whole sheet's width or height. */
const block: fc.Arbitrary<Block> = fc
  .record({
    rows: fc.constantFrom(1, 2, 3, 50, 400, 1000, 5000, 1_000_000, 1_048_576),
    cols: fc.constantFrom(1, 2, 3, 50, 400, 1000, 16_384),
    row0: fc.constantFrom(1, 7),
    col0: fc.constantFrom(1, 3),
  })
  .filter((b) => b.row0 + b.rows - 1 <= 1_048_576 && b.col0 + b.cols - 1 <= 16_384)
  .map((b) => ({
    rows: b.rows,
    cols: b.cols,
    text: `${columnLetters(b.col0)}${b.row0}:${columnLetters(b.col0 + b.cols - 1)}${b.row0 + b.rows - 1}`,
  }))

const SHAPES: ((a: string, b: string) => string)[] = [
  (a, b) => `sum(transpose([${a}]) + [${b}])`,
  (a, b) => `sum(${a} + ${b})`,
  (a, b) => `sum(${a} .* transpose(${b}))`,
  (a, b) => `sum(${a} * ${b})`,
  (a, b) => `sum(${a}' * ${b})`,
  (a, b) => `sum(${a} * transpose(${b}))`,
  (a, b) => `sum([${a}, ${b}])`,
  (a, b) => `sum(${a}, ${b}, ${a})`,
  (a) => `det(${a})`,
  (a) => `sum(inv(${a} + 1))`,
  (a) => `sum(diag(${a}))`,
  (a) => `sum(cumsum(${a}))`,
  (a, b) => `median(${a}, ${b})`,
  (a, b) => `std(dotPow(${a}, 2), ${b})`,
  (a, b) => `sum(tanh(${a}) ./ (1 + ${b}))`,
]

const formula = fc.tuple(fc.nat(SHAPES.length - 1), block, block).map(([k, a, b]) => ({ text: '=' + SHAPES[k](a.text, b.text), a, b, shape: k }))

function budgetSound(e: Engine, address: string): void {
  const v = e.cell('Sheet1', address).value
  expect(['number', 'tensor', 'error']).toContain(v.kind)
  if (v.kind === 'tensor') expect(v.value.flat().length).toBeLessThanOrEqual(LIMITS.tensorSize)
  if (v.kind === 'error') {
    expect(v.error.code).toMatch(/^#(VALUE!|NUM!|DIV\/0!|CYCLE!)$/)
    expect(v.error.message.length).toBeGreaterThan(10)
  }
}

describe('fuzzing the element and cost budgets', { timeout: 600_000 }, () => {
  it('random broadcasts, products and matrix functions over ranges of any size: values or errors in words, never an exception', () => {
    const e = createEngine()
    e.apply([{ type: 'setInput', sheet: 'Sheet1', address: 'B2', input: '2' }])
    fc.assert(
      fc.property(formula, (f) => {
        const r = e.apply([{ type: 'setInput', sheet: 'Sheet1', address: 'ZZ9', input: f.text }])
        expect(r.rejected).toEqual([])
        budgetSound(e, 'ZZ9')
        // The plain product of two matrix ranges: past the cost budget it must be refused, naming it.
        if (f.shape === 3 && f.a.rows > 1 && f.a.cols > 1 && f.b.rows > 1 && f.b.cols > 1 && f.a.cols === f.b.rows && f.a.rows * f.b.cols <= LIMITS.tensorSize) {
          const cost = f.a.rows * f.a.cols * f.b.cols
          const v = e.cell('Sheet1', 'ZZ9').value
          if (cost > LIMITS.matmulCost) expect(v).toMatchObject({ kind: 'error', error: { message: expect.stringContaining('cost budget') } })
        }
        // A broadcast whose result passes the element budget is refused, naming it.
        if (f.shape === 0 && f.a.cols === 1 && f.b.rows === 1 && f.a.rows > 1 && f.b.cols > 1 && f.a.rows * f.b.cols > LIMITS.tensorSize) {
          expect(e.cell('Sheet1', 'ZZ9').value).toMatchObject({ kind: 'error', error: { message: expect.stringContaining('element budget') } })
        }
      }),
      { seed: SEED, numRuns: 30 },
    )
  })

  it('products right at the budgets: within computes, one step past is refused', () => {
    const e = createEngine()
    const put = (input: string) => {
      const r = e.apply([{ type: 'setInput', sheet: 'Sheet1', address: 'ZZ9', input }])
      expect(r.rejected).toEqual([])
      return e.cell('Sheet1', 'ZZ9').value
    }
    // 100×10,000 times 10,000×100 is exactly 100,000,000 multiply-adds.
    expect(put('=sum(A1:CV100 * transpose(A1:CV100))')).toEqual({ kind: 'number', value: 0 })
    const side = Math.floor(Math.cbrt(LIMITS.matmulCost))
    expect(put(`=sum(A1:${columnLetters(side)}${side} * A1:${columnLetters(side)}${side})`)).toEqual({ kind: 'number', value: 0 })
    expect(put(`=sum(A1:${columnLetters(side + 1)}${side + 1} * A1:${columnLetters(side + 1)}${side + 1})`)).toMatchObject({ kind: 'error', error: { message: expect.stringContaining('cost budget') } })
  })

  it('the heap settles after huge refused cases are replaced', () => {
    const e = createEngine()
    const cases = fc.sample(formula, { numRuns: 12, seed: SEED + 1 })
    const round = () => cases.forEach((f, i) => e.apply([{ type: 'setInput', sheet: 'Sheet1', address: `ZZ${(i % 5) + 1}`, input: f.text }]))
    round()
    const before = settledHeap()
    round()
    for (let i = 0; i < 5; i++) e.apply([{ type: 'setInput', sheet: 'Sheet1', address: `ZZ${i + 1}`, input: '' }])
    const after = settledHeap()
    expect(after).toBeLessThan(before * 1.5 + 64 * 1024 * 1024)
  })
})

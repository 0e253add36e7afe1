// NaN and ±Infinity never leak as numbers: they become #NUM! (or #DIV/0!) in the cell that
// produced them, and cells downstream name that cell. Gradients of very deep chains stay
// exact where the math says so.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createEngine, type CellView } from '../index'
import { book, docOf, grad, num } from './helpers'

// A fixed seed keeps CI reproducible; GRADSHEET_FUZZ_SEED=random (or a number) explores other cases.
const fuzzSeed = process.env.GRADSHEET_FUZZ_SEED
if (fuzzSeed !== 'random') fc.configureGlobal({ seed: fuzzSeed ? Number(fuzzSeed) : 20261124 })

function expectNoSilentNonFinite(c: CellView): void {
  const v = c.value
  if (v.kind === 'number') expect(Number.isFinite(v.value)).toBe(true)
  if (v.kind === 'tensor') expect(v.value.flat().every(Number.isFinite)).toBe(true)
  if (c.grad.kind === 'number') expect(Number.isFinite(c.grad.value)).toBe(true)
  if (c.grad.kind === 'tensor') expect(c.grad.value.flat().every(Number.isFinite)).toBe(true)
}

describe('non-finite results', () => {
  const cases: [string, string][] = [
    ['=1e308 * 10', '#NUM!'],
    ['=exp(1000)', '#NUM!'],
    ['=log(0)', '#NUM!'],
    ['=sqrt(-1)', '#NUM!'],
    ['=0/0', '#DIV/0!'],
    ['=[1e308, 1] * 10', '#NUM!'],
    ['=sum([1e308, 1e308])', '#NUM!'],
    ['=[[1e200, 1], [1, 1]] * [[1e200, 1], [1, 1]]', '#NUM!'],
    ['=dot([1e200, 1], [1e200, 1])', '#NUM!'],
    ['=norm([1e200, 1e200])', '#NUM!'],
    ['=1e999', '#NUM!'],
  ]
  for (const [formula, code] of cases)
    it(`${formula} is ${code} in its cell, and a cell reading it names it`, () => {
      const e = book({ A1: formula, B1: '=A1 + 1', C1: '=sum(A1:A1) * 2' })
      expect(e.cell('Sheet1', 'A1').value).toMatchObject({ kind: 'error', error: { code } })
      for (const at of ['B1', 'C1']) {
        const v = e.cell('Sheet1', at).value
        expect(v).toMatchObject({ kind: 'error', error: { code } })
        if (v.kind === 'error') expect(v.error.message).toMatch(/\(in A1\)$/)
      }
    })

  it('names the first entry of a matrix that overflowed', () => {
    const v = book({ A1: '=[[1, 1], [1, 1e200]] * [[1, 1], [1, 1e200]]' }).cell('Sheet1', 'A1').value
    expect(v).toMatchObject({ kind: 'error', error: { code: '#NUM!', message: 'the result is not finite at row 2, column 2 (Infinity)' } })
  })

  it('the origin is named across sheets', () => {
    const e = createEngine(docOf({ A1: '=Data!A1 * 2' }, null, [{ name: 'Data', cells: { A1: '=exp(800)' } }]))
    expect(e.cell('Sheet1', 'A1').value).toMatchObject({ error: { code: '#NUM!', message: expect.stringMatching(/\(in Data!A1\)$/) } })
  })

  it('random arithmetic over extreme magnitudes never shows a non-finite number', () => {
    const magnitude = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(1e308, -1e308, 5e-324, 1e-308, 0, -0))
    const op = fc.constantFrom('+', '-', '*', '/', '^', '.*')
    const fn = fc.constantFrom('exp', 'log', 'sqrt', 'tanh', 'sigmoid', 'softplus', 'abs', 'sin', 'relu', 'square')
    fc.assert(
      fc.property(magnitude, magnitude, magnitude, op, op, fn, (a, b, c, op1, op2, f) => {
        const e = book({ A1: String(a), A2: String(b), A3: String(c), B1: `=${f}(A1 ${op1} A2) ${op2} A3`, B2: `=${f}(A1:A3 ${op1 === '^' ? '.*' : op1} A2)`, B3: '=sum(B2) + B1' }, 'B3')
        for (const cell of e.cells()) expectNoSilentNonFinite(cell)
      }),
      { numRuns: 1500 },
    )
  })
})

describe('deep chains', () => {
  it('a 100,000-cell chain of x * 1.0 has value 2 and gradient exactly 1 everywhere', () => {
    const cells: Record<string, string> = { A1: '2' }
    for (let i = 2; i <= 100_000; i++) cells[`A${i}`] = `=A${i - 1} * 1.0`
    const e = book(cells, 'A100000')
    expect(num(e, 'A100000')).toBe(2)
    for (const i of [1, 2, 50_000, 99_999, 100_000]) expect(grad(e, `A${i}`)).toBe(1)
    for (const c of e.cells()) expect(c.grad).toEqual({ kind: 'number', value: 1 })
  })

  it('a 20,000-cell chain of log(exp(x)) keeps value and gradient 1 within rounding', () => {
    const cells: Record<string, string> = { A1: '0.5' }
    for (let i = 2; i <= 20_000; i++) cells[`A${i}`] = `=log(exp(A${i - 1}))`
    const e = book(cells, 'A20000')
    expect(num(e, 'A20000')).toBeCloseTo(0.5, 9)
    expect(grad(e, 'A1')).toBeCloseTo(1, 9)
  })

  it('a deep contracting chain underflows to a gradient of 0, not NaN', () => {
    const cells: Record<string, string> = { A1: '1' }
    for (let i = 2; i <= 5_000; i++) cells[`A${i}`] = `=A${i - 1} * 0.5`
    const e = book(cells, 'A5000')
    expect(num(e, 'A5000')).toBe(0)
    expect(grad(e, 'A1')).toBe(0)
    for (const c of e.cells()) expectNoSilentNonFinite(c)
  })
})

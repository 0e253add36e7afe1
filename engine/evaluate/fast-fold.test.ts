// Constant folding and references read in place (evaluate/fast-fold.ts) on nested
// formulas, where the order in which a cell's gradient takes its shares matters: random
// expression trees over a few cells, each read several times, must give the same values
// and gradients bit for bit on the tape as on the general path (which walks every op).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { GraphEngine } from '../engine'
import { docOf } from '../test/helpers'
import { boundState } from '../test/bound-state'

const leaf = fc.constantFrom('A1', 'A2', 'B1', '0.7', '3', '1e-3')
const expr: fc.Arbitrary<string> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.tuple(tie('node'), fc.constantFrom('+', '-', '*', '/', '^ 2 +'), tie('node')).map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc.tuple(fc.constantFrom('tanh', 'exp', '-', 'sqrt', 'log'), tie('node')).map(([f, a]) => (f === '-' ? `(-${a})` : `${f}(${a})`)),
  ),
})).node
const number = fc.double({ min: 0.1, max: 2, noNaN: true }).map((x) => String(Math.round(x * 1000) / 1000))

describe('folded constants and references read in place', () => {
  it('keep values and gradients bit for bit on nested formulas reading cells several times', () => {
    fc.assert(
      fc.property(number, number, number, expr, expr, (a1, a2, b1, c1, c2) => {
        const doc = docOf({ A1: a1, A2: a2, B1: b1, C1: `=${c1}`, C2: `=${c2} + C1 * A1 - C1`, D1: '=C1 + C2 * B1' }, 'D1')
        const onTape = new GraphEngine(doc)
        const general = new GraphEngine(doc, { tape: false })
        expect(onTape.cells()).toEqual(general.cells())
        onTape.apply([{ type: 'setInput', sheet: 'Sheet1', address: 'A1', input: '1.25' }])
        general.apply([{ type: 'setInput', sheet: 'Sheet1', address: 'A1', input: '1.25' }])
        expect(onTape.cells()).toEqual(general.cells())
      }),
      { numRuns: 300, seed: 424242 },
    )
  })

  it('a fused a + b·k (or a·k2 + b·k) gives a cell read by both its shares in the pair\'s order (bit for bit)', () => {
    // A1 takes shares from C2 first, then twice from C1 (the Add's, then the MulK's): with a
    // nonzero sum already there, adding them the other way round rounds differently.
    const formulas = [
      '=A1 * 0.7 + A1', '=A1 + A1 * 0.3', '=B1 * 1.1 + A1', '=tanh(A1) * 0.9 + A1', '=A1 * 0.7 + tanh(A1) * A1', // AddScaled
      '=A1 * A1 + A1', '=A1 + A1 * A1', '=exp(A1) + B1 * A1', '=B1 * A1 + A1 * 0.7', // AddMul
      '=(A1 - A1 * 0.3) ^ 2', '=(A1 - B1) ^ 2 + A1', '=(tanh(A1) - A1) ^ 2', // SqDiff
      '=A1 * 0.7 + A1 * 0.3', '=0.3 * B1 + A1 * 1.1', '=0.5 * A1 + 0.5 * A1 + A1 * 0.25', '=(A1 * 0.6 + B1 * 0.4) * A1', // WeightedPair
    ]
    for (const c1 of formulas)
      for (let k = 1; k <= 30; k++) {
        const a1 = String(k * 0.0731 + 0.01) // rounding differs for some of them only
        const doc = docOf({ A1: a1, B1: '0.29', C1: c1, C2: '=A1 * 0.123456789 + exp(A1) / 7', D1: '=C1 * 1.7 + C2 * 3.1 + C1 * C2' }, 'D1')
        expect(new GraphEngine(doc).cells()).toEqual(new GraphEngine(doc, { tape: false }).cells())
      }
  })

  it('a fused op whose cell does not resolve leaves the formula to the general path (#REF!)', () => {
    const doc = docOf({ A1: '2', A2: '3', B1: '5', C1: '=A1 * Nope!B1 + A2', C2: '=A1 * 0.5 + Nope!B1', C3: '=(A1 - Nope!B1) ^ 2', C4: '=0.5 * Nope!B1 + 0.5 * A1' }, 'A1')
    const onTape = new GraphEngine(doc).cells()
    expect(onTape).toEqual(new GraphEngine(doc, { tape: false }).cells())
    expect(onTape.filter((c) => c.value.kind === 'error').map((c) => c.address)).toEqual(['C1', 'C2', 'C3', 'C4'])
  })

  it('reads the last operand in place always, the first only when the last is read in place too', () => {
    const size = (formula: string) => {
      const { w, id } = boundState({ C1: formula })
      return w.tape.sizeOf(id('C1'))
    }
    expect(size('=A1 - B1')).toBe(1) // both cells in place
    expect(size('=A1 * 3 + A1')).toBe(1) // AddScaled(A1, A1 · 3), both in place: the pair MulK(A1), Add(op, A1)
    expect(size('=A1 + A1 * 3')).toBe(2) // A1's Cell op stays (its share must come after the MulK's), then AddScaled
    expect(size('=0.5 * A1 + 0.5 * B1')).toBe(1) // WeightedPair(A1 · 0.5, B1 · 0.5): a stencil cell
    expect(size('=0.5 * tanh(A1) + 0.5 * B1')).toBe(3) // Tanh(A1), MulK, AddScaled(op, B1 · 0.5): the MulK reads an op
    expect(size('=A1 * 3 + tanh(B1)')).toBe(3) // Tanh has ops between: MulK(A1), Tanh(B1), Add
    expect(size('=A1 * B1 + A2')).toBe(1) // AddMul: a regression's prediction w·x + b
    expect(size('=A1 * (B1 + 1) + A2')).toBe(4) // the Mul's second operand is an op: Cell(A1), AddK, Mul, Add
    expect(size('=(A1 - B1) ^ 2')).toBe(1) // SqDiff: a squared error
    expect(size('=(A1 - B1) ^ 3')).toBe(2) // only x²
    expect(size('=exp(A1) * 2')).toBe(2) // Exp(A1 in place), MulK
    expect(size('=A1')).toBe(1) // a lone reference is its Cell op
  })
})

// The tape against the general path (fast-check, fixed seeds): random workbooks mixing
// scalar formulas, range reductions, tensors, labels, errors and cycles, after random
// edit sequences, give the same values and gradients — bit for bit, since the arithmetic
// order is the same — whether each cell ran on the tape or the general path, and the
// incremental state equals a fresh load. Plus the reverse pass's work: an edit outside
// J's cone does none.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { GraphEngine } from '../engine'
import { formatAddress } from '../address'
import { createEngine, type CellView, type ChangeList, type Edit, type Engine } from '../index'
import { docOf, type CellSpec } from './helpers'

const ADDRESSES = ['A1', 'A2', 'A3', 'A4', 'B1', 'B2', 'B3', 'C1', 'C2']
const term = fc.constantFrom(...ADDRESSES, 'w', 'J', 'SUM(A1:A4)', 'AVERAGE(A1:B3)', 'mean(A1:A3)', 'sum(B1:B3)', '2', '-1.5', '0')
const unary = fc.constantFrom('tanh', 'sigmoid', 'exp', 'sqrt', 'log', 'abs', 'relu', 'sin')
const formula = fc.oneof(
  fc.tuple(term, fc.constantFrom('+', '-', '*', '/', '^'), term).map(([a, op, b]) => `=${a} ${op} ${b}`),
  fc.tuple(unary, term, fc.constantFrom('+', '*'), term).map(([f, a, op, b]) => `=${f}(${a}) ${op} ${b}`),
  fc.tuple(term, term).map(([a, b]) => `=sum([${a}, ${b}] .* [${b}, 2])`), // tensor, general path
  fc.tuple(term, term).map(([a, b]) => `=IF(${a} > 0, ${b}, ${a} * ${b})`),
  fc.constantFrom('=[A1, A2] * 2', '=A1:A3', '=SUM(A1:A3 * 2)', '=max(A1, B1)', '=1/0', '=A1 + "x"'),
)
const input = fc.oneof(
  { weight: 3, arbitrary: formula },
  { weight: 3, arbitrary: fc.double({ min: -3, max: 3, noNaN: true }).map((x) => String(Math.round(x * 100) / 100)) },
  { weight: 1, arbitrary: fc.constantFrom('', 'label', '0', '-0') },
)
const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ type: fc.constant('setInput' as const), sheet: fc.constant('Sheet1'), address: fc.constantFrom(...ADDRESSES), input }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('setName' as const), sheet: fc.constant('Sheet1'), address: fc.constantFrom(...ADDRESSES), name: fc.constantFrom('w', 'J', null) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('setObjective' as const), ref: fc.constantFrom(null, 'C2', 'B3', 'J') }) },
)
const start = fc.dictionary(fc.constantFrom(...ADDRESSES), input, { maxKeys: ADDRESSES.length })

/** The workbook-wide figures computed the slow way, from every cell's view. */
function figuresOf(cells: CellView[]): ChangeList['figures'] {
  let maxAbsGrad = 0
  for (const c of cells) {
    const g = c.grad
    const xs = g.kind === 'number' ? [g.value] : g.kind === 'tensor' ? g.value.flat() : []
    for (const x of xs) if (Number.isFinite(x) && Math.abs(x) > maxAbsGrad) maxAbsGrad = Math.abs(x)
  }
  return { errorCells: cells.filter((c) => c.value.kind === 'error').length, maxAbsGrad }
}

/** "Sheet1!B3" keys of a windowed change list's positions. */
const positionsOf = (r: ChangeList): string[] =>
  (r.changed ?? []).flatMap((p) => Array.from(p.rows, (row, k) => `${p.sheet}!${formatAddress(row, p.cols[k])}`)).sort()

const byKeyOf = (x: CellView, y: CellView) => (`${x.sheet}!${x.address}` < `${y.sheet}!${y.address}` ? -1 : 1)
const snapshot = (e: Engine | GraphEngine) => ({ cells: e.cells(), objective: e.objective(), sheets: e.sheets() })
const doc = (cells: Record<string, string>) => docOf({ ...cells, C2: { input: cells.C2 ?? '=A1 * B1 + SUM(A1:A4) + AVERAGE(A1:A3) * mean(B1:B3) + tanh(A2) * B2', name: 'J' } } as Record<string, CellSpec>)

describe('the tape computes exactly what the general path computes', () => {
  it('on random workbooks after random edit sequences (values, gradients, change lists)', () => {
    fc.assert(
      fc.property(start, fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 10 }), (cells, batches) => {
        const onTape = createEngine(doc(cells))
        const general = new GraphEngine(doc(cells), { tape: false })
        const windowed = createEngine(doc(cells))
        // Dense mode (evaluate/dense-run.ts) from the first due cell: leaving it at once, and never.
        const denseShort = new GraphEngine(doc(cells), { dense: { after: 1, exitAfter: 1 } })
        const denseLong = new GraphEngine(doc(cells), { dense: { after: 1, exitAfter: 1000 } })
        // The kernels walk a few positions per call (evaluate/tape-ops.ts KERNEL_CHUNK): every
        // pass crosses chunk boundaries, in and out of dense mode, and the sweep's largest
        // gradient is carried from chunk to chunk.
        const chunked = new GraphEngine(doc(cells), { kernelChunk: 1 })
        const chunkedDense = new GraphEngine(doc(cells), { kernelChunk: 2, dense: { after: 1, exitAfter: 2 } })
        expect(snapshot(onTape)).toEqual(snapshot(general))
        for (const batch of batches) {
          const a = onTape.apply(batch)
          const b = general.apply(batch)
          for (const other of [denseShort, denseLong, chunked, chunkedDense]) {
            const r = other.apply(batch)
            expect([...r.cells].sort(byKeyOf)).toEqual([...a.cells].sort(byKeyOf))
            expect(r.figures).toEqual(a.figures)
            expect(snapshot(other)).toEqual(snapshot(general))
          }
          const c = windowed.apply(batch, { views: 'none' })
          const byKey = (x: CellView, y: CellView) => (`${x.sheet}!${x.address}` < `${y.sheet}!${y.address}` ? -1 : 1)
          expect([...a.cells].sort(byKey)).toEqual([...b.cells].sort(byKey))
          expect(a.objective).toEqual(b.objective)
          expect(snapshot(onTape)).toEqual(snapshot(general))
          // The windowed list names the same cells, and the figures are the slow count's.
          expect(positionsOf(c)).toEqual(a.cells.map((x) => `${x.sheet}!${x.address}`).sort())
          expect(c.unlisted).toBe(a.cells.length)
          expect(a.figures).toEqual(figuresOf(onTape.cells()))
          expect(c.figures).toEqual(a.figures)
        }
        expect(snapshot(onTape)).toEqual(snapshot(createEngine(structuredClone(onTape.toDocument()))))
      }),
      { numRuns: 200, seed: 1212 },
    )
  })

  it('with cycles made and broken, and a cell leaving and rejoining the tape', () => {
    const cells = { A1: '2', A2: '=A1 * 3', B1: '=tanh(A2) + A1', C2: '=B1 ^ 2' }
    const onTape = createEngine(doc(cells))
    const general = new GraphEngine(doc(cells), { tape: false })
    const steps: Edit[][] = [
      [{ type: 'setInput', sheet: 'Sheet1', address: 'A1', input: '=B1 + 1' }], // cycle A1 → B1 → A1
      [{ type: 'setInput', sheet: 'Sheet1', address: 'A1', input: '0.5' }], // broken
      [{ type: 'setInput', sheet: 'Sheet1', address: 'A2', input: 'label' }], // B1 leaves the tape (#VALUE!)
      [{ type: 'setInput', sheet: 'Sheet1', address: 'A2', input: '-1' }], // and comes back
      [{ type: 'setInput', sheet: 'Sheet1', address: 'A1', input: '' }], // empty reads as 0
    ]
    for (const batch of steps) {
      onTape.apply(batch)
      general.apply(batch)
      expect(snapshot(onTape)).toEqual(snapshot(general))
    }
  })
})

describe('reverse work', () => {
  const book = () =>
    createEngine(docOf({ A1: '1', A2: '=A1 * 2', A3: { input: '=A2 ^ 2', name: 'J' }, B1: '5', B2: '=B1 + 1', B3: '=B2 * 3' }))

  it('an edit outside J\'s cone runs no reverse pass, and gradients stay right', () => {
    const e = book()
    const r = e.apply([{ type: 'setInput', sheet: 'Sheet1', address: 'B1', input: '6' }])
    expect(r.stats).toEqual({ forwardEvaluations: 2, reverseVisits: 0 })
    expect(r.cells.map((c) => c.address).sort()).toEqual(['B1', 'B2', 'B3'])
    expect(e.cell('Sheet1', 'A1').grad).toEqual({ kind: 'number', value: 8 }) // ∂(2·A1)²/∂A1 = 8·A1
    expect(e.cell('Sheet1', 'B1').grad).toEqual({ kind: 'number', value: 0 })
  })

  it('an edit inside the cone runs it over the cone only', () => {
    const e = book()
    const r = e.apply([{ type: 'setInput', sheet: 'Sheet1', address: 'A1', input: '2' }])
    expect(r.stats).toEqual({ forwardEvaluations: 2, reverseVisits: 2 })
    expect(e.cell('Sheet1', 'A1').grad).toEqual({ kind: 'number', value: 16 })
  })

  it('a formula edit that brings a cell into the cone makes the next value edit count', () => {
    const e = book()
    e.apply([{ type: 'setInput', sheet: 'Sheet1', address: 'A3', input: '=A2 ^ 2 + B3' }])
    expect(e.cell('Sheet1', 'B1').grad).toEqual({ kind: 'number', value: 3 })
    const r = e.apply([{ type: 'setInput', sheet: 'Sheet1', address: 'B1', input: '7' }])
    expect(r.stats.reverseVisits).toBeGreaterThan(0)
    expect(e.cell('Sheet1', 'B1').grad).toEqual({ kind: 'number', value: 3 })
  })

  it('creating the objective cell after naming it makes gradients available', () => {
    const e = createEngine(docOf({ A1: '3', A2: '=A1 * A1' }, 'B5'))
    expect(e.objective().unavailableReason).toMatch(/empty/)
    e.apply([{ type: 'setInput', sheet: 'Sheet1', address: 'B5', input: '=A2 + 1' }])
    expect(e.objective().unavailableReason).toBeNull()
    expect(e.cell('Sheet1', 'A1').grad).toEqual({ kind: 'number', value: 6 })
  })
})

// The inspector's numbers: local partials, chain-rule terms and text on the reference
// text's worked examples, and on random DAGs the chain rule adds up to the engine's gradient.
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createEngine, type Engine } from '../index'
import { book, docOf, grad } from '../test/helpers'
import { restoreDocument } from '../workbook'
import { extractGraph } from './graph'
import { explainerFor } from './index'
import { explainSourceOf } from './source'

function example(n: 1 | 2): Engine {
  const r = restoreDocument(readFileSync(new URL(`../../examples/reference-example-${n}.gradsheet`, import.meta.url), 'utf8'))
  if (!r.ok) throw new Error(r.error)
  return createEngine(r.doc)
}

describe('worked example 1: f(x) = ((x + 5)^3 + 1)^2 at x = -3', () => {
  const x = explainerFor(example(1))
  it('writes the chain rule for h with its numbers', () => {
    const h = x.explain('Sheet1', 'B2')!
    expect(h.label).toBe('h')
    expect(h.chainText).toBe('∂J/∂h = ∂J/∂g · ∂g/∂h = 18 × 12 = 216')
    expect(h.terms).toEqual([{ user: 'Sheet1!B3', userLabel: 'g', text: '∂J/∂g · ∂g/∂h = 18 × 12 = 216', contribution: 216 }])
    expect(h.chainSum).toBe(216)
    expect(h.substituted).toBe('(-3) + 5')
    expect(h.partials).toEqual([{ input: 'Sheet1!B1', inputLabel: 'x', text: '∂h/∂x = 1', value: 1 }])
  })
  it('gives the local partial ∂g/∂h = 3h² = 12 on the edge h → g', () => {
    const g = x.graph({ kind: 'objective' })
    expect(g.edges).toContainEqual({ from: 'Sheet1!B2', to: 'Sheet1!B3', partial: 12, partialText: '12' })
    expect(g.nodes.map((n) => n.label).sort()).toEqual(['J', 'f', 'g', 'h', 'x'])
  })
  it('steps forward in evaluation order, then backward from J', () => {
    const steps = x.graph({ kind: 'objective' }).steps
    expect(steps.map((s) => s.text)).toEqual([
      'x = -3', 'h = x + 5 = 2', 'g = h^3 + 1 = 9', 'f = g^2 = 81', 'J = f = 81',
      '∂J/∂J = 1 (the objective)',
      '∂J/∂f = ∂J/∂J · ∂J/∂f = 1 × 1 = 1',
      '∂J/∂g = ∂J/∂f · ∂f/∂g = 1 × 18 = 18',
      '∂J/∂h = ∂J/∂g · ∂g/∂h = 18 × 12 = 216',
      '∂J/∂x = ∂J/∂h · ∂h/∂x = 216 × 1 = 216',
    ])
  })
})

describe('worked example 2: linear regression', () => {
  const x = explainerFor(example(2))
  it('∂J/∂w = ∂J/∂c · ∂c/∂w = -13 × -3 = 39', () => {
    expect(x.explain('Sheet1', 'B3')!.chainText).toBe('∂J/∂w = ∂J/∂c · ∂c/∂w = (-13) × (-3) = 39')
    expect(x.explain('Sheet1', 'B2')!.chainSum).toBe(13)
  })
  it('lists the local partials of c = w x', () => {
    expect(x.explain('Sheet1', 'B5')!.partials.map((p) => p.text)).toEqual(['∂c/∂w = -3', '∂c/∂x = 3'])
  })
  it('leaves the labels in column A out of the graph', () => {
    const g = x.graph({ kind: 'all' })
    expect(g.nodes.some((n) => n.address.startsWith('A'))).toBe(false)
    expect(g.nodes).toHaveLength(8)
  })
})

describe('the chain rule sums over every user', () => {
  it('writes one term per cell that reads it and adds them', () => {
    const e = book({ A1: { input: '2', name: 'a' }, B1: '=a * 3', B2: '=a^2', C1: { input: '=B1 + B2', name: 'J' } })
    const a = explainerFor(e).explain('Sheet1', 'A1')!
    expect(a.chainText).toBe('∂J/∂B2 · ∂B2/∂a + ∂J/∂B1 · ∂B1/∂a = 1 × 4 + 1 × 3 = 7'.replace(/^/, '∂J/∂a = '))
    expect(a.chainSum).toBe(grad(e, 'A1'))
  })
  it('counts a cell read twice by one formula once, with the summed partial', () => {
    const e = book({ A1: '3', B1: { input: '=A1 * A1', name: 'J' } })
    expect(explainerFor(e).explain('Sheet1', 'A1')!.chainText).toBe('∂J/∂A1 = ∂J/∂J · ∂J/∂A1 = 1 × 6 = 6')
  })
  it('says why there is no gradient when there is no objective', () => {
    const e = book({ A1: '3', B1: '=A1 * 2' })
    expect(explainerFor(e).explain('Sheet1', 'A1')!.chainText).toMatch(/^no gradients: no objective/)
  })
  it('matches the engine on random DAGs', () => {
    const OPS = [(a: string, b: string) => `${a} * ${b}`, (a: string, b: string) => `${a} + 2 * ${b}`, (a: string) => `tanh(${a})`, (a: string, b: string) => `max(${a}, ${b})`, (a: string, b: string) => `sum([${a}, ${b}] .* [2, 3])`]
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.record({ op: fc.nat(OPS.length - 1), a: fc.nat(), b: fc.nat() }), { minLength: 1, maxLength: 8 }),
        (inputs, cells) => {
          const spec: Record<string, string | { input: string; name: string }> = {}
          inputs.forEach((v, i) => (spec[`A${i + 1}`] = String(v)))
          const refs = ['A1', 'A2', 'A3']
          cells.forEach((c, i) => {
            spec[`B${i + 1}`] = '=' + OPS[c.op](refs[c.a % refs.length], refs[c.b % refs.length])
            refs.push(`B${i + 1}`)
          })
          spec['C1'] = { input: `=${refs.slice(-3).join(' + ')}`, name: 'J' }
          const e = book(spec)
          const x = explainerFor(e)
          for (const r of refs) {
            const sum = x.explain('Sheet1', r)!.chainSum as number
            expect(sum).toBeCloseTo(grad(e, r), 9)
          }
        },
      ),
      { numRuns: 60 },
    )
  })
})

describe('convention notes', () => {
  const notes = (cells: Record<string, string>, at: string) => explainerFor(book(cells)).explain('Sheet1', at)!.notes
  it('abs and relu at 0', () => {
    expect(notes({ A1: '0', B1: '=abs(A1)' }, 'B1')).toEqual(['abs at 0: its derivative is taken as 0 there'])
    expect(notes({ A1: '0', B1: '=relu(A1) + 1' }, 'B1')).toEqual(['relu at 0: its derivative is taken as 0 there'])
    expect(notes({ A1: '1', B1: '=abs(A1)' }, 'B1')).toEqual([])
  })
  it('sqrt at 0', () => {
    expect(notes({ A1: '0', B1: '=sqrt(A1)' }, 'B1')[0]).toMatch(/^sqrt at 0: its derivative is \+∞/)
  })
  it('which max argument got the gradient, ties included', () => {
    expect(notes({ A1: '2', A2: '2', B1: '=max(A1, A2)' }, 'B1')).toEqual(['max: the whole gradient goes to argument 1 (A1), the first that attains the maximum 2 (2 tie)'])
    expect(notes({ A1: '1', A2: '5', B1: '=MIN(A1, A2)' }, 'B1')).toEqual(['MIN: the whole gradient goes to argument 1 (A1), the first that attains the minimum 1'])
  })
  it('which branch a conditional took', () => {
    expect(notes({ A1: '-1', B1: '=IF(A1 > 0, A1, 2 * A1)' }, 'B1')).toEqual(['IF: the condition is false, so only the value-if-false branch (-2) receives the gradient'])
    expect(notes({ A1: '1', B1: '=A1 > 0 ? A1 : 0' }, 'B1')).toEqual(['?: the condition is true, so only the then branch (A1) receives the gradient'])
  })
  it('marks those cells for the grid badge', () => {
    const x = explainerFor(book({ A1: '0', B1: '=abs(A1)', B2: '=A1 + 1' }))
    expect(x.conventionCells()).toEqual(['Sheet1!B1'])
    expect(x.graph({ kind: 'all' }).nodes.find((n) => n.key === 'Sheet1!B1')!.convention).toBe(true)
  })
  it('marks only the cells of a block when asked for one (the grid asks for its window), row by row', () => {
    const x = explainerFor(book({ A1: '0', B1: '=abs(A1)', B2: '=A1 + 1', C3: '=abs(A1)', B4: '=abs(A1)', D3: '=abs(A1)' }))
    expect(x.conventionCells()).toEqual(['Sheet1!B1', 'Sheet1!C3', 'Sheet1!B4', 'Sheet1!D3'])
    expect(x.conventionCells({ sheet: 'Sheet1', rows: [2, 4], cols: [2, 3] })).toEqual(['Sheet1!C3', 'Sheet1!B4'])
    expect(x.conventionCells({ sheet: 'Sheet1', rows: [1, 1], cols: [1, 1] })).toEqual([])
    expect(x.conventionCells({ sheet: 'Nope', rows: [1, 9], cols: [1, 9] })).toEqual([])
    expect(x.conventionCells({ sheet: 'Sheet1', rows: [4, 2], cols: [1, 9] })).toEqual([])
    // A block larger than the workbook is read by one scan of the cells, in the same order.
    expect(x.conventionCells({ sheet: 'Sheet1', rows: [1, 1000], cols: [1, 1000] })).toEqual(['Sheet1!B1', 'Sheet1!C3', 'Sheet1!D3', 'Sheet1!B4'])
    expect(x.conventionCells({ sheet: 'Sheet1', rows: [3, 1000], cols: [3, 1000] })).toEqual(['Sheet1!C3', 'Sheet1!D3'])
  })
})

describe('error cells', () => {
  it('show the path back to the first cell that caused the error', () => {
    const x = explainerFor(book({ A1: '0', A2: '=1/A1', A3: '=A2 + 1', A4: '=A3 * 2' }))
    expect(x.explain('Sheet1', 'A4')!.errorPath).toEqual(['Sheet1!A4', 'Sheet1!A3', 'Sheet1!A2'])
    expect(x.explain('Sheet1', 'A2')!.errorPath).toEqual(['Sheet1!A2'])
    expect(x.explain('Sheet1', 'A1')!.errorPath).toEqual([])
  })
  it('end at the formula that used a label as a number', () => {
    const x = explainerFor(book({ A1: 'hello', A2: '=A1 + 1', A3: '=A2 * 2' }))
    expect(x.explain('Sheet1', 'A3')!.errorPath).toEqual(['Sheet1!A3', 'Sheet1!A2'])
  })
})

describe('graph scope', () => {
  const chain = (n: number) => {
    const cells: Record<string, string | { input: string; name: string }> = { A1: '1' }
    for (let i = 2; i <= n; i++) cells[`A${i}`] = `=A${i - 1} + 1`
    cells[`A${n}`] = { input: `=A${n - 1} + 1`, name: 'J' }
    return book(cells)
  }
  it('the neighbourhood holds n steps up and down', () => {
    const g = explainerFor(chain(10)).graph({ kind: 'neighbourhood', sheet: 'Sheet1', address: 'A5', depth: 2 })
    expect(g.nodes.map((n) => n.address).sort()).toEqual(['A3', 'A4', 'A5', 'A6', 'A7'])
    expect(g.edges).toHaveLength(4)
  })
  it('only cells that influence J', () => {
    const e = book({ A1: '1', A2: '=A1 * 2', A3: { input: '=A1 + 1', name: 'J' } } as never)
    expect(explainerFor(e).graph({ kind: 'objective' }).nodes.map((n) => n.address).sort()).toEqual(['A1', 'A3'])
  })
  it('past the node limit: a summary instead of nodes', () => {
    const g = explainerFor(chain(500)).graph({ kind: 'all' })
    expect(g.nodes).toEqual([])
    expect(g.tooLarge).toMatchObject({ cells: 500, formulas: 499, sheets: 1, scopeNodes: 500 })
    expect(g.tooLarge!.topGradients[0]).toEqual({ key: 'Sheet1!A1', label: 'A1', grad: 1 })
  })
  it('a large range is one node with the local partials as a vector', () => {
    const cells: Record<string, string | { input: string; name: string }> = { B1: { input: '=sum(A1:A20)', name: 'J' } }
    for (let i = 1; i <= 20; i++) cells[`A${i}`] = String(i)
    const g = explainerFor(book(cells)).graph({ kind: 'objective' })
    expect(g.nodes.map((n) => n.key)).toEqual(['Sheet1!B1', 'Sheet1!A1:A20'])
    expect(g.edges).toEqual([{ from: 'Sheet1!A1:A20', to: 'Sheet1!B1', partial: null, partialText: 'vector[20]' }])
  })
  it('a small range is drawn cell by cell; tensor edges show a compact summary', () => {
    const e = book({ A1: '1', A2: '2', B1: '=[A1, A2] .* 2', C1: { input: '=sum(B1) + sum(A1:A2)', name: 'J' } } as never)
    const g = explainerFor(e).graph({ kind: 'all' })
    expect(g.edges).toContainEqual({ from: 'Sheet1!A1', to: 'Sheet1!B1', partial: null, partialText: 'Jacobian 2 by scalar' })
    expect(g.edges).toContainEqual({ from: 'Sheet1!B1', to: 'Sheet1!C1', partial: null, partialText: '[1, 1]' })
    expect(g.edges).toContainEqual({ from: 'Sheet1!A2', to: 'Sheet1!C1', partial: 1, partialText: '1' })
  })
})

describe('large scopes', () => {
  it('counts every cell that influences J, however many', () => {
    const cells: Record<string, string | { input: string; name: string }> = { A1: '1' }
    for (let i = 2; i <= 2000; i++) cells[`A${i}`] = `=A${i - 1} * 0.5`
    cells.B1 = { input: '=A2000', name: 'J' }
    const g = explainerFor(book(cells)).graph({ kind: 'objective' })
    expect(g.tooLarge?.scopeNodes).toBe(2001)
  })
  it("reads J's cone from the engine, and agrees with walking the precedents (steps; a scope past the walk's limit)", () => {
    // 7,000 cells in J's cone (past RAW_NODE_LIMIT: the walk stops early and the cone counts),
    // a range and a second sheet in it, and cells outside it.
    const cells: Record<string, string | { input: string; name: string }> = { A1: '1', C1: '2', C2: '3' }
    for (let i = 2; i <= 7000; i++) cells[`A${i}`] = i % 100 ? `=A${i - 1} * 0.5 + 1` : `=A${i - 1} + sum(C1:C2) + Other!A1`
    for (let i = 1; i <= 50; i++) cells[`D${i}`] = `=A${i} * 3` // outside the cone
    cells.B1 = { input: '=A7000 + abs(A3)', name: 'J' }
    const e = createEngine(docOf(cells as never, null, [{ name: 'Other', cells: { A1: '4', B1: '=A1 * 2' } }]))
    const src = explainSourceOf(e)
    expect(src.objectiveCone).not.toBeNull()
    const walked = { ...src, objectiveCone: null }
    const big = extractGraph(src, { kind: 'objective' })
    expect(big.tooLarge?.scopeNodes).toBe(extractGraph(walked, { kind: 'objective' }).tooLarge?.scopeNodes)
    expect(big.tooLarge?.scopeNodes).toBe(7000 + 2 + 1 + 1) // A1..A7000, C1:C2, Other!A1, J
    for (const address of ['A3', 'A100', 'D5', 'B1']) {
      const scope = { kind: 'neighbourhood' as const, sheet: 'Sheet1', address, depth: 2 }
      expect(extractGraph(src, scope).steps).toEqual(extractGraph(walked, scope).steps)
    }
    const small = explainSourceOf(example(2))
    expect(extractGraph(small, { kind: 'all' }).steps).toEqual(extractGraph({ ...small, objectiveCone: null }, { kind: 'all' }).steps)
    // No objective: nothing to read.
    expect(explainSourceOf(book({ A1: '1', A2: '=A1 * 2' })).objectiveCone).toBeNull()
  })
  it('cuts a neighbourhood with thousands of users to the limit, nearest first, and says so', () => {
    const cells: Record<string, string | { input: string; name: string }> = { A1: '1' }
    for (let i = 1; i <= 1000; i++) cells[`B${i}`] = `=A1 * ${i}`
    const g = explainerFor(book(cells)).graph({ kind: 'neighbourhood', sheet: 'Sheet1', address: 'A1', depth: 1 }, 100)
    expect(g.nodes).toHaveLength(100)
    expect(g.nodes[0].key).toBe('Sheet1!A1')
    expect(g.truncated).toBe(true)
  })
})

describe('formulas with their numbers, across sheets', () => {
  it('puts values in for references, ranges and names; calls keep their names', () => {
    const e = book({ A1: '1', A2: '2', A3: '-3', B1: { input: '2', name: 'w' }, C1: { input: '=SUM(A1:A3) * w + abs(A3)', name: 'J' } } as never)
    expect(explainerFor(e).explain('Sheet1', 'C1')!.substituted).toBe('SUM([1, 2, (-3)]) * 2 + abs((-3))')
  })
  it('names cells of other sheets with their sheet in the chain rule', () => {
    const e = createEngine({
      format: 'gradsheet', version: 1, objective: 'Sheet1!B1',
      sheets: [{ name: 'Sheet1', cells: { A1: { input: '3' }, B1: { input: "=A1 * 'My data'!A1" } } }, { name: 'My data', cells: { A1: { input: '5' } } }],
    })
    const x = explainerFor(e)
    expect(x.explain('My data', 'A1')!.chainText).toBe("∂J/∂'My data'!A1 = ∂J/∂B1 · ∂B1/∂'My data'!A1 = 1 × 3 = 3")
    expect(x.graph({ kind: 'objective' }).nodes.map((n) => n.key).sort()).toEqual(['My data!A1', 'Sheet1!A1', 'Sheet1!B1'])
  })
})

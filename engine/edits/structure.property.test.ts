// Property tests (fast-check, fixed seeds) for inserted and deleted rows and columns on
// random workbooks: the expected workbook is rendered independently from an abstract
// model (cells, references, ranges, names) with the cells moved, so the engine's
// reference arithmetic is checked against a restatement of the rule, not against itself.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createEngine, type CellView, type Edit, type Engine } from '../index'
import { columnLetters } from '../address'
import type { WorkbookDocument } from '../workbook/document'

interface Term {
  kind: number // 0 cell, 1 range, 2 name
  pick: number
  rowAbs: boolean
  colAbs: boolean
  lower: boolean
  r0: number
  span: number
}
interface Model {
  numbers: { row: number; col: number; value: number; named: boolean; param: boolean }[]
  formulas: { row: number; col: number; terms: Term[] }[]
  data: { terms: Term[] }[]
  objectiveByName: boolean
}

const term = fc.record({
  kind: fc.nat(2),
  pick: fc.nat(),
  rowAbs: fc.boolean(),
  colAbs: fc.boolean(),
  lower: fc.boolean(),
  r0: fc.integer({ min: 1, max: 15 }),
  span: fc.nat(5),
})
const model: fc.Arbitrary<Model> = fc.record({
  numbers: fc.uniqueArray(
    fc.record({ row: fc.integer({ min: 1, max: 15 }), col: fc.integer({ min: 1, max: 2 }), value: fc.integer({ min: -9, max: 9 }), named: fc.boolean(), param: fc.boolean() }),
    { minLength: 2, maxLength: 8, selector: (c) => `${c.row},${c.col}` },
  ),
  formulas: fc.uniqueArray(fc.record({ row: fc.integer({ min: 1, max: 15 }), col: fc.integer({ min: 3, max: 5 }), terms: fc.array(term, { minLength: 1, maxLength: 3 }) }), {
    minLength: 1,
    maxLength: 6,
    selector: (c) => `${c.row},${c.col}`,
  }),
  data: fc.array(fc.record({ terms: fc.array(term, { minLength: 1, maxLength: 3 }) }), { maxLength: 3 }),
  objectiveByName: fc.boolean(),
})

/** Where a Sheet1 or Data cell is, and what a Sheet1 range becomes (the layout being tested). */
interface Layout {
  cell(sheet: 'Sheet1' | 'Data', row: number, col: number): [number, number]
  range(r0: number, r1: number, col: number): [number, number, number]
}
const identity: Layout = { cell: (_s, r, c) => [r, c], range: (r0, r1, c) => [r0, r1, c] }

/** The layout after inserting `count` rows or columns before `at` on `sheet` (Excel's rule, restated). */
function inserted(sheet: 'Sheet1' | 'Data', axis: 'row' | 'col', at: number, count: number): Layout {
  const move = (x: number) => (x >= at ? x + count : x)
  return {
    cell: (s, r, c) => (s !== sheet ? [r, c] : axis === 'row' ? [move(r), c] : [r, move(c)]),
    range: (r0, r1, c) => (sheet !== 'Sheet1' ? [r0, r1, c] : axis === 'row' ? [move(r0), move(r1), c] : [r0, r1, move(c)]),
  }
}

function address(row: number, col: number, t: Pick<Term, 'rowAbs' | 'colAbs' | 'lower'>): string {
  const letters = t.lower ? columnLetters(col).toLowerCase() : columnLetters(col)
  return `${t.colAbs ? '$' : ''}${letters}${t.rowAbs ? '$' : ''}${row}`
}

function render(m: Model, at: Layout): WorkbookDocument {
  const sheet1: Record<string, { input: string; name?: string; param?: boolean }> = {}
  const key = (sheet: 'Sheet1' | 'Data', row: number, col: number) => {
    const [r, c] = at.cell(sheet, row, col)
    return columnLetters(c) + r
  }
  m.numbers.forEach((n, i) => {
    const entry: { input: string; name?: string; param?: boolean } = { input: String(n.value) }
    if (n.named) entry.name = `w_${i}`
    if (n.param) entry.param = true
    sheet1[key('Sheet1', n.row, n.col)] = entry
  })
  // A formula refers to numbers and to formulas before it (no cycles); ranges cover the number columns A:B.
  const termText = (t: Term, earlier: number, qualifier: string): string => {
    const choices = m.numbers.length + earlier
    const k = t.pick % choices
    if (t.kind === 1) {
      const [r0, r1, c] = at.range(t.r0, t.r0 + t.span, 1 + (t.pick % 2))
      return `SUM(${qualifier}${address(r0, c, t)}:${address(r1, c, t)})`
    }
    if (t.kind === 2 && k < m.numbers.length && m.numbers[k].named) return `w_${k}`
    const target = k < m.numbers.length ? m.numbers[k] : m.formulas[k - m.numbers.length]
    const [r, c] = at.cell('Sheet1', target.row, target.col)
    return qualifier + address(r, c, t)
  }
  m.formulas.forEach((f, i) => {
    const entry: { input: string; name?: string } = { input: `=${f.terms.map((t) => termText(t, i, '')).join(' + ')} + 0.5*${i}` }
    if (i === m.formulas.length - 1 && m.objectiveByName) entry.name = 'J'
    sheet1[key('Sheet1', f.row, f.col)] = entry
  })
  const data: Record<string, { input: string }> = {}
  m.data.forEach((d, i) => {
    data[key('Data', i + 1, 1)] = { input: `=${d.terms.map((t) => termText(t, m.formulas.length, 'Sheet1!')).join(' - ')}` }
  })
  const last = m.formulas[m.formulas.length - 1]
  const objective = m.objectiveByName ? 'J' : `Sheet1!${key('Sheet1', last.row, last.col)}`
  return { format: 'gradsheet', version: 1, objective, sheets: [{ name: 'Sheet1', cells: sheet1 }, { name: 'Data', cells: data }] }
}

const editFor = (sheet: string, axis: 'row' | 'col', kind: 'insert' | 'delete', at: number, count: number): Edit =>
  ({ type: `${kind}${axis === 'row' ? 'Rows' : 'Columns'}`, sheet, at, count }) as Edit

const change = fc.record({
  sheet: fc.constantFrom<'Sheet1' | 'Data'>('Sheet1', 'Sheet1', 'Data'),
  axis: fc.constantFrom<'row' | 'col'>('row', 'col'),
  at: fc.integer({ min: 1, max: 17 }),
  count: fc.integer({ min: 1, max: 4 }),
})

function sameNumbers(a: CellView, b: CellView): void {
  const close = (x: unknown, y: unknown) => {
    if (typeof x === 'number' && typeof y === 'number') expect(x).toBeCloseTo(y, 9)
    else expect(x).toEqual(y)
  }
  expect(a.value.kind).toBe(b.value.kind)
  close('value' in a.value ? a.value.value : null, 'value' in b.value ? b.value.value : null)
  expect(a.grad.kind).toBe(b.grad.kind)
  close('value' in a.grad ? a.grad.value : null, 'value' in b.grad ? b.grad.value : null)
}

const sorted = (e: Engine) => e.cells().map((c) => ({ ...c })).sort((a, b) => `${a.sheet}!${a.address}`.localeCompare(`${b.sheet}!${b.address}`))

describe('inserted rows and columns on random workbooks', () => {
  it('give the expected file: same formulas, names, marks and objective; same values and gradients as a fresh load', () => {
    fc.assert(
      fc.property(model, change, (m, c) => {
        const engine = createEngine(render(m, identity))
        const result = engine.apply([editFor(c.sheet, c.axis, 'insert', c.at, c.count)])
        expect(result.rejected).toEqual([])
        const expected = render(m, inserted(c.sheet, c.axis, c.at, c.count))
        const got = engine.toDocument()
        expect(got.objective).toBe(expected.objective)
        expect(got.sheets.map((s) => s.cells)).toEqual(expected.sheets.map((s) => s.cells))
        const fresh = createEngine(expected)
        const a = sorted(engine)
        const b = sorted(fresh)
        expect(a.map((x) => `${x.sheet}!${x.address}`)).toEqual(b.map((x) => `${x.sheet}!${x.address}`))
        a.forEach((x, i) => sameNumbers(x, b[i]))
        expect(engine.objective()).toEqual(fresh.objective())
      }),
      { seed: 9001, numRuns: 100 },
    )
  })

  it('deleting the same rows or columns again gives back the original workbook exactly', () => {
    fc.assert(
      fc.property(model, change, (m, c) => {
        const engine = createEngine(render(m, identity))
        const original = engine.toDocument()
        engine.apply([editFor(c.sheet, c.axis, 'insert', c.at, c.count)])
        const after = engine.apply([editFor(c.sheet, c.axis, 'delete', c.at, c.count)])
        expect(after.rejected).toEqual([])
        expect(engine.toDocument()).toEqual(original)
      }),
      { seed: 9002, numRuns: 150 },
    )
  })

  it('after a deletion every formula computes or shows #REF! (a deleted cell) or #NAME? (a deleted name): no reference silently points elsewhere', () => {
    fc.assert(
      fc.property(model, change, (m, c) => {
        const engine = createEngine(render(m, identity))
        engine.apply([editFor(c.sheet, c.axis, 'delete', c.at, c.count)])
        for (const cell of engine.cells()) {
          if (!cell.input.startsWith('=')) continue
          // Every formula either computes or carries an error a user can trace (#REF! or #NAME? for a deleted name).
          if (cell.value.kind === 'error') expect(['#REF!', '#NAME?']).toContain(cell.value.error.code)
          else expect(cell.input.includes('#REF!')).toBe(false)
        }
      }),
      { seed: 9003, numRuns: 150 },
    )
  })
})

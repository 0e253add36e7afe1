// Cone listing (core/changes.ts): a windowed apply (`views: 'none'`) that changes at
// least half of a large J's cone names the whole cone (its cells with content) instead
// of each changed cell; everywhere else the list stays exact. Checked against a twin
// engine given the same edits with listed views (the exact list).
import { describe, expect, it } from 'vitest'
import { formatAddress } from '../address'
import { CONE_LISTING_MIN } from '../core/changes'
import type { ChangeList, Edit, Engine } from '../index'
import { createEngine } from '../index'
import { docOf, type CellSpec } from './helpers'

const N = CONE_LISTING_MIN + 500

/** "Sheet!A1" keys of a windowed list's positions, in list order. */
const positionsOf = (r: ChangeList): string[] =>
  (r.changed ?? []).flatMap((p) => Array.from(p.rows, (row, k) => `${p.sheet}!${formatAddress(row, p.cols[k])}`))

const exactOf = (r: ChangeList): string[] => r.cells.map((c) => `${c.sheet}!${c.address}`).sort()

/** A chain A1 → A2 → … → AN = J (A2 also reads B1), plus a column C outside J's cone that reads A1, and a second sheet reading AN. */
function chainBook(): Engine {
  const cells: Record<string, CellSpec> = { A1: '1', B1: '0.5' }
  cells.A2 = '=A1 + B1 * 0.001'
  for (let r = 3; r <= N; r++) cells[`A${r}`] = r % 7 ? `=A${r - 1} + 0.0001` : `=A${r - 1} + 0.0001 * tanh(A${r - 1})`
  cells[`A${N}`] = { input: `=A${N - 1} * 1.5 + D1`, name: 'J' }
  cells.D1 = '3' // in the cone, but neither its value nor its gradient (1) ever changes
  for (let r = 1; r <= 50; r++) cells[`C${r}`] = `=A1 * ${r}`
  return createEngine(docOf(cells, null, [{ name: 'Other', cells: { A1: `=Sheet1!A${N} * 2`, B1: '=Sheet1!A1 + 1' } }]))
}

/** The cone's cells with content: every A1..AN, B1 and D1 of Sheet1. */
const coneKeys = (): string[] => [...Array.from({ length: N }, (_, i) => `Sheet1!A${i + 1}`), 'Sheet1!B1', 'Sheet1!D1']

function both(edits: Edit[][]): { windowed: ChangeList; exact: ChangeList }[] {
  const w = chainBook()
  const e = chainBook()
  return edits.map((batch) => ({ windowed: w.apply(batch, { views: 'none' }), exact: e.apply(batch) }))
}

const setA1 = (v: string): Edit => ({ type: 'setInput', sheet: 'Sheet1', address: 'A1', input: v })

describe('cone listing in windowed change lists', () => {
  it('names the whole cone once, plus the exact changes outside it, when most of the cone changed', () => {
    const [{ windowed, exact }] = both([[setA1('2')]])
    const listed = positionsOf(windowed)
    expect(new Set(listed).size).toBe(listed.length) // no cell twice
    const expected = [...new Set([...coneKeys(), ...exactOf(exact)])].sort()
    expect([...listed].sort()).toEqual(expected)
    expect(windowed.unlisted).toBe(expected.length)
    // One part per sheet, and the exact list is inside the listed one.
    expect(windowed.changed!.map((p) => p.sheet)).toEqual(['Sheet1', 'Other'])
    expect(exactOf(exact).every((k) => listed.includes(k))).toBe(true)
    expect(listed).toContain('Sheet1!D1') // named with the cone, though it did not change
    expect(exactOf(exact)).not.toContain('Sheet1!D1')
    expect(windowed.figures).toEqual(exact.figures)
    expect(windowed.objective).toEqual(exact.objective)
  })

  it('stays exact when only a few of a large cone changed (one term of a long SUM)', () => {
    const cells: Record<string, CellSpec> = {}
    for (let r = 1; r <= N; r++) cells[`A${r}`] = String(r)
    cells.B1 = { input: `=SUM(A1:A${N})`, name: 'J' }
    const a = createEngine(docOf(cells))
    const b = createEngine(docOf(cells))
    const edit: Edit[] = [{ type: 'setInput', sheet: 'Sheet1', address: 'A7', input: '70' }]
    const windowed = a.apply(edit, { views: 'none' })
    expect([...positionsOf(windowed)].sort()).toEqual(exactOf(b.apply(edit)))
    expect(windowed.unlisted).toBe(2)
  })

  it('stays exact for edits outside the cone', () => {
    const [{ windowed, exact }] = both([[{ type: 'setInput', sheet: 'Sheet1', address: 'C3', input: '=A1 * 30' }]])
    expect([...positionsOf(windowed)].sort()).toEqual(exactOf(exact))
  })

  it('follows the objective when it moves in the same batch as a value edit (the new cone is compared cell by cell)', () => {
    const [{ windowed, exact }] = both([[setA1('4'), { type: 'setObjective', ref: `A${N - 10}` }]])
    expect([...positionsOf(windowed)].sort()).toEqual(exactOf(exact))
  })

  it('drops a cone cell from the listing once it is cleared (the cached positions follow the edit)', () => {
    const runs = both([[setA1('5')], [{ type: 'setInput', sheet: 'Sheet1', address: 'B1', input: '' }], [setA1('6')]])
    expect(positionsOf(runs[0].windowed)).toContain('Sheet1!B1')
    const listed = positionsOf(runs[2].windowed)
    expect(listed).not.toContain('Sheet1!B1')
    expect(listed).toContain('Sheet1!A2')
    expect(runs[2].windowed.unlisted).toBe(listed.length)
  })

  it('lists a cone that spans sheets per sheet, in the order its sheets first appear', () => {
    // J on a third sheet reads a chain on the second (the first sheet is outside the cone):
    // the cone's positions are cut per sheet.
    const data: Record<string, CellSpec> = { A1: '1' }
    for (let r = 2; r <= N; r++) data[`A${r}`] = `=A${r - 1} + 0.0001`
    const make = () => createEngine(docOf({ C1: '5' }, null, [
      { name: 'Data', cells: data },
      { name: 'Model', cells: { B2: '0.5', B3: { input: `=Data!A${N} * B2`, name: 'J' } } },
    ]))
    const edit: Edit = { type: 'setInput', sheet: 'Data', address: 'A1', input: '3' }
    const windowed = make().apply([edit], { views: 'none' })
    const exact = make().apply([edit])
    const listed = positionsOf(windowed)
    expect(windowed.changed!.map((p) => p.sheet)).toEqual(['Data', 'Model'])
    expect([...listed].sort()).toEqual([...Array.from({ length: N }, (_, i) => `Data!A${i + 1}`), 'Model!B2', 'Model!B3'].sort())
    expect(exactOf(exact).every((k) => listed.includes(k))).toBe(true)
    expect(windowed.figures).toEqual(exact.figures)
  })

  it.each([
    ['J reads every cell', 0],
    ['the cone is a small part of the workbook', 4 * N],
  ])('keeps every gradient right over repeated listed updates when %s (no compare; old gradients zeroed)', (_, outside) => {
    // Every cell in the cone: the forward's changes are copied aside without a test per
    // id; either way the reverse pass skips the gradient comparison when half the cone
    // changed, and zeroes the old gradients whole or cell by cell.
    const cells: Record<string, CellSpec> = { A1: '1' }
    for (let r = 1; r <= outside; r++) cells[`C${r}`] = String(r)
    for (let r = 2; r <= N; r++) cells[`A${r}`] = r % 5 ? `=A${r - 1} * 1.0001` : `=A${r - 1} + 0.01 * tanh(A${r - 1})`
    cells[`A${N}`] = { input: `=A${N - 1} * A${N - 1}`, name: 'J' }
    const windowed = createEngine(docOf(cells))
    const exact = createEngine(docOf(cells))
    const edits: Edit[] = [setA1('1.5'), setA1('0.5'), { type: 'setInput', sheet: 'Sheet1', address: `A${N - 2}`, input: '2' }, setA1('0.25')]
    for (const edit of edits) {
      const w = windowed.apply([edit], { views: 'none' })
      const e = exact.apply([edit])
      expect(w.figures).toEqual(e.figures)
      for (const r of [1, 2, 5, 6, N - 3, N - 2, N - 1, N]) {
        const got = windowed.cell('Sheet1', `A${r}`)
        const want = exact.cell('Sheet1', `A${r}`)
        expect([`A${r}`, got.value, got.grad]).toEqual([`A${r}`, want.value, want.grad])
      }
    }
  })

  it.each([
    [6, 'whole'],
    [8, 'exact'],
  ])('lists the cone whole without comparing gradients once an eighth of it changed value (%i unchanged inputs per row: %s)', (spare, how) => {
    // s scales column B (B = s·A); J sums B and `spare` columns of inputs. Editing s changes
    // the values of B and J (about 1/(spare + 2) of the cone) and the gradients of A.
    const rows = 600
    const cells: Record<string, CellSpec> = { Z1: { input: '2', name: 's' } }
    const letters = 'CDEFGHIJ'.slice(0, spare)
    for (let r = 1; r <= rows; r++) {
      cells[`A${r}`] = String(r)
      cells[`B${r}`] = `=s * A${r}`
      for (const c of letters) cells[`${c}${r}`] = '1'
    }
    const last = letters[letters.length - 1]
    cells.Z2 = { input: `=SUM(B1:B${rows}) + SUM(C1:${last}${rows})`, name: 'J' }
    const edit: Edit[] = [{ type: 'setInput', sheet: 'Sheet1', address: 'Z1', input: '3' }]
    const windowed = createEngine(docOf(cells)).apply(edit, { views: 'none' })
    const exact = exactOf(createEngine(docOf(cells)).apply(edit))
    expect(exact.length).toBe(2 * rows + 2) // B's values, A's gradients, s and J
    expect(windowed.unlisted).toBe(how === 'whole' ? rows * (spare + 2) + 2 : exact.length)
  })
})

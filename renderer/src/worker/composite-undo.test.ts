// Undo of editing commands (issue 9), through the worker's own functions in Node: for
// random workbooks and random commands, applying the worker's inverse gives back the
// workbook exactly (inputs, names, marks, objective, column widths), and redoing gives
// the same result as the first time.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createEngine } from '../../../engine/index'
import type { Edit } from '../../../engine/api'
import { columnLetters } from '../../../engine/address'
import type { WorkbookDocument } from '../../../engine/workbook/document'
import { applyAction } from './worker-inverse'

const addr = (row: number, col: number) => columnLetters(col) + row
const position = fc.record({ row: fc.integer({ min: 1, max: 8 }), col: fc.integer({ min: 1, max: 5 }) })
const rangeText = fc.tuple(position, position).map(([a, b]) => `${addr(a.row, a.col)}:${addr(b.row, b.col)}`)
const input = fc.oneof(
  fc.integer({ min: -5, max: 5 }).map(String),
  fc.constantFrom('label', "'7", ''),
  fc.tuple(position, position, fc.boolean()).map(([a, b, abs]) => `=${abs ? '$' : ''}${addr(a.row, a.col)} * 2 + ${addr(b.row, b.col)}`),
  rangeText.map((r) => `=SUM(${r}) + 1`),
  position.map((p) => `=Data!${addr(p.row, p.col)} + v_0`),
)
const cell = fc.record({ at: position, input, named: fc.boolean(), param: fc.constantFrom(undefined, true, false) })
const workbook = fc.record({
  sheet1: fc.uniqueArray(cell, { maxLength: 14, selector: (c) => addr(c.at.row, c.at.col) }),
  data: fc.uniqueArray(cell, { maxLength: 6, selector: (c) => addr(c.at.row, c.at.col) }),
  objective: fc.constantFrom(null, 'B3', 'Data!A2', 'v_1'),
  widths: fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 20, max: 300 })), { maxLength: 3 }),
})

let names = 0
type Workbook = typeof workbook extends fc.Arbitrary<infer T> ? T : never

function doc(w: Workbook): WorkbookDocument {
  names = 0
  const cells = (list: typeof w.sheet1) =>
    Object.fromEntries(
      list.map((c) => {
        const entry: { input: string; name?: string; param?: boolean } = { input: c.input }
        if (c.named) entry.name = `v_${names++}`
        if (c.param !== undefined) entry.param = c.param
        return [addr(c.at.row, c.at.col), entry]
      }),
    )
  const columns = Object.fromEntries(w.widths.map(([col, width]) => [columnLetters(col), { width }]))
  const sheet1 = { name: 'Sheet1', cells: cells(w.sheet1), ...(w.widths.length ? { columns } : {}) }
  return { format: 'gradsheet', version: 1, objective: w.objective, sheets: [sheet1, { name: 'Data', cells: cells(w.data) }] }
}

const sheet = fc.constantFrom('Sheet1', 'Data')
const command: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ type: fc.constant('copyCells' as const), fromSheet: sheet, from: rangeText, toSheet: sheet, to: fc.oneof(position.map((p) => addr(p.row, p.col)), rangeText), values: fc.boolean() }),
  fc.record({ type: fc.constant('moveCells' as const), fromSheet: sheet, from: rangeText, toSheet: sheet, to: position.map((p) => addr(p.row, p.col)) }),
  fc.tuple(sheet, position, fc.integer({ min: 1, max: 3 }), fc.constantFrom('down', 'up', 'right', 'left')).map(([s, p, n, way]): Edit => {
    const from = addr(p.row, p.col) + ':' + addr(p.row + 1, p.col)
    const to =
      way === 'down' ? `${addr(p.row, p.col)}:${addr(p.row + 1 + n, p.col)}`
      : way === 'up' ? `${addr(Math.max(1, p.row - n), p.col)}:${addr(p.row + 1, p.col)}`
      : way === 'right' ? `${addr(p.row, p.col)}:${addr(p.row + 1, p.col + n)}`
      : `${addr(p.row, Math.max(1, p.col - n))}:${addr(p.row + 1, p.col)}`
    return { type: 'fill', sheet: s, from, to }
  }),
  fc.record({ type: fc.constant('clearCells' as const), sheet, range: rangeText }),
  fc.record({
    type: fc.constantFrom('insertRows' as const, 'deleteRows' as const, 'insertColumns' as const, 'deleteColumns' as const),
    sheet,
    at: fc.integer({ min: 1, max: 9 }),
    count: fc.integer({ min: 1, max: 3 }),
  }),
)

describe('undo of editing commands, computed in the worker', () => {
  it('restores the workbook exactly, and redo repeats the command', () => {
    let changed = 0
    fc.assert(
      fc.property(workbook, command, (w, edit) => {
        const engine = createEngine(doc(w))
        const before = engine.toDocument()
        const { changes, inverses } = applyAction(engine, [edit])
        expect(inverses).toHaveLength(1)
        const after = engine.toDocument()
        if (JSON.stringify(after) !== JSON.stringify(before)) changed++
        const undone = engine.apply(inverses[0])
        expect(undone.rejected).toEqual([])
        expect(engine.toDocument()).toEqual(before)
        applyAction(engine, [edit])
        expect(engine.toDocument()).toEqual(after)
        // A refused command changes nothing and says why.
        if (changes.rejected.some((r) => r.edit === edit)) expect(after).toEqual(before)
      }),
      { seed: 1209, numRuns: 300 },
    )
    expect(changed).toBeGreaterThan(150) // most commands change something: the property is not vacuous
  })

  it('undoes a deletion that shifts a chain of named cells up (each name must be freed before it is given back)', () => {
    const cells = { A1: { input: '1', name: 'x' }, A2: { input: '2', name: 'b' }, A3: { input: '3', name: 'c' }, B1: { input: '=b + c' } }
    const engine = createEngine({ format: 'gradsheet', version: 1, objective: 'B1', sheets: [{ name: 'Sheet1', cells }] })
    const before = engine.toDocument()
    const { inverses } = applyAction(engine, [{ type: 'deleteRows', sheet: 'Sheet1', at: 1, count: 1 }])
    expect(engine.cell('Sheet1', 'A1').name).toBe('b')
    expect(engine.apply(inverses[0]).rejected).toEqual([])
    expect(engine.toDocument()).toEqual(before)
  })

  it('gives a column resize its own inverse: the width before', () => {
    const engine = createEngine()
    applyAction(engine, [{ type: 'setColumnWidth', sheet: 'Sheet1', column: 'C', width: 90 }])
    const { inverses } = applyAction(engine, [{ type: 'setColumnWidth', sheet: 'Sheet1', column: 'C', width: 150 }])
    expect(inverses).toEqual([[{ type: 'setColumnWidth', sheet: 'Sheet1', column: 'C', width: 90 }]])
  })

  it('expands a command after other edits of the same action from the state they leave', () => {
    const engine = createEngine()
    const { inverses } = applyAction(engine, [
      { type: 'setInput', sheet: 'Sheet1', address: 'A1', input: '=B1' },
      { type: 'insertRows', sheet: 'Sheet1', at: 1, count: 1 },
    ])
    expect(engine.cell('Sheet1', 'A2').input).toBe('=B2')
    engine.apply([...inverses[1], ...inverses[0]])
    expect(engine.cells()).toEqual([])
  })

  it('lists a refused command as rejected, with its reason, and changes nothing', () => {
    const engine = createEngine()
    const { changes, inverses } = applyAction(engine, [{ type: 'deleteRows', sheet: 'Nope', at: 1, count: 1 }])
    expect(changes.rejected).toEqual([{ edit: { type: 'deleteRows', sheet: 'Nope', at: 1, count: 1 }, message: 'there is no sheet named "Nope"' }])
    expect(inverses).toEqual([[]])
  })
})

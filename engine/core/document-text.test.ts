// The workbook's text written a slice at a time (core/document-text.ts): the pieces joined
// are serializeDocument(toDocument()) byte for byte, whatever the slice size, and edits
// made after the writer was taken never reach its text.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createEngine, type Edit, type Engine } from '../index'
import { serializeDocument } from '../workbook/serialize'
import type { WorkbookDocument } from '../workbook/document'

function drain(e: Engine, slice: number): string {
  const writer = e.textWriter()
  const pieces: string[] = []
  for (let piece = writer.next(slice); piece !== null; piece = writer.next(slice)) pieces.push(piece)
  return pieces.join('')
}

const reference = (e: Engine): string => serializeDocument(e.toDocument())

const address = fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 60 })).map(([c, r]) => `${c >= 26 ? 'A' : ''}${String.fromCharCode(65 + (c % 26))}${r}`)
const input = fc.oneof(fc.integer({ min: -9, max: 99 }).map(String), fc.constantFrom('=A1+1', '=SUM(A1:B3)', 'label', '=x*2', '', '=Other!A1'), fc.string({ unit: 'binary', maxLength: 6 }))
const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ type: fc.constant('setInput' as const), sheet: fc.constantFrom('Sheet1', 'Other'), address, input }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('setName' as const), sheet: fc.constantFrom('Sheet1', 'Other'), address, name: fc.constantFrom('x', 'w', 'J', null) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('setParam' as const), sheet: fc.constantFrom('Sheet1', 'Other'), address, param: fc.constantFrom(true, false, null) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('setColumnWidth' as const), sheet: fc.constant('Sheet1'), column: fc.constantFrom('A', 'C'), width: fc.constantFrom(40, 120, null) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('insertRows' as const), sheet: fc.constantFrom('Sheet1', 'Other'), at: fc.integer({ min: 1, max: 20 }), count: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('clearCells' as const), sheet: fc.constantFrom('Sheet1', 'Other'), range: fc.constantFrom('A1:B5', 'C3:D40') }) },
)

/** A loaded document with unknown fields at every level (kept on save) and cells out of row-major order. */
const loaded: WorkbookDocument = {
  format: 'gradsheet',
  version: 1,
  objective: null,
  zeta: { nested: [1, 2] },
  sheets: [
    { name: 'Sheet1', columns: { B: { width: 90 } }, note: 'kept', cells: { B2: { input: '=A1*2', tag: 'odd' }, A1: { input: '3', name: 'x', param: true }, A10: { input: 'last' } } },
    { name: 'Empty', cells: {} },
    { name: 'Other', cells: { C1: { input: '=x+1', param: false }, A1: { input: '' , memo: { k: 'v' } } } },
  ],
} as unknown as WorkbookDocument

describe('the workbook text, a slice at a time', () => {
  it('is serializeDocument(toDocument()) byte for byte, for any workbook and any slice size', () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 40 }), fc.integer({ min: 1, max: 50 }), (edits, slice) => {
        const e = createEngine(structuredClone(loaded))
        for (const one of edits) e.apply([one])
        expect(drain(e, slice)).toBe(reference(e))
      }),
      { seed: 20261202, numRuns: 200 },
    )
  })

  it('writes cells row-major when they were made in another order', () => {
    const e = createEngine()
    const made = [['C3', '3'], ['A3', '1'], ['B1', '2'], ['AA1', '4']]
    e.apply(made.map(([address, input]) => ({ type: 'setInput', sheet: 'Sheet1', address, input })))
    const text = drain(e, 2)
    expect(text).toBe(reference(e))
    expect([...text.matchAll(/"([A-Z]+\d+)":/g)].map((m) => m[1])).toEqual(['B1', 'AA1', 'A3', 'C3'])
  })

  it('is the workbook as it was when the writer was taken, whatever is edited while it writes', () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 15 }), fc.array(edit, { minLength: 1, maxLength: 15 }), fc.integer({ min: 1, max: 7 }), (before, after, slice) => {
        const e = createEngine(structuredClone(loaded))
        for (const one of before) e.apply([one])
        const expected = reference(e)
        const writer = e.textWriter()
        const pieces = [writer.next(slice) ?? '']
        for (const one of after) {
          e.apply([one])
          const piece = writer.next(slice)
          if (piece !== null) pieces.push(piece)
        }
        for (let piece = writer.next(slice); piece !== null; piece = writer.next(slice)) pieces.push(piece)
        expect(pieces.join('')).toBe(expected)
      }),
      { seed: 20261203, numRuns: 200 },
    )
  })

  it('keeps the snapshot when a sheet is renamed, widened or added after the writer was taken', () => {
    const e = createEngine(structuredClone(loaded))
    const expected = reference(e)
    const writer = e.textWriter()
    e.apply([
      { type: 'renameSheet', from: 'Sheet1', to: 'Data' },
      { type: 'setColumnWidth', sheet: 'Data', column: 'B', width: 30 },
      { type: 'addSheet', name: 'New' },
      { type: 'setInput', sheet: 'Data', address: 'A1', input: '4' },
    ])
    let text = ''
    for (let piece = writer.next(1); piece !== null; piece = writer.next(1)) text += piece
    expect(text).toBe(expected)
    expect(reference(e)).not.toBe(expected)
  })

  it('says when it is done', () => {
    const e = createEngine(structuredClone(loaded))
    const writer = e.textWriter()
    expect(writer.next(1000)).toBe(reference(e))
    expect(writer.next(1000)).toBeNull()
  })
})

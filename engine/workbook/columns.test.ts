import { describe, expect, it } from 'vitest'
import { createEngine } from '../index'
import { restoreDocument } from './restore.ts'
import { serializeDocument } from './serialize.ts'

const text = (columns: unknown) =>
  JSON.stringify({ format: 'gradsheet', version: 1, objective: null, sheets: [{ name: 'Sheet1', cells: { A1: { input: '1' } }, columns }] })

function errorOf(t: string): string {
  const r = restoreDocument(t)
  if (r.ok) throw new Error('expected a rejection, the document was accepted')
  return r.error
}

describe('the sheet field "columns" (column widths)', () => {
  it('loads, survives a save and reload, and keeps unknown fields of a column', () => {
    const r = restoreDocument(text({ B: { width: 120 }, C: { width: 40.5, hidden: true } }))
    if (!r.ok) throw new Error(r.error)
    const again = restoreDocument(serializeDocument(createEngine(r.doc).toDocument()))
    if (!again.ok) throw new Error(again.error)
    expect(again.doc.sheets[0].columns).toEqual({ B: { width: 120 }, C: { width: 40.5, hidden: true } })
  })

  it('is optional: a file without it loads and saves without it', () => {
    const r = restoreDocument(text(undefined))
    expect(r.ok && createEngine(r.doc).toDocument().sheets[0].columns).toBeUndefined()
  })

  it('changes through setColumnWidth without touching the loaded document or other column fields', () => {
    const r = restoreDocument(text({ C: { width: 40, hidden: true } }))
    if (!r.ok) throw new Error(r.error)
    const engine = createEngine(r.doc)
    engine.apply([{ type: 'setColumnWidth', sheet: 'Sheet1', column: 'C', width: null }, { type: 'setColumnWidth', sheet: 'Sheet1', column: 'A', width: 200 }])
    expect(engine.toDocument().sheets[0].columns).toEqual({ C: { hidden: true }, A: { width: 200 } })
    expect(r.doc.sheets[0].columns).toEqual({ C: { width: 40, hidden: true } })
    expect(engine.columnWidth('Sheet1', 'A')).toBe(200)
    expect(engine.columnWidth('Sheet1', 'C')).toBeNull()
  })

  it('refuses bad values with a message naming the sheet and column', () => {
    expect(errorOf(text([100]))).toMatch(/sheet "Sheet1": "columns" must be an object keyed by column letters/)
    expect(errorOf(text({ b: { width: 10 } }))).toMatch(/"b" is not a column \(upper-case letters A to XFD\)/)
    expect(errorOf(text({ XFE: { width: 10 } }))).toMatch(/"XFE" is not a column/)
    expect(errorOf(text({ B: 120 }))).toMatch(/"columns" B must be an object like \{"width": 120\}/)
    expect(errorOf(text({ B: { width: -1 } }))).toMatch(/"columns" B: a column width must be a number of px from 1 to 4096, found the number -1/)
    expect(errorOf(text({ B: { width: '120' } }))).toMatch(/found the text "120"/)
  })
})

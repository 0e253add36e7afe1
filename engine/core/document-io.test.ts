// Loading a document: the walk that fills the state (core/document-io.ts) and its
// consumeDocument mode, in which the engine empties each sheet's cells as it reads them
// (the CLI's peak memory, issue 12). Consuming must change nothing the engine shows.
import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createEngine } from '../index'
import { loadDocument } from './document-io'
import { WorkbookState } from './workbook-state'
import { restoreDocument } from '../workbook/restore'
import type { WorkbookDocument } from '../workbook/document'

const examples = resolve(import.meta.dirname, '../../examples')

function docOf(text: string): WorkbookDocument {
  const r = restoreDocument(text)
  if (!r.ok) throw new Error(r.error)
  return r.doc
}

/** Two sheets, names, param marks, unknown fields, a lower-case key, a cross-sheet reference and a cycle. */
const mixed = JSON.stringify({
  format: 'gradsheet', version: 1, objective: 'J', note: { kept: true },
  sheets: [
    { name: 'Data', color: 'red', cells: { A1: { input: '2', name: 'x', param: true }, a2: { input: '=x^2', tag: 7 }, B1: { input: '=B2+1' }, B2: { input: '=B1' } } },
    { name: 'Model', cells: { A1: { input: '=Data!A2*3', name: 'J' }, C3: { input: 'label', param: false } } },
  ],
})

describe('loadDocument', () => {
  const texts = [mixed, ...readdirSync(examples).filter((f) => f.endsWith('.gradsheet')).map((f) => readFileSync(join(examples, f), 'utf8'))]

  it('consumeDocument: the same cells, objective and saved document, and the given document is emptied', () => {
    for (const text of texts) {
      const kept = docOf(text)
      const given = docOf(text)
      const plain = createEngine(kept)
      const consuming = createEngine(given, { consumeDocument: true })
      expect(consuming.cells()).toEqual(plain.cells())
      expect(consuming.objective()).toEqual(plain.objective())
      expect(consuming.toDocument()).toEqual(plain.toDocument())
      for (const sheet of given.sheets) expect(Object.keys(sheet.cells)).toEqual([])
    }
  })

  it('without consumeDocument the document is left as it was', () => {
    const doc = docOf(mixed)
    const before = structuredClone(doc)
    createEngine(doc)
    expect(doc).toEqual(before)
  })

  it('reads canonical and other key spellings alike, and skips entries without input text', () => {
    const doc = { format: 'gradsheet', version: 1, objective: null, sheets: [{ name: 'S', cells: { B2: { input: '1' }, $c$3: { input: '=B2+1' }, D4: { name: 'n' }, ZZZZ1: { input: '5' } } }] } as unknown as WorkbookDocument
    const engine = createEngine(doc)
    expect(engine.cell('S', 'C3').value).toEqual({ kind: 'number', value: 2 })
    expect(engine.cells().map((c) => c.address)).toEqual(['B2', 'C3'])
  })

  it('lays the tape out once, in evaluation order, in arrays of the exact size', () => {
    // A chain written bottom-up: key order is the reverse of evaluation order.
    const n = 3000
    const cells: Record<string, { input: string }> = {}
    for (let r = n; r >= 2; r--) cells[`A${r}`] = { input: `=A${r - 1}+1` }
    cells.A1 = { input: '1' }
    const w = new WorkbookState()
    loadDocument(w, { format: 'gradsheet', version: 1, objective: null, sheets: [{ name: 'S', cells }] })
    expect(w.schedule.stale).toBe(false)
    expect(w.tape.capacity).toBe(w.tape.length) // no slack left by doubling
    expect(w.tape.dead).toBe(0)
    let last = -1
    for (let p = 0; p < w.schedule.length; p++) {
      const id = w.schedule.order[p]
      if (w.tape.sizeOf(id) === 0) continue
      expect(w.tape.startOf(id)).toBeGreaterThan(last)
      last = w.tape.startOf(id)
    }
    expect(w.store.users.count(w.sheets.cells(0).get(1, 1))).toBe(1)
  })

  it('stores each constant as the first pass would: the same views and figures as typing the inputs in', () => {
    // Numbers (a typed -0, an exponent, one too large: #NUM!), labels (quoted, spaced, a number with spaces), an empty input, and formulas reading them.
    const inputs: Record<string, string> = {
      A1: '2', A2: '-0', A3: '1.5e3', A4: '1e999', A5: "'7", A6: 'text', A7: ' 3 ', A8: '',
      B1: '=A1+A3', B2: '=A4+1', B3: '=A2*2', B4: '=A7', C1: '=SUM(A1:A8)',
    }
    const cells = Object.fromEntries(Object.entries(inputs).map(([k, input]) => [k, { input }]))
    const loaded = createEngine({ format: 'gradsheet', version: 1, objective: 'C1', sheets: [{ name: 'S', cells }] })
    const typed = createEngine({ format: 'gradsheet', version: 1, objective: 'C1', sheets: [{ name: 'S', cells: {} }] })
    const list = typed.apply(Object.entries(inputs).map(([address, input]) => ({ type: 'setInput' as const, sheet: 'S', address, input })))
    expect(loaded.cells()).toEqual(typed.cells())
    expect(loaded.objective()).toEqual(typed.objective())
    expect(loaded.cell('S', 'A4').value).toMatchObject({ kind: 'error', error: { code: '#NUM!' } })
    // The workbook figures the app's status bar reads after the first update (one error cell: A4; B2 reads it).
    const after = loaded.apply([{ type: 'setInput', sheet: 'S', address: 'A1', input: '2' }], { views: 'none' })
    expect(after.figures).toEqual(list.figures)
  })
})

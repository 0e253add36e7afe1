// Property tests: any valid document survives serialize → restore unchanged, and no
// text at all, however mangled, makes restore throw.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CellEntry, WorkbookDocument } from './document.ts'
import { restoreDocument } from './restore.ts'
import { serializeDocument } from './serialize.ts'
import { sheetNameProblem } from './sheet-name.ts'

const columnLetters = (n: number) => {
  let s = ''
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s
  return s
}
const address = fc.tuple(fc.integer({ min: 1, max: 16384 }), fc.integer({ min: 1, max: 1048576 })).map(([c, r]) => columnLetters(c) + r)
const extraKey = fc.constantFrom('note', 'color', 'zz', '__proto__', 'format', 'width')
const json = fc.jsonValue({ maxDepth: 2 })
const cell = fc.record(
  { input: fc.string(), param: fc.boolean(), extras: fc.dictionary(extraKey, json, { maxKeys: 2 }) },
  { requiredKeys: ['input'] },
)

const documentArb = fc
  .record({
    objective: fc.option(fc.constantFrom('J', 'B4', 'Sheet1!B4', 'x_1'), { nil: null }),
    sheets: fc.uniqueArray(
      fc.record({ name: fc.string({ minLength: 1 }).filter((s) => sheetNameProblem(s) === null), cells: fc.dictionary(address, cell, { maxKeys: 6 }) }),
      { minLength: 1, maxLength: 3, selector: (s) => s.name.toLowerCase() },
    ),
    extras: fc.dictionary(fc.constantFrom('title', 'meta', '__proto__'), json, { maxKeys: 2 }),
  })
  .map(({ objective, sheets, extras }) => {
    let nameCount = 0
    const doc = { format: 'gradsheet', version: 1, objective, sheets: [] } as unknown as WorkbookDocument
    for (const [k, v] of Object.entries(extras)) Object.defineProperty(doc, k, { value: v, enumerable: true, writable: true, configurable: true })
    for (const s of sheets) {
      const cells: Record<string, CellEntry> = {}
      for (const [key, c] of Object.entries(s.cells)) {
        const entry = { input: c.input } as CellEntry
        // Every third cell gets a (unique) name.
        if (nameCount++ % 3 === 0) entry.name = `n_${nameCount}`
        if (c.param !== undefined) entry.param = c.param
        for (const [k, v] of Object.entries(c.extras ?? {})) {
          if (k === 'format' || !(k in entry)) Object.defineProperty(entry, k, { value: v, enumerable: true, writable: true, configurable: true })
        }
        cells[key] = entry
      }
      doc.sheets.push({ name: s.name, cells })
    }
    return doc
  })

describe('restore and serialize together', () => {
  it('any valid document round-trips exactly, and re-serializes to the same bytes', () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        const text = serializeDocument(doc)
        const r = restoreDocument(text)
        expect(r.ok).toBe(true)
        if (!r.ok) return
        expect(JSON.parse(serializeDocument(r.doc))).toEqual(JSON.parse(text))
        expect(serializeDocument(r.doc)).toBe(text)
      }),
      { numRuns: 200 },
    )
  })

  it('never throws on mangled text: truncated, spliced or arbitrary', () => {
    fc.assert(
      fc.property(documentArb, fc.nat(), fc.string({ maxLength: 4 }), (doc, at, junk) => {
        const text = serializeDocument(doc)
        const cut = at % (text.length + 1)
        for (const mangled of [text.slice(0, cut), text.slice(0, cut) + junk + text.slice(cut + 1)]) {
          const r = restoreDocument(mangled)
          if (!r.ok) expect(r.error.length).toBeGreaterThan(10)
        }
      }),
      { numRuns: 300 },
    )
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      const r = restoreDocument(JSON.stringify(value) ?? '')
      expect(r.ok).toBe(false)
    }))
  })
})

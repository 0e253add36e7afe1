import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { WorkbookDocument } from './document.ts'
import { restoreDocument } from './restore.ts'
import { serializeDocument } from './serialize.ts'

describe('serializeDocument', () => {
  it('writes known keys first, extras sorted, cells row-major one per line, 2-space JSON with a final newline', () => {
    const doc = {
      zeta: 1,
      sheets: [
        {
          cells: {
            B2: { param: false, input: '=x+1', name: 'h', note: 'n' },
            AA1: { input: '3' },
            A10: { input: '10' },
            B1: { input: '-3', name: 'x' },
            A2: { input: 'label' },
          },
          name: 'Sheet1',
        },
      ],
      objective: 'h',
      alpha: true,
      version: 1,
      format: 'gradsheet',
    } as unknown as WorkbookDocument
    const text = serializeDocument(doc)
    expect(text.endsWith('}\n')).toBe(true)
    expect(text).toBe(
      [
        '{',
        '  "format": "gradsheet",',
        '  "version": 1,',
        '  "objective": "h",',
        '  "sheets": [',
        '    {',
        '      "name": "Sheet1",',
        '      "cells": {',
        '        "B1": { "input": "-3", "name": "x" },',
        '        "AA1": { "input": "3" },',
        '        "A2": { "input": "label" },',
        '        "B2": { "input": "=x+1", "name": "h", "param": false, "note": "n" },',
        '        "A10": { "input": "10" }',
        '      }',
        '    }',
        '  ],',
        '  "alpha": true,',
        '  "zeta": 1',
        '}',
        '',
      ].join('\n'),
    )
  })

  it('writes a nested extra field on the cell line, and a 1M-cell chain in under 64 MiB', () => {
    const nested = serializeDocument({ format: 'gradsheet', version: 1, objective: null, sheets: [{ name: 'S', cells: { A1: { input: '1', meta: { a: [1, 2] } } } }] } as unknown as WorkbookDocument)
    expect(nested).toContain('\n        "A1": { "input": "1", "meta": { "a": [ 1, 2 ] } }\n')
    const cells: Record<string, { input: string }> = { A1: { input: '0.5' } }
    for (let i = 2; i <= 1_000_000; i++) cells[`A${i}`] = { input: `=A${i - 1}+0.0001*tanh(A${i - 1})` }
    const text = serializeDocument({ format: 'gradsheet', version: 1, objective: 'A1000000', sheets: [{ name: 'Sheet1', cells }] } as WorkbookDocument)
    expect(new TextEncoder().encode(text).length).toBeLessThan(64 * 1024 * 1024)
  })

  it('is stable: restore then serialize gives the same bytes again', () => {
    const text = serializeDocument({
      format: 'gradsheet',
      version: 1,
      objective: null,
      sheets: [{ name: 'A', cells: { C3: { input: '1' }, A1: { input: '=C3', name: 'y' } } }, { name: 'B', cells: {} }],
    })
    const r = restoreDocument(text)
    expect(r.ok).toBe(true)
    if (r.ok) expect(serializeDocument(r.doc)).toBe(text)
  })

  it('writes each cell line as the general path does: any text, names, params, or fields it does not know', () => {
    // The usual cell (input, name, param) is written directly (serialize.ts `plainCellLine`); the
    // reference here is the general path's rule: known fields in order, unknown ones sorted, then
    // JSON on one line.
    const reference = (cell: Record<string, unknown>): string => {
      const out: Record<string, unknown> = { input: cell.input }
      if (cell.name !== undefined) out.name = cell.name
      if (cell.param !== undefined) out.param = cell.param
      for (const key of Object.keys(cell).filter((k) => !['input', 'name', 'param'].includes(k)).sort()) out[key] = cell[key]
      return JSON.stringify(out, null, 1).replace(/\n */g, ' ')
    }
    const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('=A1+1', '"quoted"', 'back\\slash', 'line\nbreak', '\u2028', '\ud800', ''))
    const cell = fc.record(
      { input: text, name: text, param: fc.boolean(), note: fc.oneof(text, fc.integer(), fc.constant(null)), zz: fc.array(fc.integer(), { maxLength: 2 }) },
      { requiredKeys: ['input'] },
    )
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 8 }), (list) => {
        const cells: Record<string, unknown> = {}
        list.forEach((c, i) => (cells[`A${i + 1}`] = c))
        const written = serializeDocument({ format: 'gradsheet', version: 1, objective: null, sheets: [{ name: 'S', cells }] } as unknown as WorkbookDocument)
        const lines = list.map((c, i) => `        "A${i + 1}": ${reference(c as Record<string, unknown>)}`)
        expect(written).toContain(`"cells": {\n${lines.join(',\n')}\n      }`)
      }),
      { seed: 20261201, numRuns: 300 },
    )
  })

  it('writes a null objective when the document has none', () => {
    const doc = { format: 'gradsheet', version: 1, sheets: [{ name: 'S', cells: {} }] } as unknown as WorkbookDocument
    expect(JSON.parse(serializeDocument(doc)).objective).toBe(null)
  })
})

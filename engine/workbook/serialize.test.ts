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

  it('writes a null objective when the document has none', () => {
    const doc = { format: 'gradsheet', version: 1, sheets: [{ name: 'S', cells: {} }] } as unknown as WorkbookDocument
    expect(JSON.parse(serializeDocument(doc)).objective).toBe(null)
  })
})

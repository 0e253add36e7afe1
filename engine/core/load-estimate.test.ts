// The load's size estimates (core/load-estimate.ts): read from the first formulas, used to
// make the binding pool and the tape in the reserve burst; loading must then need no
// larger arrays for documents of one kind of formula, and must compute the same views.
import { describe, expect, it } from 'vitest'
import { createEngine } from '../index'
import { loadDocument } from './document-io'
import { ESTIMATE_SAMPLE, estimateLoad } from './load-estimate'
import { WorkbookState } from './workbook-state'
import type { WorkbookDocument } from '../workbook/document'

const docOf = (cells: Record<string, { input: string; name?: string }>): WorkbookDocument => ({ format: 'gradsheet', version: 1, objective: null, sheets: [{ name: 'S', cells }] })

/** n rows: inputs in A, a formula per row in B (`formula(r)`), a name w in C1. */
function rows(n: number, formula: (r: number) => string): Record<string, { input: string; name?: string }> {
  const cells: Record<string, { input: string; name?: string }> = { C1: { input: '0.5', name: 'w' } }
  for (let r = 1; r <= n; r++) {
    cells[`A${r}`] = { input: String(r) }
    cells[`B${r}`] = { input: formula(r) }
  }
  return cells
}

describe('estimateLoad', () => {
  it('gives nothing for small documents and for formulas the shape reader does not read', () => {
    const staged = (inputs: string[]) => ({ inputs, formula: Uint8Array.from(inputs, (s) => (s.startsWith('=') ? 1 : 0)), count: inputs.length })
    const small = Array.from({ length: 2 * ESTIMATE_SAMPLE - 1 }, (_, k) => `=A${k + 1}+1`)
    expect(estimateLoad([staged(small)], small.length)).toBeNull()
    const ranges = Array.from({ length: 2 * ESTIMATE_SAMPLE }, (_, k) => `=SUM(A${k + 1}:A${k + 3})`)
    expect(estimateLoad([staged(ranges)], ranges.length)).toBeNull()
  })

  for (const [what, formula] of [
    ['single references', (r: number) => `=A${r}*2+1`],
    ['a name and a repeated reference', (r: number) => `=w*A${r}+A${r}^2`],
    // Rows alternating two shapes, and first rows unlike the rest: a sample of every n-th formula or of the first ones would be far off.
    ['two shapes alternating', (r: number) => (r % 2 === 0 ? `=w*A${r}+A${r}^2` : `=A${r}+1`)],
    ['first rows unlike the rest', (r: number) => (r <= 1000 ? `=w*A${r}+A${r}^2+w*3` : `=A${r}+1`)],
  ] as const) {
    it(`sizes the pool and the tape once, with room for every formula (${what})`, () => {
      const n = 3 * ESTIMATE_SAMPLE
      const w = new WorkbookState()
      let estimate: ReturnType<typeof estimateLoad> = null
      const reserve = w.reserveCells.bind(w)
      w.reserveCells = (cells, expected) => {
        estimate = expected ?? null
        reserve(cells, expected)
      }
      loadDocument(w, docOf(rows(n, formula)))
      expect(estimate).not.toBeNull()
      const { poolEntries, tapeOps } = estimate!
      // The arrays made in the reserve burst are the ones the load ended with (nothing grew), with little to spare (5 % headroom, and the sample's error).
      expect(w.store.bindings.ids.length).toBe(poolEntries)
      expect(w.store.bindings.length).toBeLessThanOrEqual(poolEntries)
      expect(w.store.bindings.length).toBeGreaterThan(poolEntries / 1.1)
      expect(w.tape.capacity).toBe(tapeOps)
      expect(w.tape.length).toBeGreaterThan(tapeOps / 1.1)
    })
  }

  it('changes nothing a user sees: the same cells as loading the document in pieces by edits', () => {
    const cells = rows(3 * ESTIMATE_SAMPLE, (r) => `=w*A${r}+A${r}^2`)
    const loaded = createEngine(docOf(cells))
    const typed = createEngine(docOf({}))
    typed.apply(Object.entries(cells).map(([address, c]) => ({ type: 'setInput' as const, sheet: 'S', address, input: c.input })))
    typed.apply([{ type: 'setName', sheet: 'S', address: 'C1', name: 'w' }])
    expect(loaded.cells()).toEqual(typed.cells())
  })
})

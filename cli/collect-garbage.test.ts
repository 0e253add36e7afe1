// The collection the CLI makes once a large document has been read (collect-garbage.ts):
// it really collects, the engine calls it at the right moment, and every command asks for it.
import { describe, expect, it } from 'vitest'
import { createEngine } from '../engine/index.ts'
import { COLLECT_FROM_CELLS, collectAfterLargeDocument, collectGarbage } from './collect-garbage.ts'
import { COMMAND_ENGINE_OPTIONS } from './command-engine.ts'

describe('collectGarbage', () => {
  it('frees memory nothing refers to any more, now', () => {
    let block: Uint8Array | null = new Uint8Array(64 * 1024 * 1024).fill(1)
    const held = process.memoryUsage().arrayBuffers
    expect(block.length).toBeGreaterThan(0)
    block = null
    expect(collectGarbage()).toBe(true)
    expect(held - process.memoryUsage().arrayBuffers).toBeGreaterThanOrEqual(60 * 1024 * 1024)
  })

  it('is what every command builds its engine with, from 200,000 cells on', () => {
    expect(COMMAND_ENGINE_OPTIONS).toEqual({ consumeDocument: true, afterDocumentRead: collectAfterLargeDocument })
    expect(COLLECT_FROM_CELLS).toBe(200_000)
  })
})

describe("createEngine's afterDocumentRead", () => {
  it('is called once with the cell count, once the document has been let go', () => {
    const doc = {
      format: 'gradsheet',
      version: 1,
      objective: 'B1',
      sheets: [
        { name: 'Sheet1', cells: { A1: { input: '2' }, B1: { input: '=A1^2' } } },
        { name: 'Other', cells: { A1: { input: '=Sheet1!B1' } } },
      ],
    }
    const calls: { cells: number; leftInDocument: number }[] = []
    const engine = createEngine(doc as never, {
      consumeDocument: true,
      afterDocumentRead: (cells) => calls.push({ cells, leftInDocument: doc.sheets.reduce((n, s) => n + Object.keys(s.cells).length, 0) }),
    })
    expect(calls).toEqual([{ cells: 3, leftInDocument: 0 }])
    expect(engine.objective().value).toBe(4)
  })
})

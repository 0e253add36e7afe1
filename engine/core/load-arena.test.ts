// The load's arena (core/load-arena.ts): arrays cut from one buffer at 8-byte boundaries,
// separate arrays once it is used up, and a loaded document's per-cell arrays (and its
// estimated pool and tape) all cut from one buffer, which is what keeps a million-cell
// load to one full collection (docs/benchmarks.md, "Eighth session: the 1M loads").
import { describe, expect, it } from 'vitest'
import { loadDocument } from './document-io'
import { ESTIMATE_SAMPLE } from './load-estimate'
import { LoadArena } from './load-arena'
import { WorkbookState } from './workbook-state'

describe('LoadArena', () => {
  it('cuts zeroed arrays from one buffer, each at an 8-byte boundary, then makes its own', () => {
    const arena = new LoadArena(64)
    const a = arena.uint8(3)
    const b = arena.float64(2)
    const c = arena.int32(3)
    expect(b.buffer).toBe(a.buffer)
    expect(c.buffer).toBe(a.buffer)
    expect([a.byteOffset, b.byteOffset, c.byteOffset]).toEqual([0, 8, 24])
    expect([...b, ...c]).toEqual([0, 0, 0, 0, 0])
    const d = arena.float64(8) // 64 bytes: more than is left
    expect(d.buffer).not.toBe(a.buffer)
    expect(d.length).toBe(8)
    expect(arena.cut).toBe(40)
  })
})

describe('loading a document', () => {
  it('cuts the per-cell arrays, the binding pool and the tape from one buffer', () => {
    const cells: Record<string, { input: string }> = { A1: { input: '1' } }
    for (let r = 2; r <= 3 * ESTIMATE_SAMPLE; r++) cells[`A${r}`] = { input: `=A${r - 1}*0.5+1` }
    const w = new WorkbookState()
    loadDocument(w, { format: 'gradsheet', version: 1, objective: null, sheets: [{ name: 'S', cells }] })
    const one = w.store.row.buffer
    const arrays = [
      w.store.sheet, w.store.col, w.store.kind, w.store.num, w.store.param,
      w.store.bindings.slotStart, w.store.bindings.start, w.store.bindings.ids,
      w.schedule.order, w.schedule.pos, w.schedule.dirty, w.grads.num, w.grads.next,
      w.store.users.rows().start, w.store.users.rows().live, w.tapeCells.ids, w.tape.seg, w.tape.code, w.tape.num,
    ]
    for (const a of arrays) expect(a.buffer).toBe(one)
    expect(w.store.count).toBe(3 * ESTIMATE_SAMPLE)
  })
})

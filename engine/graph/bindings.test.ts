// The flat binding table on its own: slot and name ids in one pool, precedents sharing
// the slot ids when they are the same cells, dead entries reclaimed by compaction, and
// bound formulas through the engine's own bind (one object per formula cell is gone).
import { describe, expect, it } from 'vitest'
import type { Program } from '../formula/program'
import { boundState } from '../test/bound-state'
import { loadDocument } from '../core/document-io'
import { WorkbookState } from '../core/workbook-state'
import { BindingTable } from './bindings'

const prog = (names: string[] = []): Program => ({ ops: [{ k: 'cell', slot: 0 }], names })

describe('binding table', () => {
  it('keeps slots, names and precedents in one pool; precedents alias the slots when they are the same cells', () => {
    const t = new BindingTable()
    t.grow(8)
    const p = prog()
    let at = t.open(1, p, 2, 0)
    t.ids[at] = 5
    t.ids[at + 1] = 6
    t.precedentsAreSlots(1, 2)
    expect(t.start[1]).toBe(at)
    const v = t.view(1)!
    expect(v.program).toBe(p)
    expect([...v.slotIds]).toEqual([5, 6])
    expect([...v.precedents]).toEqual([5, 6])
    expect(v.nameIds.length).toBe(0)
    // A name and a repeated cell: precedents are a separate distinct list.
    const q = prog(['w'])
    at = t.open(2, q, 2, 1)
    t.ids.set([7, 7, 3], at)
    t.setPrecedents(2, [7, 3])
    const u = t.view(2)!
    expect([...u.slotIds]).toEqual([7, 7])
    expect([...u.nameIds]).toEqual([3])
    expect([...u.precedents]).toEqual([7, 3])
    expect(t.view(0)).toBeNull()
    expect(t.has(2) && !t.has(3)).toBe(true)
  })

  it('compacts dead entries instead of growing, and every live binding reads the same afterwards', () => {
    const t = new BindingTable()
    t.grow(4000)
    const p = prog()
    // 3000 cells of 1 slot each fill the 1024-entry pool several times over while most are unbound.
    for (let id = 0; id < 3000; id++) {
      const at = t.open(id, p, 1, 0)
      t.ids[at] = id + 1
      if (id % 3 === 0) t.setPrecedents(id, [id + 1, id + 2])
      else t.precedentsAreSlots(id, 1)
      if (id % 10 !== 0) t.close(id)
    }
    expect(t.ids.length).toBeLessThan(2048) // live entries are few: compaction, not doubling
    for (let id = 0; id < 3000; id++) {
      const v = t.view(id)
      if (id % 10 !== 0) {
        expect(v).toBeNull()
        expect(t.count[id]).toBe(0)
        continue
      }
      expect([...v!.slotIds]).toEqual([id + 1])
      expect([...v!.precedents]).toEqual(id % 3 === 0 ? [id + 1, id + 2] : [id + 1])
    }
  })

  it('binds formulas without an object per cell: ranges and slot errors in the side map only', () => {
    const { w, id } = boundState({ A1: '1', A2: '=A1*2', A3: '=A1+A1', B1: '=SUM(A1:A2)+A3', B2: '=Nope!A1+A2' })
    const t = w.store.bindings
    expect(t.rare.has(id('A2')) || t.rare.has(id('A3'))).toBe(false)
    expect([...w.store.bindingOf(id('A2'))!.precedents]).toEqual([id('A1')])
    expect([...w.store.bindingOf(id('A3'))!.precedents]).toEqual([id('A1')]) // a repeated cell is one edge
    expect(t.start[id('A2')]).toBe(t.slotStart[id('A2')]) // precedents are the slot ids themselves
    const b1 = w.store.bindingOf(id('B1'))!
    expect([...b1.rangeIds[0]!]).toEqual([id('A1'), id('A2')])
    expect([...b1.precedents]).toEqual([id('A3'), id('A1'), id('A2')])
    const b2 = w.store.bindingOf(id('B2'))!
    expect(b2.slotErrs[0]?.code).toBe('#REF!')
    expect([...b2.precedents]).toEqual([id('A2')])
    expect(w.store.bindingOf(id('A1'))).toBeNull()
  })

  it('cells whose formulas have the same shape share one program; per cell only ids go into the pool', () => {
    const cells: Record<string, string> = { A1: '1' }
    for (let r = 2; r <= 200; r++) cells[`A${r}`] = `=A${r - 1}+1`
    cells.B1 = '=A1+2'
    cells.C1 = '=Sheet1!A1+1'
    const { w, id } = boundState(cells)
    const t = w.store.bindings
    const shared = t.program[id('A2')]
    for (let r = 3; r <= 200; r++) expect(t.program[id(`A${r}`)]).toBe(shared)
    expect(t.program[id('B1')]).not.toBe(shared) // another constant is another shape
    expect(t.program[id('C1')]).toBe(shared) // the sheet qualifier is not part of the shape
    expect(w.store.bindingOf(id('A2'))!.fast).toBe(w.store.bindingOf(id('A200'))!.fast)
    // One pool entry per formula cell here: its one slot id, which is also its precedent row.
    expect(t.length).toBe(201)
    expect([...w.store.bindingOf(id('A100'))!.slotIds]).toEqual([id('A99')])
  })

  it('expect() grows the pool once to the size asked, keeping every entry', () => {
    const t = new BindingTable()
    t.grow(4)
    const at = t.open(1, prog(), 2, 0)
    t.ids.set([5, 6], at)
    t.precedentsAreSlots(1, 2)
    t.expect(50_000)
    expect(t.ids.length).toBe(50_000)
    expect([...t.view(1)!.precedents]).toEqual([5, 6])
    t.expect(10) // never shrinks
    expect(t.ids.length).toBe(50_000)
  })
})

describe('loading a document sizes the binding pool from its first formulas', () => {
  it('ends with the pool near its used size instead of the next power of two', () => {
    // 10,000 formulas of one pool entry each: doubling would end at 16,384 entries.
    const cells: Record<string, { input: string }> = { A1: { input: '1' } }
    for (let r = 2; r <= 10_001; r++) cells[`A${r}`] = { input: `=A${r - 1}+1` }
    const w = new WorkbookState()
    loadDocument(w, { format: 'gradsheet', version: 1, objective: null, sheets: [{ name: 'S', cells }] })
    const t = w.store.bindings
    expect(t.length).toBe(10_000)
    expect(t.ids.length).toBeGreaterThanOrEqual(t.length)
    expect(t.ids.length).toBeLessThan(1.2 * t.length)
  })
})

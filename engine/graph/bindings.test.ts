// The flat binding table on its own: slot and name ids in one pool, precedents sharing
// the slot ids when they are the same cells, dead entries reclaimed by compaction, and
// bound formulas through the engine's own bind (one object per formula cell is gone).
import { describe, expect, it } from 'vitest'
import type { Program } from '../formula/program'
import { boundState } from '../test/bound-state'
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
})

// J's cone on its own: which cells the objective reads, transitively.
import { describe, expect, it } from 'vitest'
import { boundState as stateOf } from '../test/bound-state'

describe('objective cone', () => {
  it('holds every cell J reads through formulas and ranges, and nothing else', () => {
    const { w, id } = stateOf({ A1: '1', A2: '=A1 * 2', B1: '=SUM(C1:C3)', D1: '=A2 + B1', E1: '=D1 + 1', F1: '7' })
    const cone = w.grads.cone
    cone.compute(w.store, id('D1'))
    const inside = ['D1', 'A2', 'A1', 'B1', 'C1', 'C2', 'C3']
    expect(inside.every((a) => cone.has(id(a)))).toBe(true)
    expect(cone.has(id('E1')) || cone.has(id('F1'))).toBe(false)
    expect(cone.count).toBe(inside.length)
    expect(cone.matters(id('F1'))).toBe(false)
  })

  it('a stale or cleared cone counts every change', () => {
    const { w, id } = stateOf({ A1: '1', B1: '=A1' })
    const cone = w.grads.cone
    cone.compute(w.store, id('B1'))
    cone.clear()
    expect(cone.matters(id('A1'))).toBe(true)
    cone.compute(w.store, id('B1'))
    w.grads.structureChanged()
    expect(cone.matters(id('A1'))).toBe(true)
  })

  it('terminates on a cycle', () => {
    const { w, id } = stateOf({ A1: '=B1', B1: '=A1 + 1', C1: '=B1' })
    w.grads.cone.compute(w.store, id('C1'))
    expect(w.grads.cone.count).toBe(3)
  })
})

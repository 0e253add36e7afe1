// The list of cells with a tape segment, in order (core/tape-cells.ts): built from the
// order and the segments, rebuilt only when either changed, and the count of formula
// cells off the tape that makes the passes walk the whole order instead.
import { describe, expect, it } from 'vitest'
import { setInput } from './binding'
import { forward } from './forward'
import { boundState } from '../test/bound-state'

describe('the cells on the tape, in order', () => {
  const fixture = () => {
    const state = boundState({ A1: '1', A2: '2', B1: '=A1 * A2', B2: '=B1 + A2', C1: 'label', C2: '=B2 * 0.5 + B1 * 0.5' })
    forward(state.w)
    return state
  }

  it('lists the formula cells with a segment in evaluation order, and finds each by its position', () => {
    const { w, id } = fixture()
    const cells = w.tapeCells
    const { order, length, pos } = w.schedule
    const expected = Array.from(order.subarray(0, length)).filter((c) => w.tape.has(c))
    expect(Array.from(cells.ids.subarray(0, cells.count))).toEqual(expected)
    expect(expected.map((c) => w.store.input[c])).toEqual(['=A1 * A2', '=B1 + A2', '=B2 * 0.5 + B1 * 0.5'])
    expect(cells.offTape).toBe(0)
    expected.forEach((c, k) => expect(cells.indexOf(c, pos)).toBe(k))
    for (const a of ['A1', 'A2', 'C1']) expect(cells.indexOf(id(a), pos)).toBe(-1)
  })

  it('counts formula cells off the tape, and follows segments made and dropped', () => {
    const { w, id } = fixture()
    setInput(w, id('D1'), '=[A1, A2] * 2') // a vector: no scalar fast form
    setInput(w, id('D2'), '=A1 - A2')
    forward(w)
    expect(w.tapeCells.offTape).toBe(1)
    expect(Array.from(w.tapeCells.ids.subarray(0, w.tapeCells.count))).toContain(id('D2'))
    setInput(w, id('D1'), '5') // a constant again: its binding goes
    setInput(w, id('B2'), '7')
    forward(w)
    expect(w.tapeCells.offTape).toBe(0)
    expect(Array.from(w.tapeCells.ids.subarray(0, w.tapeCells.count))).not.toContain(id('B2'))
  })

  it('is not rebuilt while neither the order nor the segments changed', () => {
    const { w } = fixture()
    const before = w.tapeCells.ids
    w.tapeCells.ids = before.slice() // a copy: a rebuild would write into it
    w.tapeCells.ids[0] = -7
    forward(w)
    expect(w.tapeCells.ids[0]).toBe(-7)
    w.schedule.stale = true // the order is recomputed: rebuilt
    forward(w)
    expect(w.tapeCells.ids[0]).not.toBe(-7)
  })
})

// computeOrder on its own: working in arrays the caller lends (the load's gradient arrays,
// core/binding.ts layoutLoaded) must give the same order and cycles as its own arrays,
// whatever those spare arrays held before, and must fall back when they are too small.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeOrder, rowsOf } from './order'

/** A random graph of n cells (with cycles and self-references): each cell reads up to 3 others. */
const graphs = fc.integer({ min: 1, max: 40 }).chain((n) =>
  fc.array(fc.array(fc.integer({ min: 0, max: n - 1 }), { maxLength: 3 }), { minLength: n, maxLength: n }))

const plain = (lists: number[][]) => {
  const r = computeOrder(lists.length, rowsOf(lists))
  return { order: [...r.order], cycles: r.cycles.map((c) => [...c]) }
}

describe('computeOrder with lent arrays', () => {
  it('gives the same order and cycles as with its own arrays, whatever the spare arrays held', () => {
    fc.assert(
      fc.property(graphs, fc.integer({ min: 0, max: 5 }), (lists, spareCount) => {
        const n = lists.length
        const garbage = (len: number) => Int32Array.from({ length: len }, (_, k) => (k * 7919) % 13 - 6)
        const spare = Array.from({ length: spareCount }, (_, k) => garbage(n * (k % 3) + (k === 4 ? 1 : 0)))
        const into = { order: garbage(n + 2), scratch: garbage(n + 1), spare }
        const r = computeOrder(n, rowsOf(lists), into)
        expect({ order: [...r.order], cycles: r.cycles.map((c) => [...c]) }).toEqual(plain(lists))
        expect(r.order.buffer).toBe(into.order.buffer) // written in place
      }),
      { seed: 20261130, numRuns: 300 },
    )
  })

  it('takes its working arrays from the spare ones when they fit (no allocation of its own for them)', () => {
    const lists = [[1], [2], [], [4], [3]]
    const spare = [new Int32Array(10).fill(99), new Int32Array(10).fill(99)]
    computeOrder(5, rowsOf(lists), { order: new Int32Array(5), scratch: new Int32Array(5), spare })
    // Each spare array held two working arrays of 5 entries: all four were used and overwritten.
    expect(spare.every((a) => a.some((x) => x !== 99))).toBe(true)
  })
})

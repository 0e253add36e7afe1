// apply(edits, { views: 'none' }): the same computation as a listed apply, without
// building a CellView per changed cell; `unlisted` counts what a listed apply would list.
import { describe, expect, it } from 'vitest'
import type { Edit } from '../api'
import { book } from './helpers'

const chain = () => {
  const cells: Record<string, string> = { A1: '1' }
  for (let r = 2; r <= 30; r++) cells[`A${r}`] = r % 3 ? `=A${r - 1} * 1.1 + 0.5` : `=tanh(A${r - 1} / 40) + A${r - 1}`
  cells.B1 = '=SUM(A1:A30) / 30'
  return book(cells, 'B1')
}

const edits: Edit[][] = [
  [{ type: 'setInput', sheet: 'Sheet1', address: 'A1', input: '2.5' }],
  [{ type: 'setInput', sheet: 'Sheet1', address: 'A10', input: '=A9 ^ 2 / 100' }],
  [{ type: 'setName', sheet: 'Sheet1', address: 'A5', name: 'mid' }, { type: 'setParam', sheet: 'Sheet1', address: 'A1', param: true }],
  [{ type: 'setObjective', ref: 'A30' }],
  [{ type: 'setInput', sheet: 'Sheet1', address: 'A1', input: 'oops' }],
  [{ type: 'setInput', sheet: 'Sheet1', address: 'C1', input: '=C1 + 1' }],
]

describe("apply with views: 'none'", () => {
  it('ends in the same state as listed applies, and counts the cells it did not list', () => {
    const listed = chain()
    const counted = chain()
    for (const batch of edits) {
      const a = listed.apply(batch)
      const b = counted.apply(batch, { views: 'none' })
      expect(b.cells).toEqual([])
      expect(b.unlisted).toBe(a.cells.length)
      expect(a.unlisted).toBeUndefined()
      expect(b.objective).toEqual(a.objective)
      expect(b.rejected).toEqual(a.rejected)
      expect(b.stats).toEqual(a.stats)
      expect(counted.cells()).toEqual(listed.cells())
    }
  })

  it('still lists nothing extra on the next listed apply (changed flags are cleared either way)', () => {
    const e = chain()
    e.apply([{ type: 'setInput', sheet: 'Sheet1', address: 'A1', input: '3' }], { views: 'none' })
    const next = e.apply([{ type: 'setInput', sheet: 'Sheet1', address: 'D1', input: 'note' }])
    expect(next.cells.map((c) => c.address)).toEqual(['D1'])
  })
})

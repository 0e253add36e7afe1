// The gradient arrays lent as scratch while a workbook loads (Gradients.lendWhileZero):
// whatever the borrower writes, they hold only zeros again afterwards, as the first
// reverse pass needs (`next` is its accumulator and must start at zero).
import { describe, expect, it } from 'vitest'
import { Gradients } from './gradients'

describe('Gradients.lendWhileZero', () => {
  it('lends both arrays as Int32 views of twice their length and zeroes them afterwards', () => {
    const g = new Gradients()
    g.grow(100)
    let lent: Int32Array[] = []
    g.lendWhileZero((spare) => {
      lent = spare
      for (const a of spare) a.fill(-123456)
    })
    expect(lent.map((a) => a.length)).toEqual([200, 200])
    expect(lent[0].buffer).toBe(g.num.buffer)
    expect(lent[1].buffer).toBe(g.next.buffer)
    expect(g.num.every((x) => x === 0)).toBe(true)
    expect(g.next.every((x) => x === 0)).toBe(true)
  })
})

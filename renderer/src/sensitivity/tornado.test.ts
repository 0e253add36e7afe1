import { describe, expect, it } from 'vitest'
import { shortNumber, tornadoBars } from './tornado'

describe('tornadoBars', () => {
  it('scales to the largest magnitude, left for negatives, nothing for null', () => {
    expect(tornadoBars([-4, 2, 0, null])).toEqual([
      { x: 0, width: 0.5, negative: true },
      { x: 0.5, width: 0.25, negative: false },
      { x: 0.5, width: 0, negative: false },
      null,
    ])
    expect(tornadoBars([0, 0])).toEqual([{ x: 0.5, width: 0, negative: false }, { x: 0.5, width: 0, negative: false }])
  })
  it('labels numbers briefly', () => {
    expect(shortNumber(216)).toBe('216')
    expect(shortNumber(-1.384615)).toBe('-1.385')
    expect(shortNumber(1e-7)).toBe('1.00e-7')
  })
})

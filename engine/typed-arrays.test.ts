// grownInt32 (engine/typed-arrays.ts): a bigger array keeps every entry; a smaller one the first n.
import { describe, expect, it } from 'vitest'
import { grownInt32 } from './typed-arrays'

describe('grownInt32', () => {
  it('copies the entries that fit and zeroes the rest', () => {
    expect(Array.from(grownInt32(Int32Array.of(1, 2, 3), 5))).toEqual([1, 2, 3, 0, 0])
    expect(Array.from(grownInt32(Int32Array.of(1, 2, 3), 2))).toEqual([1, 2])
    expect(Array.from(grownInt32(Int32Array.of(1, 2, 3).subarray(1), 3))).toEqual([2, 3, 0])
  })
})

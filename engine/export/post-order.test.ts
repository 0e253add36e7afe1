import { describe, expect, it } from 'vitest'
import { postOrder } from './post-order'

describe('postOrder', () => {
  it('lists each node after what it depends on, once', () => {
    const deps: Record<string, string[]> = { J: ['a', 'b'], a: ['x'], b: ['x', 'a'], x: [] }
    expect(postOrder('J', (n) => deps[n])).toEqual({ order: ['x', 'a', 'b', 'J'] })
  })

  it('returns the first cycle met, from the node reached again', () => {
    const deps: Record<string, string[]> = { J: ['a'], a: ['b'], b: ['c'], c: ['a'] }
    expect(postOrder('J', (n) => deps[n])).toEqual({ cycle: ['a', 'b', 'c'] })
  })

  it('walks a chain of 200,000 without overflowing the call stack', () => {
    const walked = postOrder(200_000, (n) => (n > 0 ? [n - 1] : []))
    expect('order' in walked && walked.order.length).toBe(200_001)
  })
})

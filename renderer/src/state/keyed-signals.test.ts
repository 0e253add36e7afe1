import { describe, expect, it } from 'vitest'
import { createKeyedSignals } from './keyed-signals'

// Node resolves solid-js to its server build, where computations do not track; these
// tests cover the map semantics the UI relies on (reactivity is checked in the browser).
describe('keyed signals', () => {
  it('stores, replaces and deletes entries by key', () => {
    const s = createKeyedSignals<{ n: number }>()
    s.set('Sheet1!A1', { n: 1 })
    s.set('Sheet1!A2', { n: 2 })
    s.set('Sheet1!A1', { n: 3 })
    expect(s.get('Sheet1!A1')).toEqual({ n: 3 })
    s.set('Sheet1!A2', undefined)
    expect(s.get('Sheet1!A2')).toBeUndefined()
    expect(s.size).toBe(1)
  })
  it('replaces everything at once', () => {
    const s = createKeyedSignals<number>()
    s.set('a', 1)
    s.replaceAll(new Map([['b', 2]]))
    expect(s.get('a')).toBeUndefined()
    expect([...s.entries()]).toEqual([['b', 2]])
  })
})

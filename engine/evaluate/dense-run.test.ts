// Dense mode's two helpers on their own (the pass itself is checked against the general
// path in engine/test/tape-vs-general.test.ts, entering dense mode at once).
import { describe, expect, it } from 'vitest'
import { flagAhead, readsChanged, type DenseRun } from './dense-run'

// Cells 0..4 in order 0,1,2,3,4. Precedents: 2 reads 0; 3 reads 1 and 2; 4 reads 3.
const precStart = Int32Array.of(0, 0, 0, 1, 3)
const precCount = Int32Array.of(0, 0, 1, 2, 1)
const precIds = Int32Array.of(0, 1, 2, 3)
// Users, the inverse: 0 → 2; 1 → 3; 2 → 3; 3 → 4.
const userStart = Int32Array.of(0, 1, 2, 3, 4)
const userCount = Int32Array.of(1, 1, 1, 1, 0)
const userIds = Int32Array.of(2, 3, 3, 4)

const run = (): DenseRun => ({
  changedAt: new Int32Array(5), epoch: 7, pos: Int32Array.of(0, 1, 2, 3, 4),
  precStart, precCount, precIds, after: 1, exitAfter: 1, offTape: true,
})

describe('dense mode helpers', () => {
  it('readsChanged: a cell reads a cell stamped in this pass (not an older one)', () => {
    const d = run()
    d.changedAt[1] = 7
    d.changedAt[0] = 6 // an earlier pass
    expect(readsChanged(3, d)).toBe(true)
    expect(readsChanged(2, d)).toBe(false)
    expect(readsChanged(0, d)).toBe(false)
  })

  it('flagAhead: flags only users after the position, once, and never cycle members', () => {
    const dirty = new Uint8Array(5)
    const rows = { userStart, userCount, userIds, built: 5, extraUsers: null, inCycle: (id: number) => id === 4 }
    // Cells 0 and 1 changed; leaving dense mode after position 2 (cell 2 has run).
    expect(flagAhead(Int32Array.of(0, 1), 0, 2, 2, run(), dirty, rows)).toBe(1)
    expect([...dirty]).toEqual([0, 0, 0, 1, 0]) // 3 (reads 1); not 2 (already ran)
    expect(flagAhead(Int32Array.of(1, 3), 0, 2, 2, run(), dirty, rows)).toBe(0) // 3 already flagged, 4 in a cycle
  })

  it('flagAhead: users past the CSR come from the overflow lists', () => {
    const dirty = new Uint8Array(5)
    const rows = { userStart, userCount, userIds, built: 1, extraUsers: (id: number) => (id === 1 ? [4] : undefined), inCycle: null }
    expect(flagAhead(Int32Array.of(1), 0, 1, 1, run(), dirty, rows)).toBe(1)
    expect([...dirty]).toEqual([0, 0, 0, 0, 1])
  })
})

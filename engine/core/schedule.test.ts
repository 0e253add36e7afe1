// The schedule on its own: appending, dirty flags and the first dirty position,
// reordering with cycles, settling.
import { describe, expect, it } from 'vitest'
import { rowsOf } from '../graph/order'
import { Schedule } from './schedule'

describe('schedule', () => {
  it('appends new cells at the end and tracks the first dirty position', () => {
    const s = new Schedule()
    for (let id = 0; id < 4; id++) s.append(id)
    expect([...s.order.subarray(0, s.length)]).toEqual([0, 1, 2, 3])
    s.markDirty(3)
    s.markDirty(1)
    s.markDirty(1)
    expect(s.pending).toBe(2)
    expect(s.minDirtyPos).toBe(1)
  })

  it('reorders so every cell comes after what it reads, and marks cycle members with their path', () => {
    const s = new Schedule()
    for (let id = 0; id < 5; id++) s.append(id)
    // 0 reads 1, 1 reads 2; 3 ↔ 4 is a cycle.
    const pre: number[][] = [[1], [2], [], [4], [3]]
    s.reorder(5, rowsOf(pre))
    const pos = (id: number) => s.pos[id]
    expect(pos(2) < pos(1) && pos(1) < pos(0)).toBe(true)
    expect([...s.cycleErr.keys()].sort()).toEqual([3, 4])
    expect(s.cycleErr.get(3)!.path).toEqual([3, 4, 3])
    expect(s.dirty[3] && s.dirty[4]).toBe(1)
    expect(s.minDirtyPos).toBe(0)
    expect(s.stale).toBe(false)
    // Breaking the cycle marks its former members dirty again.
    s.settle()
    s.reorder(5, rowsOf(pre.map((l, id) => (id === 4 ? [] : l))))
    expect(s.cycleErr.size).toBe(0)
    expect(s.dirty[3] && s.dirty[4]).toBe(1)
    s.settle()
    expect(s.pending).toBe(0)
    expect(s.minDirtyPos).toBe(Infinity)
  })
})

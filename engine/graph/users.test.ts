// The flat users graph on its own: CSR rebuild from precedents, patched by edits.
import { describe, expect, it } from 'vitest'
import { rowsOf } from './order'
import { UserGraph } from './users'

describe('users graph', () => {
  it('rebuilds rows from precedents, then takes additions and removals until the next rebuild', () => {
    const g = new UserGraph()
    // 2 reads 0 and 1; 3 reads 0; 4 reads 2.
    const pre: number[][] = [[], [], [0, 1], [0], [2]]
    g.rebuild(5, rowsOf(pre))
    expect(g.list(0).sort()).toEqual([2, 3])
    expect(g.list(2)).toEqual([4])
    expect(g.count(4)).toBe(0)
    g.add(0, 4)
    g.remove(0, 2)
    expect(g.list(0).sort()).toEqual([3, 4])
    expect(g.count(0)).toBe(2)
    g.remove(0, 4) // from the overflow list
    g.remove(0, 3) // from the CSR row
    expect(g.count(0)).toBe(0)
    g.remove(0, 3) // absent: no-op
    g.add(7, 1) // a cell the CSR part does not cover yet
    expect(g.list(7)).toEqual([1])
    pre[1] = [0]
    g.rebuild(5, rowsOf(pre))
    expect(g.list(0).sort()).toEqual([1, 2, 3])
    expect(g.list(7)).toEqual([])
  })

  it('a rebuild after reserve(n) uses the arrays made ahead and gives the same rows', () => {
    const pre: number[][] = [[], [], [0, 1], [0], [2]]
    const plain = new UserGraph()
    plain.rebuild(5, rowsOf(pre))
    const ahead = new UserGraph()
    ahead.reserve(8)
    const made = (ahead as unknown as { ahead: { start: Int32Array; live: Int32Array } }).ahead
    ahead.rebuild(5, rowsOf(pre))
    expect(ahead.rows().start).toBe(made.start)
    expect(ahead.rows().live).toBe(made.live)
    for (let id = 0; id < 5; id++) expect(ahead.list(id).sort()).toEqual(plain.list(id).sort())
    // Used once: the next rebuild makes its own arrays (the reserved ones are in use).
    ahead.rebuild(5, rowsOf(pre))
    expect(ahead.rows().start).not.toBe(made.start)
    for (let id = 0; id < 5; id++) expect(ahead.list(id).sort()).toEqual(plain.list(id).sort())
  })

  it('arrays made ahead for fewer cells than the rebuild needs are not used', () => {
    const pre: number[][] = [[], [], [0, 1], [0], [2]]
    const g = new UserGraph()
    g.reserve(3)
    g.rebuild(5, rowsOf(pre))
    expect(g.rows().live.length).toBe(5)
    expect(g.list(0).sort()).toEqual([2, 3])
  })
})

import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { OwedCells } from './owed-cells'

const part = (sheet: string, cells: [number, number][]) => ({ sheet, rows: Int32Array.from(cells.map((c) => c[0])), cols: Int32Array.from(cells.map((c) => c[1])) })

describe('owed cells', () => {
  it('owes each cell once, oldest first, across sheets', () => {
    const owed = new OwedCells()
    owed.push([part('A', [[1, 1], [2, 1], [1, 1]]), part('B', [[5, 3]])])
    owed.push([part('A', [[2, 1], [70000, 2]])])
    expect(owed.size).toBe(4)
    expect([...owed.take(2)]).toEqual([['A', 1, 1], ['A', 2, 1]])
    // A taken cell can be owed again by a later update.
    owed.push([part('A', [[1, 1]])])
    expect([...owed.take(10)]).toEqual([['A', 70000, 2], ['A', 1, 1], ['B', 5, 3]])
    expect(owed.size).toBe(0)
  })

  it('matches a set of positions under random pushes and takes (seeded)', () => {
    const op = fc.oneof(
      fc.record({ push: fc.array(fc.tuple(fc.constantFrom('S', 'T'), fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 40 })), { maxLength: 300 }) }),
      fc.record({ take: fc.integer({ min: 0, max: 200 }) }),
    )
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const owed = new OwedCells()
        const model: string[] = []
        for (const o of ops) {
          if ('push' in o) {
            for (const sheet of ['S', 'T']) {
              const cells = o.push.filter((c) => c[0] === sheet).map((c) => [c[1], c[2]] as [number, number])
              owed.push([part(sheet, cells)])
              for (const [r, c] of cells) if (!model.includes(`${sheet}:${r},${c}`)) model.push(`${sheet}:${r},${c}`)
            }
          } else {
            const before = model.length
            const got = [...owed.take(o.take)].map(([s, r, c]) => `${s}:${r},${c}`)
            // Same cells as the model hands out (order: sheet by sheet, oldest first within a sheet).
            expect(new Set(got).size).toBe(got.length)
            for (const g of got) {
              expect(model).toContain(g)
              model.splice(model.indexOf(g), 1)
            }
            expect(got.length).toBe(Math.min(o.take, before))
          }
          expect(owed.size).toBe(model.length)
        }
      }),
      { seed: 12, numRuns: 200 },
    )
  })
})

// A paste over a large area reads only the cells in use (copy.ts sparseCopy); on random
// small workbooks it must give exactly what the cell-by-cell paste gives.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createEngine } from '../index'
import { columnLetters } from '../address'
import { docOf } from '../test/helpers'
import { expandCopy } from './copy'

const addr = (r: number, c: number) => columnLetters(c) + r
const pos = fc.record({ r: fc.integer({ min: 1, max: 9 }), c: fc.integer({ min: 1, max: 6 }) })
const input = fc.oneof(fc.integer({ min: -9, max: 9 }).map(String), fc.constant('text'), fc.tuple(pos, fc.boolean()).map(([p, abs]) => `=${abs ? '$' : ''}${addr(p.r, p.c)} + 1`))

describe('sparse and cell-by-cell paste agree', () => {
  it('on random blocks, targets, tiles and value pastes', () => {
    fc.assert(
      fc.property(fc.dictionary(pos.map((p) => addr(p.r, p.c)), input), pos, pos, pos, pos, fc.boolean(), (cells, a, b, c, d, values) => {
        const edit = { type: 'copyCells' as const, fromSheet: 'Sheet1', from: `${addr(a.r, a.c)}:${addr(b.r, b.c)}`, toSheet: 'Sheet1', to: `${addr(c.r, c.c)}:${addr(d.r + 3, d.c + 2)}`, values }
        const dense = createEngine(docOf(cells))
        const sparse = createEngine(docOf(cells))
        const x = expandCopy(dense, edit)
        const y = expandCopy(sparse, edit, 0)
        expect(typeof x).toBe(typeof y)
        if (typeof x === 'string' || typeof y === 'string') return
        dense.apply(x)
        sparse.apply(y)
        expect(sparse.toDocument()).toEqual(dense.toDocument())
      }),
      { seed: 77, numRuns: 200 },
    )
  })
})

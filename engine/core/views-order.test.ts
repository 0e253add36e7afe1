// The order of `Engine.iterateCells` and `Engine.cells` (what `gradsheet eval` lists):
// sheets in tab order, each row by row, only cells with an input or a name — whatever
// order the cells were loaded or created in (views.ts keeps the already-ordered case
// without sorting, issue 12: peak memory of eval, so both cases are drawn here).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createEngine } from '../index'
import { columnLetters } from '../address'

interface Drawn {
  sheet: number
  row: number
  col: number
  input: string
  name?: string
}

const cell = fc.record({
  sheet: fc.integer({ min: 0, max: 1 }),
  row: fc.integer({ min: 1, max: 40 }),
  col: fc.integer({ min: 1, max: 30 }),
  input: fc.constantFrom('1', '', '=2*3', 'label'),
  named: fc.boolean(),
})

const address = (c: { row: number; col: number }) => `${columnLetters(c.col)}${c.row}`

describe('iterateCells order', () => {
  it('is tab order, then row, then column, with exactly the cells holding an input or a name', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 60 }), fc.array(cell, { maxLength: 10 }), fc.boolean(), (loaded, edited, presorted) => {
        // One entry per position (the last one drawn wins), names unique.
        const byKey = new Map<string, Drawn>()
        loaded.forEach((c, i) => byKey.set(`${c.sheet}:${address(c)}`, { ...c, name: c.named ? `cell_${i}` : undefined }))
        let entries = [...byKey.values()]
        if (presorted) entries.sort((a, b) => a.sheet - b.sheet || a.row - b.row || a.col - b.col)
        const sheets = ['Zeta', 'Alpha'].map((name, s) => ({
          name,
          cells: Object.fromEntries(entries.filter((c) => c.sheet === s).map((c) => [address(c), c.name ? { input: c.input, name: c.name } : { input: c.input }])),
        }))
        const engine = createEngine({ format: 'gradsheet', version: 1, objective: null, sheets } as never)
        // Cells created after the load get later ids than the cells below them.
        for (const c of edited) {
          engine.apply([{ type: 'setInput', sheet: sheets[c.sheet].name, address: address(c), input: c.input }])
          const key = `${c.sheet}:${address(c)}`
          const before = byKey.get(key)
          byKey.set(key, { ...c, name: before?.name })
        }
        const expected = [...byKey.values()]
          .filter((c) => c.input !== '' || c.name !== undefined)
          .sort((a, b) => a.sheet - b.sheet || a.row - b.row || a.col - b.col)
          .map((c) => `${sheets[c.sheet].name}!${address(c)}`)
        const listed = [...engine.iterateCells!()].map((v) => `${v.sheet}!${v.address}`)
        expect(listed).toEqual(expected)
        const all = engine.cells().filter((v) => v.input !== '' || v.name !== undefined).map((v) => `${v.sheet}!${v.address}`)
        expect(all).toEqual(expected)
      }),
      { seed: 1212, numRuns: 200 },
    )
  })
})

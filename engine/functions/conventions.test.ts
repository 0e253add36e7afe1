// Walks the whole function table: every function declares how its derivative is taken
// at points where it is not differentiable (SPEC §4), and the declaration agrees with the
// rest of its entry (a function that passes no gradient says so, one that does has a rule).
import { describe, expect, it } from 'vitest'
import { allFunctions } from './table'
import type { ConventionKind } from './types'

const KINDS: ConventionKind[] = ['smooth', 'discrete', 'flat', 'kink', 'infiniteSlope', 'argExtremum', 'middle', 'branch']
const NO_GRADIENT: ConventionKind[] = ['discrete', 'flat']

describe('every function declares its convention', () => {
  const table = allFunctions()
  it('the table is not empty', () => expect(table.length).toBeGreaterThan(50))
  for (const def of table) {
    it(def.name, () => {
      const c = def.convention
      expect(c, `${def.name} has no convention`).toBeDefined()
      expect(KINDS).toContain(c.kind)
      if (NO_GRADIENT.includes(c.kind)) expect(def.grad, `${def.name} is ${c.kind} but has a derivative rule`).toBeUndefined()
      else expect(typeof def.grad, `${def.name} is ${c.kind} but has no derivative rule`).toBe('function')
      if (c.kind === 'kink' || c.kind === 'infiniteSlope') {
        expect(c.at.length).toBeGreaterThan(0)
        expect(c.rule.length).toBeGreaterThan(0)
        expect(typeof c.hits).toBe('function')
      }
      if (c.kind === 'branch') expect(def.seesErrors).toBe(true)
      if (def.rangeReduction) expect(['sum', 'mean', 'average']).toContain(def.rangeReduction)
    })
  }
  it('the range fast paths are declared on the reductions they stand for', () => {
    const fast = Object.fromEntries(table.filter((d) => d.rangeReduction).map((d) => [d.name, d.rangeReduction]))
    expect(fast).toEqual({ sum: 'sum', SUM: 'sum', mean: 'mean', AVERAGE: 'average' })
  })
})

// The collapse rule (collapse.ts): which cells group into a stack. Random workbooks of
// filled-down columns with edited rows, names and parameters mixed in (fast-check, fixed
// seed) against an oracle that knows which rows were filled from which formula; and the
// 50-sample regression that must read as x, y → f → d → loss → J with w and b.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseAddress } from '../address'
import { book, type CellSpec } from '../test/helpers'
import { MIN_STACK, collapseGraph, stackGroups } from './collapse'
import { explainerFor } from './index'

/** Column C's formula templates: each is one R1C1 form (relative A, B; absolute $H$1). */
const TEMPLATES = [(r: number) => `=w * A${r} + b`, (r: number) => `=A${r}^2 - B${r}`, (r: number) => `=A${r} * $H$1`, (r: number) => `=A${r + 1} + 1`]

interface Plan {
  runs: { template: number; len: number }[]
  namedRow: number | null
  paramRow: number | null
}

function workbookOf(plan: Plan): { cells: Record<string, CellSpec>; templateOfRow: Map<number, number>; last: number } {
  const cells: Record<string, CellSpec> = { G1: { input: '2', name: 'w', param: true }, G2: { input: '1', name: 'b', param: true }, H1: '3' }
  const templateOfRow = new Map<number, number>()
  let row = 2
  for (const run of plan.runs)
    for (let i = 0; i < run.len; i++, row++) {
      cells[`A${row}`] = String(row % 7)
      cells[`B${row}`] = String((row * 3) % 5)
      cells[`C${row}`] = TEMPLATES[run.template](row)
      cells[`D${row}`] = `=(C${row} - B${row})^2 / 2`
      templateOfRow.set(row, run.template)
    }
  const last = row - 1
  cells[`A${row}`] = '1' // what template 3 reads below the last row
  if (plan.namedRow !== null && plan.namedRow + 2 <= last) cells[`C${plan.namedRow + 2}`] = { input: cells[`C${plan.namedRow + 2}`] as string, name: 'special' }
  if (plan.paramRow !== null && plan.paramRow + 2 <= last) cells[`A${plan.paramRow + 2}`] = { input: String(plan.paramRow), param: true }
  cells.F1 = { input: `=SUM(D2:D${last})`, name: 'J' }
  return { cells, templateOfRow, last }
}

/** The oracle: maximal runs of rows filled from one template, minus the named row. */
function expectedFormulaStacks(templateOfRow: Map<number, number>, last: number, namedRow: number | null): string[] {
  const out: string[] = []
  let start = 2
  for (let r = 2; r <= last + 1; r++) {
    const breaks = r > last || templateOfRow.get(r) !== templateOfRow.get(start) || r === (namedRow ?? -9) + 2
    if (!breaks) continue
    if (r - start >= MIN_STACK) out.push(`Sheet1!C${start}:C${r - 1}`)
    start = r === (namedRow ?? -9) + 2 ? r + 1 : r
  }
  return out.sort()
}

const planArb: fc.Arbitrary<Plan> = fc.record({
  runs: fc.array(fc.record({ template: fc.nat(TEMPLATES.length - 1), len: fc.integer({ min: 1, max: 6 }) }), { minLength: 1, maxLength: 6 }),
  namedRow: fc.option(fc.nat(20), { nil: null }),
  paramRow: fc.option(fc.nat(20), { nil: null }),
})

describe('stackGroups on random workbooks', () => {
  it('stacks exactly the runs filled from one formula, and only loose cells in consecutive rows', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const { cells, templateOfRow, last } = workbookOf(plan)
        const raw = explainerFor(book(cells, 'J')).graph({ kind: 'all', expanded: ['*'] })
        const groups = stackGroups(raw.nodes, raw.edges)
        const byKey = new Map(raw.nodes.map((n) => [n.key, n]))
        // Column C: exactly the oracle's runs (consecutive rows of one template).
        const cStacks = [...groups.keys()].filter((k) => k.startsWith('Sheet1!C')).sort()
        expect(cStacks).toEqual(expectedFormulaStacks(templateOfRow, last, plan.namedRow))
        const groupOf = new Map<string, string>()
        for (const [key, members] of groups) for (const m of members) groupOf.set(m, key)
        for (const [key, members] of groups) {
          expect(members.length).toBeGreaterThanOrEqual(MIN_STACK)
          const at = members.map((m) => parseAddress(byKey.get(m)!.address)!)
          for (let i = 1; i < at.length; i++) {
            expect(at[i].col).toBe(at[0].col)
            expect(at[i].row).toBe(at[i - 1].row + 1)
          }
          for (const m of members) {
            const n = byKey.get(m)!
            expect(n.param || n.objective || n.label !== n.address).toBe(false)
          }
          // Number stacks: every member is read by the same groups.
          if (!byKey.get(members[0])!.formula.startsWith('=')) {
            const readers = (m: string) => [...new Set(raw.edges.filter((e) => e.from === m).map((e) => groupOf.get(e.to) ?? e.to))].sort().join()
            for (const m of members) expect(readers(m)).toBe(readers(members[0]))
            expect(key).toBe(`Sheet1!${byKey.get(members[0])!.address}:${byKey.get(members.at(-1)!)!.address}`)
          }
        }
        // Collapsing keeps every edge: each raw edge is inside a group or maps onto a drawn edge.
        const collapsed = collapseGraph(raw.nodes, raw.edges, raw.steps)
        const drawn = new Set(collapsed.edges.map((e) => `${e.from}->${e.to}`))
        const keys = new Set(collapsed.nodes.map((n) => n.key))
        for (const e of raw.edges) {
          const from = groupOf.get(e.from) ?? e.from
          const to = groupOf.get(e.to) ?? e.to
          if (from !== to) expect(drawn.has(`${from}->${to}`)).toBe(true)
        }
        for (const e of collapsed.edges) expect(keys.has(e.from) && keys.has(e.to)).toBe(true)
        // Each drawn node has at most one forward and one backward step.
        const seen = new Set(collapsed.steps.map((s) => `${s.phase} ${s.node}`))
        expect(seen.size).toBe(collapsed.steps.length)
      }),
      { seed: 1313, numRuns: 60 },
    )
  })

  it('keeps a recurrence (each row reads the one above) as a chain', () => {
    const cells: Record<string, CellSpec> = { A1: '1', B1: { input: '=A6', name: 'J' } }
    for (let r = 2; r <= 6; r++) cells[`A${r}`] = `=A${r - 1} * 0.5`
    expect(stackGroups(explainerFor(book(cells)).graph({ kind: 'all' }).nodes, []).size).toBe(0)
  })

  it('does not stack data cells that each feed a different single formula', () => {
    const cells: Record<string, CellSpec> = { A1: '1', A2: '2', A3: '3', A4: '4', B1: '=A1 * 2', B2: '=A2 + 7', B3: '=exp(A3)', B4: { input: '=B1 + B2 + B3 + A4', name: 'J' } }
    const g = explainerFor(book(cells)).graph({ kind: 'all' })
    expect(g.nodes.filter((n) => n.kind === 'stack')).toEqual([])
  })
})

describe('a 50-sample regression', () => {
  function regression(m: number) {
    const cells: Record<string, CellSpec> = { A1: 'x', B1: 'y', C1: 'f', D1: 'd', E1: 'loss', G1: { input: '3', name: 'w', param: true }, G2: { input: '1', name: 'b', param: true } }
    for (let r = 2; r <= m + 1; r++) {
      cells[`A${r}`] = String(r / 10)
      cells[`B${r}`] = String(2 * (r / 10) + 1 + ((r % 3) - 1) / 10)
      cells[`C${r}`] = `=w * A${r} + b`
      cells[`D${r}`] = `=C${r} - B${r}`
      cells[`E${r}`] = `=D${r}^2 / 2`
    }
    cells.G3 = { input: `=AVERAGE(E2:E${m + 1})`, name: 'J' }
    return explainerFor(book(cells, 'J')).graph({ kind: 'objective' })
  }
  for (const m of [50, 1000]) {
    it(`reads as x, y → f → d → loss → J with w and b feeding in (m = ${m})`, () => {
      const g = regression(m)
      const label = (key: string) => g.nodes.find((n) => n.key === key)!.label
      expect(g.nodes.map((n) => n.label).sort()).toEqual(['J', 'b', 'd', 'f', 'loss', 'w', 'x', 'y'])
      const arrows = g.edges.map((e) => `${label(e.from)}→${label(e.to)}`).sort()
      expect(arrows).toEqual(['b→f', 'd→loss', 'f→d', 'loss→J', 'w→f', 'x→f', 'y→d'])
      const f = g.nodes.find((n) => n.label === 'f')!
      expect(f).toMatchObject({ kind: 'stack', address: `C2:C${m + 1}`, formula: '=w * A2 + b ↓' })
      expect(f.members).toHaveLength(m)
      // Stacked edges say how many cell edges they stand for.
      expect(g.edges.find((e) => label(e.from) === 'x')!.count).toBe(m)
      // Steps: one per node and phase.
      expect(g.steps.filter((s) => s.phase === 'forward')).toHaveLength(8)
    })
  }
  it('draws a stack cell by cell once expanded', () => {
    const cells: Record<string, CellSpec> = { G1: { input: '3', name: 'w' } }
    for (let r = 1; r <= 20; r++) {
      cells[`B${r}`] = String(r)
      cells[`C${r}`] = `=w * B${r}`
    }
    cells.G2 = { input: '=SUM(C1:C20)', name: 'J' }
    const x = explainerFor(book(cells, 'J'))
    expect(x.graph({ kind: 'all' }).nodes.map((n) => n.key).sort()).toEqual(['Sheet1!B1:B20', 'Sheet1!C1:C20', 'Sheet1!G1', 'Sheet1!G2'])
    const open = x.graph({ kind: 'all', expanded: ['Sheet1!C1:C20'] })
    expect(open.nodes.filter((n) => n.kind === 'cell')).toHaveLength(22) // C1…C20, w, J; the data column B stays stacked
    expect(open.nodes.find((n) => n.kind === 'range')?.key).toBe('Sheet1!C1:C20')
  })
})

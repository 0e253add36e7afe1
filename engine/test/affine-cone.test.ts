// An affine J (core/cone.ts `affine`): when every formula J reads runs on the tape through
// affine ops (sums, differences, constant multiples, SUM/AVERAGE), a value edit cannot
// change any gradient, so the update runs no reverse pass. Checked against the general
// path (which always runs it) on values, gradients, figures and change lists, through
// kind changes (a number becoming a label or a blank changes which cells pass a gradient)
// and nonlinear ops (which must keep the reverse pass).
import { describe, expect, it } from 'vitest'
import { GraphEngine } from '../engine'
import type { ChangeList, Edit } from '../index'
import { docOf, type CellSpec } from './helpers'

const affine: Record<string, CellSpec> = {
  A1: '2', A2: '3', A3: '4', A4: '', A5: '5',
  B1: '=A1 * 0.5 + A2 * 0.25', B2: '=B1 - A3 / 4', B3: '=-B2 + 1', B4: '=AVERAGE(A1:A5)', B5: '=SUM(B1:B4) * 3',
  C1: { input: '=B5 + B4 - A1', name: 'J' },
}

const set = (address: string, input: string): Edit => ({ type: 'setInput', sheet: 'Sheet1', address, input })
const listed = (r: ChangeList): string[] => r.cells.map((c) => c.address).sort()

function both(cells: Record<string, CellSpec>, edits: Edit[]): { tape: ChangeList; general: ChangeList; tapeEngine: GraphEngine; generalEngine: GraphEngine }[] {
  const tapeEngine = new GraphEngine(docOf(cells))
  const generalEngine = new GraphEngine(docOf(cells), { tape: false })
  return edits.map((e) => ({ tape: tapeEngine.apply([e]), general: generalEngine.apply([e]), tapeEngine, generalEngine }))
}

describe('value edits when J is affine in its cone', () => {
  it('run no reverse pass, and leave values, gradients, figures and change lists as the general path gives them', () => {
    const runs = both(affine, [set('A1', '7'), set('A3', '-1.5'), set('A5', '0.125')])
    for (const { tape, general, tapeEngine, generalEngine } of runs) {
      expect(tape.stats.reverseVisits).toBe(0)
      expect(listed(tape)).toEqual(listed(general))
      expect(tape.figures).toEqual(general.figures)
      expect(tapeEngine.cells()).toEqual(generalEngine.cells())
    }
  })

  it('run the reverse pass all the same with alwaysReverse (the benchmark\'s full pass)', () => {
    const e = new GraphEngine(docOf(affine), { alwaysReverse: true })
    const general = new GraphEngine(docOf(affine), { tape: false })
    const r = e.apply([set('A1', '7')])
    general.apply([set('A1', '7')])
    expect(r.stats.reverseVisits).toBeGreaterThan(0)
    expect(e.cells()).toEqual(general.cells())
  })

  it('run the reverse pass when a cell changes kind (a blank in an AVERAGE, a label, a number again)', () => {
    const runs = both(affine, [set('A4', '1'), set('A2', 'label'), set('A2', '3'), set('A4', '')])
    expect(runs[1].tape.objective.unavailableReason).toMatch(/error/) // the label makes J an error: nothing to visit
    for (const { tape, general, tapeEngine, generalEngine } of [runs[0], runs[2], runs[3]]) {
      expect(tape.stats.reverseVisits).toBeGreaterThan(0)
      expect(listed(tape)).toEqual(listed(general))
      expect(tapeEngine.cells()).toEqual(generalEngine.cells())
    }
    expect(listed(runs[1].tape)).toEqual(listed(runs[1].general))
  })

  it('run the reverse pass when J reads through a nonlinear op', () => {
    for (const formula of ['=B5 * B4', '=B5 + tanh(B4)', '=(B5 - B4) ^ 2', '=B5 + A1 * A2']) {
      const [{ tape, general, tapeEngine, generalEngine }] = both({ ...affine, C1: { input: formula, name: 'J' } }, [set('A1', '7')])
      expect(tape.stats.reverseVisits).toBeGreaterThan(0)
      expect(listed(tape)).toEqual(listed(general))
      expect(tapeEngine.cells()).toEqual(generalEngine.cells())
    }
  })

  it('in a windowed update, name the whole cone once an eighth of it changed value, as after a reverse pass', () => {
    const cells: Record<string, CellSpec> = { A1: '1' }
    const n = 5000
    for (let r = 2; r <= n; r++) cells[`A${r}`] = `=A${r - 1} * 1.0001 + 0.5`
    cells[`A${n}`] = { input: `=A${n - 1} * 2 + D1`, name: 'J' }
    cells.D1 = '3' // in the cone; its value never changes
    const e = new GraphEngine(docOf(cells))
    const windowed = e.apply([set('A1', '3')], { views: 'none' })
    expect(windowed.stats.reverseVisits).toBe(0)
    expect(windowed.unlisted).toBe(n + 1) // the cone, D1 too, named at once (the exact list has n)
    const late = e.apply([set('A1', '3.5')], { views: 'none' })
    expect(late.unlisted).toBe(n + 1)
  })
})

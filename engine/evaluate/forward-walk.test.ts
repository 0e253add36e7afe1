// The forward pass's two walks (evaluate/forward-walk.ts) on small workbooks whose order
// is known: which cells run, where a dense run stops, and that the cells it passed by get
// their turn. (Random workbooks against the general path: engine/test/tape-vs-general.test.ts.)
import { describe, expect, it } from 'vitest'
import { GraphEngine } from '../engine'
import { docOf } from '../test/helpers'

const set = (address: string, input: string) => [{ type: 'setInput' as const, sheet: 'Sheet1', address, input }]
const number = (e: GraphEngine, address: string) => {
  const v = e.cells().find((c) => c.address === address)?.value
  return v?.kind === 'number' ? v.value : NaN
}

/** A1 → A2 … A8 (each +1), A9 = A8·0 (always 0), A10 … A14 = A9 + 1 (always 1), and Z1 = A8 + A14 + 99, after A14 in the order. */
function chainThatDiesOut(): Record<string, string> {
  const cells: Record<string, string> = { A1: '1', A9: '=A8 * 0', Z1: '=A8 + A14 + 99' }
  for (let r = 2; r <= 8; r++) cells[`A${r}`] = `=A${r - 1} + 1`
  for (let r = 10; r <= 14; r++) cells[`A${r}`] = `=A9 + 1`
  return cells
}

describe('the forward walk', () => {
  it('runs only the flagged cells while it walks sparsely', () => {
    const cells: Record<string, string> = { A1: '1', B1: '=A1 * 2', Y1: '1' }
    for (let r = 2; r <= 40; r++) cells[`Y${r}`] = `=Y${r - 1} + 1` // not downstream of A1
    const e = new GraphEngine(docOf(cells))
    const r = e.apply(set('A1', '3'))
    expect(number(e, 'B1')).toBe(6)
    expect(r.stats.forwardEvaluations).toBe(1) // B1 only
  })

  it('a dense run stops once changes die out, and what it changed still reaches its readers', () => {
    // Dense from the first due cell, out after 2 positions without a change, 3 positions per call.
    for (const kernelChunk of [1, 3, 4096]) {
      const e = new GraphEngine(docOf(chainThatDiesOut()), { dense: { after: 1, exitAfter: 2 }, kernelChunk })
      const r = e.apply(set('A1', '11'))
      expect(number(e, 'A8')).toBe(18)
      expect(number(e, 'A9')).toBe(0)
      expect(number(e, 'A14')).toBe(1)
      expect(number(e, 'Z1')).toBe(118) // past where the run ended: flagged when it left
      // A2 … A8 change; two positions run unchanged (A9 and one of A10 … A14), and the run
      // ends at the third: the other A10 … A14 never run, and Z1 runs because leaving
      // the run flagged it.
      expect(r.stats.forwardEvaluations).toBe(7 + 2 + 1)
      expect(r.cells.map((c) => c.address).sort()).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'Z1'])
    }
  })

  it('the same pass with dense runs never entered, entered at once, and chunked, gives the same values', () => {
    const results = [
      new GraphEngine(docOf(chainThatDiesOut()), { dense: { after: 1e9, exitAfter: 2 } }),
      new GraphEngine(docOf(chainThatDiesOut()), { dense: { after: 1, exitAfter: 1 }, kernelChunk: 1 }),
      new GraphEngine(docOf(chainThatDiesOut()), { dense: { after: 2, exitAfter: 1000 }, kernelChunk: 2 }),
    ].map((e) => {
      e.apply(set('A3', '-4'))
      e.apply(set('A9', '=A8 * 2'))
      return e.cells().map((c) => [c.address, c.value, c.grad])
    })
    expect(results[1]).toEqual(results[0])
    expect(results[2]).toEqual(results[0])
  })
})

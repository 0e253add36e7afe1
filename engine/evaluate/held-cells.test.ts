// The forward kernel leaves a cell that needs a call to its caller (evaluate/held-cells.ts):
// a table function inside a segment (run, then the segment resumes after it), a segment
// that gives no number (the general path takes the cell), a number where there was none,
// and a due cell off the tape. Each here in a dense run and in the sparse walk, with
// chunks of one position, against the values the spreadsheet must show.
import { describe, expect, it } from 'vitest'
import { GraphEngine } from '../engine'
import { docOf } from '../test/helpers'

const set = (address: string, input: string) => ({ type: 'setInput' as const, sheet: 'Sheet1', address, input })
const shown = (e: GraphEngine, address: string) => {
  const c = e.cells().find((x) => x.address === address)
  return c?.value.kind === 'number' ? c.value.value : c?.value.kind === 'error' ? c.value.error.code : c?.value.kind
}
const grad = (e: GraphEngine, address: string) => e.cells().find((x) => x.address === address)?.grad

/** Dense from the first due cell, or never; one position per kernel call, or the default. */
const modes = [
  { dense: { after: 1, exitAfter: 1000 }, kernelChunk: 1 },
  { dense: { after: 1, exitAfter: 1000 } },
  { dense: { after: 1e9, exitAfter: 2 } },
]

describe('cells the forward kernel leaves to its caller', () => {
  it('a table function mid-segment and as the last op: the segment resumes after the call', () => {
    for (const options of modes) {
      const e = new GraphEngine(docOf({ A1: '0.5', B1: '=sin(A1) * 2 + 1', C1: '=sin(B1)', D1: '=C1 + cos(B1) * 3' }, 'D1'), options)
      e.apply([set('A1', '0.25')])
      const b = Math.sin(0.25) * 2 + 1
      expect(shown(e, 'B1')).toBe(b)
      expect(shown(e, 'C1')).toBe(Math.sin(b))
      expect(shown(e, 'D1')).toBe(Math.sin(b) + Math.cos(b) * 3)
      const dB = Math.cos(b) - 3 * Math.sin(b) // ∂D1/∂B1
      expect(grad(e, 'A1')).toEqual({ kind: 'number', value: dB * 2 * Math.cos(0.25) })
    }
  })

  it('a table function whose domain refuses the operand: the general path gives the error, and a number once it is back', () => {
    for (const options of modes) {
      const e = new GraphEngine(docOf({ A1: '0.5', B1: '=asin(A1) + 1', C1: '=B1 * 2' }), options)
      e.apply([set('A1', '3')])
      expect(shown(e, 'B1')).toBe('#NUM!')
      expect(shown(e, 'C1')).toBe('#NUM!')
      e.apply([set('A1', '0.5')])
      expect(shown(e, 'B1')).toBe(Math.asin(0.5) + 1)
      expect(shown(e, 'C1')).toBe((Math.asin(0.5) + 1) * 2)
    }
  })

  it('a cell that held an error holds a number again (and its readers follow)', () => {
    for (const options of modes) {
      const e = new GraphEngine(docOf({ A1: '0', B1: '=1 / A1', C1: '=B1 + 1', D1: '=C1 * C1' }), options)
      expect(shown(e, 'B1')).toBe('#DIV/0!')
      const r = e.apply([set('A1', '2')])
      expect(shown(e, 'B1')).toBe(0.5)
      expect(shown(e, 'D1')).toBe(2.25)
      expect(r.cells.map((c) => c.address).sort()).toEqual(['A1', 'B1', 'C1', 'D1'])
    }
  })

  it('due inputs met inside a dense run, and gradients through all of it', () => {
    for (const options of modes) {
      const e = new GraphEngine(docOf({ A1: '1', A2: '=A1 * 3', A3: '2', A4: '=A2 + A3 * A3', A5: '=sin(A4)' }), options)
      e.apply([set('A1', '2'), set('A3', '5')])
      expect(shown(e, 'A4')).toBe(31)
      expect(shown(e, 'A5')).toBe(Math.sin(31))
    }
  })

  it('every mode gives the same values and gradients as the sparse walk alone', () => {
    const cells = { A1: '0.3', B1: '=tanh(A1) * sin(A1)', C1: '=B1 / (A1 - 0.3)', D1: '=IFERROR(C1, 0) + exp(B1)', E1: '=atan(D1) + B1 * 2' }
    const results = modes.map((options) => {
      const e = new GraphEngine(docOf(cells, 'E1'), options)
      for (const v of ['0.7', '0.3', '-1.5', '0.3', '2']) e.apply([set('A1', v)])
      return ['A1', 'B1', 'C1', 'D1', 'E1'].map((a) => [shown(e, a), grad(e, a)])
    })
    expect(results[0]).toEqual(results[2])
    expect(results[1]).toEqual(results[2])
  })
})

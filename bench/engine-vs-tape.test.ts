// The benchmark measures the same thing on both sides: at a small N the engine's
// values and gradients equal the tape's, after load and after the benchmark's edit.
import { describe, expect, it } from 'vitest'
import type { CellView } from '../engine/api.ts'
import { createBenchEngine } from './systems/engine-loader.ts'
import { type Tape, buildTape, editInput, forward, reverse, slotOf } from './tape/tape.ts'
import { a1 } from './workloads/address.ts'
import { SHEET, buildDocument } from './workloads/document.ts'
import { WORKLOADS } from './workloads/index.ts'

const N = 50

function expectSame(cells: CellView[], tape: Tape, slotByAddress: Map<string, number>): void {
  expect(cells.filter((c) => c.input !== '')).toHaveLength(tape.size)
  for (const c of cells) {
    if (c.input === '') continue
    const slot = slotByAddress.get(c.address)!
    expect(c.value, c.address).toEqual({ kind: 'number', value: expect.any(Number) })
    expect(c.grad, c.address).toEqual({ kind: 'number', value: expect.any(Number) })
    if (c.value.kind !== 'number' || c.grad.kind !== 'number') continue
    expect(c.value.value, `value of ${c.address}`).toBeCloseTo(tape.value[slot], 12)
    expect(c.grad.value, `∂J/∂${c.address}`).toBeCloseTo(tape.grad[slot], 12)
  }
}

describe.each(WORKLOADS.map((w) => [w.id, w] as const))('engine against the tape on %s', (_id, w) => {
  it('gives the tape\'s values and gradients after load and after an edit', async () => {
    const engine = createBenchEngine(buildDocument(w, N))

    const tape = buildTape(w, N)
    const objective = slotOf(tape, w.objective(N))
    const input = slotOf(tape, w.editTarget(N))
    const slotByAddress = new Map<string, number>()
    w.cells(N, (at) => slotByAddress.set(a1(at), slotOf(tape, at)))
    forward(tape)
    reverse(tape, objective)
    expect(engine.objective().value).toBeCloseTo(tape.value[objective], 12)
    expectSame(engine.cells(), tape, slotByAddress)

    const edited = tape.value[input] + 0.25
    editInput(tape, input, edited, objective)
    engine.apply([{ type: 'setInput', sheet: SHEET, address: a1(w.editTarget(N)), input: String(edited) }])
    expectSame(engine.cells(), tape, slotByAddress)
  })
})

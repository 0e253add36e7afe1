// The tape builder and runner on their own: lowering a bound cell, forward and backward
// over the values kept on the tape, giving up to the general path, dropping and
// relaying out segments.
import { describe, expect, it } from 'vitest'
import { boundState as stateOf } from '../test/bound-state'
import { WorkbookState } from '../core/workbook-state'
import { Kind } from '../graph/store'
import { KERNEL_CHUNK, lastSweepMaxAbs, sweepOps } from './tape-ops'

function setNumber(w: WorkbookState, id: number, x: number): void {
  w.store.kind[id] = Kind.Number
  w.store.num[id] = x
}

describe('tape', () => {
  it('lowers a scalar formula and runs it forward and backward from the kept values', () => {
    const { w, id } = stateOf({ C1: '=tanh(A1 * B1) + 2' })
    setNumber(w, id('A1'), 0.5)
    setNumber(w, id('B1'), 3)
    const tape = w.tape
    expect(tape.has(id('C1'))).toBe(true)
    expect(tape.forward(w.store, id('C1'))).toBe(Math.tanh(1.5) + 2)
    expect(tape.ranOf(id('C1'))).toBe(true)
    const grads = new Float64Array(w.store.capacity)
    // Intermediates come from the kept values (tanh's result), and cells read in place
    // (A1 · B1 reads both: fast-fold.ts) are read again, as the forward read them: the
    // engine re-runs a cell's readers whenever its value changes, before any reverse pass.
    tape.backward(w.store, id('C1'), 1, grads)
    const d = 1 - Math.tanh(1.5) ** 2
    expect(grads[id('A1')]).toBe(d * 3)
    expect(grads[id('B1')]).toBe(d * 0.5)
  })

  it('range reductions read a gather block; AVERAGE divides by the numbers, mean by the size', () => {
    const { w, id } = stateOf({ C1: '=SUM(A1:A3) + AVERAGE(A1:A3) * mean(A1:A3)' })
    setNumber(w, id('A1'), 1)
    setNumber(w, id('A2'), 2) // A3 stays empty
    expect(w.tape.forward(w.store, id('C1'))).toBe(3 + 1.5 * 1)
    const grads = new Float64Array(w.store.capacity)
    w.tape.backward(w.store, id('C1'), 1, grads)
    // ∂/∂Ai = 1 + mean/2 + AVERAGE/3 for numbers; the empty A3 gets nothing.
    expect(grads[id('A1')]).toBe(1 + 1 / 2 + 1.5 / 3)
    expect(grads[id('A3')]).toBe(0)
  })

  it('gives up (NaN) on a label, a domain error or a non-finite result, so the general path decides', () => {
    const { w, id } = stateOf({ B1: '=A1 + 1', B2: '=sqrt(A2)', B3: '=exp(A3)' })
    w.store.kind[id('A1')] = Kind.Text
    w.store.num[id('A1')] = NaN // as the store keeps a label's number slot (graph/store.ts num)
    setNumber(w, id('A2'), -1)
    setNumber(w, id('A3'), 1000)
    for (const c of ['B1', 'B2', 'B3']) {
      expect(w.tape.forward(w.store, id(c))).toBeNaN()
      expect(w.tape.ranOf(id(c))).toBe(false)
    }
  })

  it('has no segment for tensors, rare functions and unknown names', () => {
    const { w, id } = stateOf({ B1: '=[A1, A2] * 2', B2: '=max(A1, A2)', B3: '=nope + 1', B4: '=A1 + 1' })
    expect(['B1', 'B2', 'B3'].map((c) => w.tape.has(id(c)))).toEqual([false, false, false])
    expect(w.tape.has(id('B4'))).toBe(true)
  })

  it('drop leaves dead ops; relayout keeps live segments, their values and results, in order', () => {
    const { w, id } = stateOf({ B1: '=A1 * 2', B2: '=B1 + A1', B3: '=B2 ^ 2' })
    setNumber(w, id('A1'), 3)
    const tape = w.tape
    for (const c of ['B1', 'B2', 'B3']) setNumber(w, id(c), tape.forward(w.store, id(c)))
    const before = tape.length
    const ops = tape.sizeOf(id('B1')) // A1 * 2: one MulK op (the constant folded in, A1 read in place)
    expect(ops).toBe(1)
    tape.drop(id('B1'))
    expect(tape.dead).toBe(ops)
    expect(tape.has(id('B1'))).toBe(false)
    const order = new Int32Array([id('A1'), id('B3'), id('B2')])
    tape.relayout(order, 3)
    expect(tape.length).toBe(before - ops)
    expect(tape.dead).toBe(0)
    expect(tape.startOf(id('B3'))).toBe(0) // laid out in the order given
    expect(tape.ranOf(id('B3'))).toBe(true)
    const grads = new Float64Array(w.store.capacity)
    tape.backward(w.store, id('B3'), 1, grads) // from the values kept across the relayout
    expect(grads[id('B2')]).toBe(2 * 9)
    expect(tape.forward(w.store, id('B2'))).toBe(6 + 3)
  })

  /**
   * C1 = A1 * B1, D1 = C1 + A1 * 3, E1 = B1 - 1 (not read by D1), F1 a number the tape did
   * not run (ran = 0: handed to the general path), with A1 = 2, B1 = 5; in evaluation order.
   */
  function sweepFixture() {
    const { w, id } = stateOf({ C1: '=A1 * B1', D1: '=C1 + A1 * 3', E1: '=B1 - 1', F1: '=A1 + 1' })
    setNumber(w, id('A1'), 2)
    setNumber(w, id('B1'), 5)
    const tape = w.tape
    for (const c of ['C1', 'D1', 'E1']) setNumber(w, id(c), tape.forward(w.store, id(c)))
    setNumber(w, id('F1'), 3)
    return { w, id, tape, order: new Int32Array(['A1', 'B1', 'C1', 'E1', 'F1', 'D1'].map(id)) }
  }

  it('one reverse sweep down the order sends every cell\'s adjoint back, leaving the scratch adjoints zeroed', () => {
    const { w, id, tape, order } = sweepFixture()
    const grads = new Float64Array(w.store.capacity)
    grads[id('D1')] = 1
    grads[id('F1')] = 7
    const general: number[] = []
    const visits = sweepOps(tape, w.store.kind, w.store.num, order, 5, grads, tape.seg, w.store.bindings.program, (c) => (general.push(c), 1))
    expect(grads[id('C1')]).toBe(1)
    expect(grads[id('A1')]).toBe(5 + 3) // through C1 (B1 = 5) and directly (× 3)
    expect(grads[id('B1')]).toBe(2)
    expect(grads[id('E1')]).toBe(0) // off D1's cone: never reached
    expect(general).toEqual([id('F1')])
    expect(visits).toBe(3) // D1, C1 on the tape; F1 on the general path
    // The scratch adjoints are all zero again, so the next cell or pass starts clean.
    expect([...tape.adj].every((x) => x === 0)).toBe(true)
  })

  it('walked a position per call (KERNEL_CHUNK = 1), the sweep gives the same adjoints, visits and largest gradient', () => {
    const { w, id, tape, order } = sweepFixture()
    const sweep = (chunk: number) => {
      const grads = new Float64Array(w.store.capacity)
      grads[id('D1')] = 1
      grads[id('F1')] = -70 // the largest, high in the order: the maximum must be carried down through the chunks
      const visits = sweepOps(tape, w.store.kind, w.store.num, order, 5, grads, tape.seg, w.store.bindings.program, () => 1, chunk)
      return { grads: [...grads], visits, largest: lastSweepMaxAbs() }
    }
    const whole = sweep(KERNEL_CHUNK)
    expect(whole.largest).toBe(70)
    expect(sweep(1)).toEqual(whole)
    expect(sweep(2)).toEqual(whole)
  })
})

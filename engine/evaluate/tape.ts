// The workbook's tape (a Wengert list): the forward and reverse passes over the segments
// that evaluate/tape-layout.ts lowers and lays out. The forward pass runs a cell's
// segment; its values stay on the tape, so the reverse pass reads the intermediates
// instead of re-running the forward. The reverse pass is one sweep down the evaluation
// order for all cells at once. The rules per op are in evaluate/tape-ops.ts. A cell without a segment — tensors, labels, rare functions, an unresolved
// reference — runs on the general path (evaluate/run.ts), as does a cell whose inputs are
// not numbers at the moment (the tape gives up and says so with NaN).
import { Kind, type CellStore } from '../graph/store'
import { backOps, runOps } from './tape-ops'
import { TapeLayout } from './tape-layout'

/** The reverse pass's hand-off for a cell the tape did not run: returns 1 if it sent the cell's adjoint back, else 0. */
export type GeneralBackward = (id: number) => number

export class Tape extends TapeLayout {
  /** Runs ops [from, end) (one segment): the last op's value, or NaN when the tape gives up. */
  run(kinds: Uint8Array, nums: Float64Array, from: number, end: number): number {
    return runOps(this, kinds, nums, from, end)
  }

  /**
   * Runs the cell's segment; returns its value, or NaN when the tape gives up (an input
   * that is not a number, a domain error, a non-finite intermediate): then the general
   * path decides, and `ran` says the reverse pass must use it too.
   */
  forward(store: CellStore, id: number): number {
    const n = this.size[id]
    this.ran[id] = 0
    if (n === 0) return NaN
    const y = runOps(this, store.kind, store.num, this.start[id], this.start[id] + n)
    if (y === y) this.ran[id] = 1
    return y
  }

  /**
   * Sends the cell's adjoint `g` back through its segment, adding each number cell's
   * share into `grads` (an empty cell passes no gradient). Reads the values the forward
   * left on the tape; only for cells whose last forward ran here (`ran`).
   */
  backward(store: CellStore, id: number, g: number, grads: Float64Array): void {
    backOps(this, store.kind, this.start[id], this.size[id], g, grads)
  }

  /**
   * The reverse pass: walks `order` down from position `top`; each number cell with a
   * nonzero adjoint in `grads` (its ∂J/∂cell, complete once the sweep reaches it, since
   * every reader comes later in the order) sends it back through its segment into the
   * cells it reads. Formula cells the tape did not run (`formulas[id]` set, `ran` 0) and
   * tensor cells go to `general`. Returns how many cells sent an adjoint back.
   */
  sweep(kinds: Uint8Array, order: Int32Array, top: number, grads: Float64Array, formulas: ArrayLike<unknown>, general: GeneralBackward): number {
    const start = this.start
    const size = this.size
    const ran = this.ran
    let visits = 0
    for (let p = top; p >= 0; p--) {
      const id = order[p]
      const kc = kinds[id]
      if (kc !== Kind.Number) {
        if (kc === Kind.Tensor) visits += general(id)
        continue
      }
      const g = grads[id]
      if (g === 0) continue
      if (ran[id] === 0) {
        if (formulas[id]) visits += general(id)
        continue
      }
      visits++
      backOps(this, kinds, start[id], size[id], g, grads)
    }
    return visits
  }
}

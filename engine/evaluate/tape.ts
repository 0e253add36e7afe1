// The workbook's tape (a Wengert list): its arrays and layout (evaluate/tape-layout.ts),
// plus one cell's forward and backward on their own, for tests and tools. The passes
// themselves — forward over the due cells, one reverse sweep for all cells — are the
// kernels in evaluate/tape-ops.ts, which core/forward.ts and core/reverse.ts call. A cell
// without a segment — tensors, labels, rare functions, an unresolved reference — runs on
// the general path (evaluate/run.ts), as does a cell whose inputs are not numbers at the
// moment (the tape gives up and says so with NaN).
import type { CellStore } from '../graph/store'
import { forwardDirty } from './forward-walk'
import { Rec, sweepOps } from './tape-ops'
import type { DirtyPass } from './tape-pass'
import { TapeLayout } from './tape-layout'
import type { ArrayMaker } from '../core/load-arena'

const noUsers = new Int32Array(1)

export class Tape extends TapeLayout {
  /** Bytes of the records `reserveForLoad(cells, ops)` makes. */
  static loadBytes(cells: number, ops: number): number {
    return 4 * Rec.Size * cells + (4 + 8) * Rec.Size * ops
  }

  /**
   * Records for `cells` cells and, while the tape is empty, `ops` ops (a document about
   * to load, its ops estimated: WorkbookState.reserveCells), from `make` (one buffer for
   * the load's arrays, core/load-arena.ts). The layout then lowers into them if they are
   * large enough, and makes its own if not.
   */
  reserveForLoad(cells: number, ops: number, make: ArrayMaker): void {
    if (Rec.Size * cells > this.seg.length) {
      const seg = make.int32(Rec.Size * cells)
      seg.set(this.seg)
      this.seg = seg
    }
    if (this.length === 0 && ops > this.capacity) {
      this.code = make.int32(Rec.Size * ops)
      this.num = make.float64(Rec.Size * ops)
    }
  }

  /**
   * Runs the cell's segment and stores a number result in the store; returns it, or NaN
   * when the tape gives up (an input that is not a number, a domain error, a non-finite
   * intermediate): then the general path decides, and `ran` says the reverse pass must use
   * it too. (The forward pass runs many cells at once: forwardDirty.)
   */
  forward(store: CellStore, id: number): number {
    const pass: DirtyPass = {
      kinds: store.kind, nums: store.num, order: Int32Array.of(id), from: 0, length: 1, dirty: new Uint8Array(id + 1), pending: 1,
      seg: this.seg, userStart: noUsers, userCount: noUsers, userIds: noUsers, built: 0,
      extraUsers: null, inCycle: null, other: () => false, becameNumber: (c) => (store.obj[c] = 0),
      changed: new Int32Array(1), changedCount: 0, evaluations: 0, lastChange: 0,
      // One cell: dense mode never starts (evaluate/dense-run.ts).
      dense: { changedAt: noUsers, epoch: 0, pos: noUsers, precStart: noUsers, precCount: noUsers, precIds: noUsers, after: Infinity, exitAfter: 0, offTape: true },
    }
    pass.dirty[id] = 1
    forwardDirty(this, pass)
    return this.ranOf(id) ? store.num[id] : NaN
  }

  /**
   * Sends the cell's adjoint `g` back through its segment, adding each number cell's
   * share into `grads` (an empty cell passes no gradient). Reads the values the forward
   * left on the tape; only for cells whose last forward ran here (`ran`).
   */
  backward(store: CellStore, id: number, g: number, grads: Float64Array): void {
    const keep = grads[id]
    grads[id] = g
    sweepOps(this, store.kind, store.num, Int32Array.of(id), 0, grads, this.seg, store.bindings.program, () => 0)
    grads[id] = keep
  }
}

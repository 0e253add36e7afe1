// What the tape's two kernels (evaluate/tape-ops.ts) are handed: the tape's arrays, the
// forward pass's state over the due cells, and the reverse pass's hand-off for a cell off
// the tape. Types only, apart from the kernels, which must share one file with the op
// codes they switch on (tape-ops.ts's header says why).
import type { DenseRun, UserRows } from './dense-run'
import type { FastForms } from './tape-forms'

/** The tape's arrays the rules read (evaluate/tape-layout.ts holds them). */
export interface TapeArrays {
  /** Per op (3 entries: tape-ops.ts `Rec`): its code, operand a, operand b. */
  code: Int32Array
  /** Per op (3 entries: tape-ops.ts `Rec`): its value, its folded constant (or a table call's fast form index), a second constant. */
  num: Float64Array
  gather: Int32Array
  /** The segment's scratch adjoints, indexed from its start: all zeros between segments. */
  adj: Float64Array
  readonly forms: FastForms
}

/**
 * What the forward pass over the dirty cells needs besides the tape (core/forward.ts fills
 * it in); the users graph and cycle members as UserRows (evaluate/dense-run.ts).
 */
export interface DirtyPass extends UserRows {
  kinds: Uint8Array
  nums: Float64Array
  /** The evaluation order, the position to start from and the order's length. */
  order: Int32Array
  from: number
  length: number
  /** 1 for cells due; how many are. */
  dirty: Uint8Array
  pending: number
  /** The tape's segment records per cell: start, size, and whether the last forward ran there (written here). */
  seg: Int32Array
  /** A due cell the tape gave no number for (`triedTape`: it gave up): computes and stores it; whether its value changed. */
  other: (id: number, triedTape: boolean) => boolean
  /** A cell that held a tensor or an error now holds a number (the workbook's figures follow). */
  becameNumber: (id: number) => void
  /** Dense mode's stamps, positions, precedent rows and thresholds (evaluate/dense-run.ts). */
  dense: DenseRun
  /** Out: the ids whose value changed, in order, and how many; how many segments ran. */
  changed: Int32Array
  changedCount: number
  evaluations: number
  /** The last position where a run changed a value (`runCells` reads and moves it; its exit test counts from it). */
  lastChange: number
}

/** The reverse pass's hand-off for a cell the tape did not run: returns 1 if it sent the cell's adjoint back, else 0. */
export type GeneralBackward = (id: number) => number

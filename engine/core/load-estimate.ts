// How large a loading document's binding pool and tape will be, estimated before its
// formulas are bound, from a few thousand spread over it, read by the shape reader
// (formula/shape-scan.ts; formulas of one shape share one program, so this is a cache
// lookup for most). Both can then be made in the burst of per-cell arrays
// (WorkbookState.reserveCells) instead of after it: V8 starts a full collection for every
// ~64 MB of array buffers allocated since the last, the first one of a million-cell load
// starts in that burst anyway, and what is allocated after it decides whether a second
// one follows (each marks the whole heap: ~0.4 s; docs/benchmarks.md, "Eighth session: the 1M loads").
// The estimates only size allocations: binding and lowering grow past them if needed, and
// the tape is laid out exactly as before (core/binding.ts layoutLoaded).
import { fastProgramOf } from '../evaluate/fast'
import { compileShape, shapeRefs } from '../formula/shape-scan'

/** Formulas read for the estimate; documents with fewer than twice as many get none (their arrays are small). */
export const ESTIMATE_SAMPLE = 4096
/** How many blocks the sample is read in (of ESTIMATE_SAMPLE / SAMPLE_BLOCKS consecutive formulas each). */
const SAMPLE_BLOCKS = 64
/** Headroom over the sample's average (formulas further down may be a little larger). */
const HEADROOM = 1.05
/** No estimate when fewer than this share of the sample is the usual kind of formula (the shape reader declines the rest). */
const MIN_READ_SHARE = 0.9

export interface LoadEstimate {
  /** Binding pool entries (graph/bindings.ts): slot ids, name ids, and separate precedents. */
  poolEntries: number
  /** Tape ops (the formulas' fast programs). */
  tapeOps: number
}

/** The staged cells of one sheet, as core/document-io.ts reads them: inputs, and 1 where an input is a formula. */
export interface StagedInputs {
  inputs: string[]
  formula: Uint8Array
  count: number
}

/** Estimates for `formulas` formulas from ESTIMATE_SAMPLE of them, in blocks spread over the load order; null when there are too few or too few the shape reader reads. */
export function estimateLoad(sheets: StagedInputs[], formulas: number): LoadEstimate | null {
  if (formulas < 2 * ESTIMATE_SAMPLE) return null
  // Blocks of consecutive formulas spread over the document: a block averages a repeating
  // pattern of formulas (a row of a model), the spread a document whose first rows differ
  // (a grid's first row is all borders). Every n-th formula instead could keep meeting one
  // formula of a repeating row.
  const span = Math.floor(formulas / SAMPLE_BLOCKS)
  let index = 0
  let seen = 0
  let read = 0
  let pool = 0
  let ops = 0
  for (const s of sheets) {
    for (let k = 0; k < s.count; k++) {
      if (s.formula[k] !== 1 || index++ % span >= ESTIMATE_SAMPLE / SAMPLE_BLOCKS) continue
      seen++
      const program = compileShape(s.inputs[k])
      if (program === null) continue
      read++
      const slots = shapeRefs.count
      const names = program.names.length
      // With a name or a repeated reference the precedents are a list of their own (core/binding.ts finishBind): one entry per distinct cell and name.
      const distinct = distinctRefs(slots)
      pool += slots + names + (names > 0 || distinct < slots ? distinct + names : 0)
      ops += fastProgramOf(program)?.kind.length ?? 0
    }
  }
  if (read < MIN_READ_SHARE * seen) return null
  const scale = (formulas / read) * HEADROOM
  return { poolEntries: Math.ceil(pool * scale), tapeOps: Math.ceil(ops * scale) }
}

/** How many of the shape reader's `count` references name different cells. */
function distinctRefs(count: number): number {
  const { rows, cols } = shapeRefs
  let distinct = 0
  for (let k = 0; k < count; k++) {
    let j = 0
    while (j < k && (rows[j] !== rows[k] || cols[j] !== cols[k])) j++
    if (j === k) distinct++
  }
  return distinct
}

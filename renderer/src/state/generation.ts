// The generation gate: every batch of cell views the worker sends carries the worker's
// update count when the views were read. The store applies a batch only if it is not
// older than the newest one it has applied, so a stale value is never painted (a scroll's
// window answered before an edit but handled after it, say). Batches without a generation
// (training progress, tests) always pass.

export interface GenerationGate {
  /** True when a batch read at `generation` may be applied (and records it). */
  admit(generation: number | undefined): boolean
  /** A full snapshot: everything before it is superseded. */
  reset(generation: number | undefined): void
  readonly newest: number
}

export function createGenerationGate(): GenerationGate {
  let newest = -Infinity
  return {
    admit(generation) {
      if (generation === undefined) return true
      if (generation < newest) return false
      newest = generation
      return true
    },
    reset(generation) {
      newest = generation ?? -Infinity
    },
    get newest() {
      return newest
    },
  }
}

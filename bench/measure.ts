// Timing and memory helpers shared by every system's measurement.

export type SystemId = 'engine' | 'tape' | 'hyperformula' | 'mathjs'

export interface Measurement {
  system: SystemId
  workload: string
  /** Target size asked for. */
  n: number
  /** Cells the workload actually has (stencil rounds to a square, regression to rows of 4). */
  cells: number
  status: 'ok' | 'not run'
  /** Why it was not run, or what failed. */
  reason?: string
  loadMs?: number
  /** Median of `editSamples` single-input edits. */
  editMs?: number
  editSamples?: number
  /** Fastest of the edit samples (the median includes garbage-collection pauses). */
  editMinMs?: number
  /** Full forward+reverse (or values-only recompute, see fullMethod) on the built graph. */
  fullMs?: number
  fullMethod?: string
  bytesPerCell?: number
  /** J after load, to check that the systems compute the same thing. */
  objective?: number
  notes?: string[]
  /** Engine only: what one edit did (from its ChangeList). */
  editAnatomy?: { changedCells: number; forwardEvaluations: number; reverseVisits: number; withViewsMs?: number }
  /** The child's own time from building the workload to the result (no process start-up). */
  elapsedMs?: number
}

const gc = (): void => {
  const collect = (globalThis as { gc?: () => void }).gc
  if (!collect) throw new Error('run with node --expose-gc (npm run bench does)')
  collect()
  collect()
}

/** Live JS heap plus typed-array backing stores (which heapUsed does not count). */
export function liveBytes(): number {
  gc()
  const m = process.memoryUsage()
  return m.heapUsed + m.arrayBuffers
}

export function median(xs: number[]): number {
  const s = [...xs].sort((p, q) => p - q)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

/**
 * Runs `step(k)` at least `min` times, then until `max` runs or `budgetMs` spent; returns each run's ms.
 * Up to 201 runs: at 10k cells an edit is ~0.1–0.5 ms, and V8's optimizing compiler takes
 * 5–11 ms (on the other core) for the engine's kernels, so with 51 runs the median could
 * land on either side of that compile from one process to the next (a 10k regression edit:
 * 0.25 or 0.45 ms). Larger workbooks stop at the time budget as before.
 */
export function sampleTimes(step: (k: number) => void, min = 3, max = 201, budgetMs = 2000): number[] {
  const times: number[] = []
  const start = performance.now()
  for (let k = 0; k < max && (k < min || performance.now() - start < budgetMs); k++) {
    const t0 = performance.now()
    step(k)
    times.push(performance.now() - t0)
  }
  return times
}

export function timed<T>(fn: () => T): { ms: number; result: T } {
  const t0 = performance.now()
  const result = fn()
  return { ms: performance.now() - t0, result }
}

/** The k-th edit's new value: distinct every time, so every edit really changes something. */
export const editValue = (base: number, k: number): number => base + (k + 1) * 1e-6

const retained: unknown[] = []
/** Holds a value until the process ends, so a memory delta does not count its collection. */
export function keepAlive(value: unknown): void {
  retained.push(value)
}

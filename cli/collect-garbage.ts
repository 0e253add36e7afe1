// A full garbage collection at the moment of a large `gradsheet eval` (export,
// sensitivity) when the parsed document has just become garbage: the engine has read
// every cell into its own arrays (createEngine's afterDocumentRead) and is about to make
// its per-cell arrays (~170 MB at 1M cells). V8 would free the document (~190 MB) only
// at a collection those allocations start, and on a busy machine that collection can
// finish late, with both in memory: one run in 10–25 peaked there at 460 MB against ~405
// (issue 12: peak memory of eval on a 1M-cell file; docs/benchmarks.md, "`gradsheet eval`
// memory, sixth session", also for the collection after the file's read that was tried
// and left out: −28 MB of peak for +5 % of CPU time).
// Node exposes no collector to scripts by default; `--expose-gc` set at run time installs
// `gc` in contexts made after it, so one new context lends it. Without it, nothing happens.
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

/** Below this size the collection is not worth its time (~50 ms at 1M cells). */
export const COLLECT_FROM_CELLS = 200_000

let collector: (() => void) | null | undefined

/** Runs a full collection now; false when this Node cannot. */
export function collectGarbage(): boolean {
  if (collector === undefined) {
    try {
      setFlagsFromString('--expose-gc')
      const gc: unknown = runInNewContext('gc')
      setFlagsFromString('--no-expose-gc')
      collector = typeof gc === 'function' ? () => void gc() : null
    } catch {
      collector = null
    }
  }
  collector?.()
  return collector !== null
}

/** createEngine's afterDocumentRead for the CLI: collect when the document was large. */
export function collectAfterLargeDocument(cells: number): void {
  if (cells >= COLLECT_FROM_CELLS) collectGarbage()
}

// The forward pass's walk over the order (the cells themselves run in evaluate/tape-ops.ts
// `runCells`, where the op switch is): a sparse walk that runs the flagged cells one by
// one and flags their users, and dense runs for edits that reach most of what follows
// them (evaluate/dense-run.ts). Kept apart from the runner so that its loop holds only
// what a dense run needs (docs/benchmarks.md, "Seventh session").
import { flagAhead } from './dense-run'
import { KERNEL_CHUNK, runCells } from './tape-ops'
import type { DirtyPass, TapeArrays } from './tape-pass'

/**
 * The forward pass over the due cells, in order: a cell with a segment runs it here (the
 * common case, with no call per cell), any other goes to `other`; a cell whose value
 * changed is recorded and flags its users. Stops when nothing is due.
 *
 * Two walks share one cell runner (`runCells`, the op switch inline). The sparse walk
 * (`sparseChunk`) meets the positions one by one and runs each flagged cell alone,
 * flagging its users when its value changed. Once the due cells are most of what it
 * meets, a dense run (evaluate/dense-run.ts) runs every tape cell ahead, a chunk per
 * call, until no value has changed for `exitAfter` positions, and then flags, in one go,
 * the users ahead of the cells it changed. The runner's loop holds only what a dense run
 * needs: with both walks' state in one loop (the flag count, the mode, the users to
 * flag), a synthetic 1M chain's forward took ~20 % longer per cell, and the benchmark's
 * chain at 1M ~4 % longer per edit (docs/benchmarks.md, "Seventh session").
 */
export function forwardDirty(tape: TapeArrays, p: DirtyPass, chunk = KERNEL_CHUNK): void {
  walk.q = p.from
  walk.hits = 0
  while (walk.q < p.length && p.pending > 0) sparseChunk(tape, p, walk, chunk)
}

/** Where the sparse walk stands between chunks (one, reused: passes never nest). */
interface ForwardWalk {
  q: number
  hits: number
}
const walk: ForwardWalk = { q: 0, hits: 0 }

/** Up to `chunk` positions of the sparse walk (and any dense run it starts there). */
function sparseChunk(tape: TapeArrays, p: DirtyPass, w: ForwardWalk, chunk: number): void {
  const { order, dirty } = p
  const after = p.dense.after
  const passFrom = p.from
  let q = w.q
  let hits = w.hits
  let pending = p.pending // a copy: only the calls below change it
  const stop = Math.min(p.length, q + chunk)
  while (pending > 0) {
    // To the next flagged position: in a sparse pass, mostly long runs of cells no edit reached.
    while (q < stop && dirty[order[q]] === 0) q++
    if (q >= stop) break
    const id = order[q]
    if (++hits >= after && hits * 4 >= q - passFrom) {
      q = denseRun(tape, p, q, chunk)
      pending = p.pending
      continue
    }
    const before = p.changedCount
    p.lastChange = q
    runCells(tape, p, q, q + 1)
    if (p.changedCount > before) p.pending += flagUsers(p, id)
    pending = p.pending
    q++
  }
  w.q = q
  w.hits = hits
}

/**
 * A dense run from position `q` (a due cell): every tape cell runs, a chunk per call,
 * until no value has changed for `exitAfter` positions or the order ends. Returns the
 * position it stopped at (not yet run); flags the users ahead of the cells it changed.
 */
function denseRun(tape: TapeArrays, p: DirtyPass, q: number, chunk: number): number {
  const denseFrom = p.changedCount
  p.lastChange = q
  const length = p.length
  for (;;) {
    const stop = Math.min(length, q + chunk)
    q = runCells(tape, p, q, stop)
    if (q >= length) return q
    if (q < stop) {
      p.pending += flagAhead(p.changed, denseFrom, p.changedCount, q - 1, p.dense, p.dirty, p)
      return q
    }
  }
}

/** Flags the users of a cell whose value changed (cycle members never); returns how many it flagged. */
function flagUsers(p: DirtyPass, id: number): number {
  const { dirty, inCycle } = p
  let flagged = 0
  if (id < p.built)
    for (let k = p.userStart[id], e = k + p.userCount[id]; k < e; k++) {
      const u = p.userIds[k]
      if (!dirty[u] && !(inCycle !== null && inCycle(u))) {
        dirty[u] = 1
        flagged++
      }
    }
  const more = p.extraUsers === null ? undefined : p.extraUsers(id)
  if (more)
    for (const u of more)
      if (!dirty[u] && !(inCycle !== null && inCycle(u))) {
        dirty[u] = 1
        flagged++
      }
  return flagged
}


// Dense mode of the forward pass (tape-ops.ts `forwardDirty`). An edit near the top of a
// chain, a stencil or a model's weights makes nearly every cell after it due; flagging
// each changed cell's users and then testing each flag costs about as much as the tape
// ops themselves (measured: 0.5–0.7 ms of a 100k-cell edit). So once most positions
// met are due, the pass stops flagging: every tape cell from there on runs, a changed
// cell is only stamped (`changedAt`), and a cell off the tape (the general path) runs
// when it was flagged or reads a stamped cell. When no cell has changed for a while
// (`exitAfter` positions) the pass flags, in one go, the users ahead of it of the cells
// stamped meanwhile, and goes back to flagging. Same values, same change list; only
// `forwardEvaluations` counts the unchanged tape cells that ran.

/** What dense mode needs besides the ordinary pass. */
export interface DenseRun {
  /** Per cell: the pass's `epoch` when its value changed in dense mode. */
  changedAt: Int32Array
  epoch: number
  /** Position of each cell in the order. */
  pos: Int32Array
  /** Precedent rows: the cells `id` reads are precIds[precStart[id] .. + precCount[id]). */
  precStart: Int32Array
  precCount: Int32Array
  precIds: Int32Array
  /** Enter after this many due cells, once they are at least a quarter of the positions met. */
  after: number
  /** Leave after this many positions with no change. */
  exitAfter: number
  /**
   * Whether some formula cell runs off the tape (core/tape-cells.ts). When none does, a
   * cell without a segment is an input or a blank: dense mode passes it by unless it was
   * flagged, and stamps nothing (only off-tape readers read the stamps).
   */
  offTape: boolean
}

/** Whether a cell off the tape reads a cell whose value changed in dense mode. */
export function readsChanged(id: number, d: DenseRun): boolean {
  const { precStart, precCount, precIds, changedAt, epoch } = d
  for (let e = precStart[id], end = e + precCount[id]; e < end; e++) if (changedAt[precIds[e]] === epoch) return true
  return false
}

/** The users graph and the cycle test, as the forward pass has them (tape-ops.ts DirtyPass extends this). */
export interface UserRows {
  /** Users in CSR rows (cells below `built`), and the overflow lists (null: none). */
  userStart: Int32Array
  userCount: Int32Array
  userIds: Int32Array
  built: number
  extraUsers: ((id: number) => number[] | undefined) | null
  /** Cycle members (null: the workbook has none): never run by the tape, never flagged by a user. */
  inCycle: ((id: number) => boolean) | null
}

/**
 * Leaving dense mode at position `q`: flags the users after `q` of the cells
 * `changed[from .. to)` (those before it have run). Returns how many it flagged.
 */
export function flagAhead(changed: Int32Array, from: number, to: number, q: number, d: DenseRun, dirty: Uint8Array, u: UserRows): number {
  const { pos } = d
  let flagged = 0
  const flag = (v: number): void => {
    if (pos[v] <= q || dirty[v] || (u.inCycle !== null && u.inCycle(v))) return
    dirty[v] = 1
    flagged++
  }
  for (let k = from; k < to; k++) {
    const id = changed[k]
    if (id < u.built) for (let e = u.userStart[id], end = e + u.userCount[id]; e < end; e++) flag(u.userIds[e])
    const more = u.extraUsers === null ? undefined : u.extraUsers(id)
    if (more) for (const v of more) flag(v)
  }
  return flagged
}

// The forward pass's two per-cell lists, shared by every workbook (passes never overlap):
// the ids whose value changed in a pass, and dense mode's change stamps
// (evaluate/dense-run.ts; each pass has its own epoch). A leaf module, so that a loading
// workbook can size them with its other per-cell arrays (WorkbookState.reserveCells)
// without importing the forward pass.
export const passLists = {
  /** Ids of the cells whose value changed in one forward pass (grows, never shrinks). */
  changedIds: new Int32Array(1024),
  /** Dense mode's stamps: the epoch of the pass that last changed each cell. */
  changedAt: new Int32Array(1024),
}

/** Room in both lists for `capacity` cells. */
export function reservePassLists(capacity: number): void {
  if (passLists.changedIds.length < capacity) passLists.changedIds = new Int32Array(capacity)
  if (passLists.changedAt.length < capacity) passLists.changedAt = new Int32Array(capacity)
}

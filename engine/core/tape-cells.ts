// The cells that have a tape segment, in evaluation order, and how many formula cells do
// not (they run on the general path). When every formula cell is on the tape and there
// is no cycle, the cells between tape cells are inputs, labels and blanks: nothing for
// the reverse pass to do there (their gradients arrive from their readers), and nothing
// for the forward pass's dense mode to look at unless an edit flagged them. So the
// reverse pass walks this list instead of the whole order (a regression's x and y, half
// its cells; a model's five inputs per row), and dense mode neither asks an input
// whether it reads a changed cell nor stamps changes for readers off the tape.
// Rebuilt, one pass over the order, only after the order or the tape's segments changed.
import type { Schedule } from './schedule'
import type { TapeLayout } from '../evaluate/tape-layout'
import { freshArrays, type ArrayMaker } from './load-arena'

export class TapeCellList {
  /** Cells with a segment, in evaluation order: ids[0 .. count). */
  ids = new Int32Array(0)
  count = 0
  /** Formula cells without a segment (tensors, rare functions, unresolved references). */
  offTape = 0
  private orderVersion = -1
  private tapeVersion = -1

  /** Room for `n` cells (a document about to load: WorkbookState.reserveCells). */
  reserve(n: number, make: ArrayMaker = freshArrays): void {
    if (this.ids.length < n) this.ids = make.int32(n)
  }

  /** Brings the list up to date with the order and the tape (`programs[id]`: the cell's formula, if any). */
  update(schedule: Schedule, tape: TapeLayout, programs: ArrayLike<unknown>): void {
    if (schedule.version === this.orderVersion && tape.version === this.tapeVersion) return
    const { order, length } = schedule
    if (this.ids.length < length) this.ids = new Int32Array(length)
    const ids = this.ids
    let count = 0
    let offTape = 0
    for (let p = 0; p < length; p++) {
      const id = order[p]
      if (tape.has(id)) ids[count++] = id
      else if (programs[id]) offTape++
    }
    this.count = count
    this.offTape = offTape
    this.orderVersion = schedule.version
    this.tapeVersion = tape.version
  }

  /** Where `id` (a cell on the list) is in it, by its position in the order; -1 when it is not on the list. */
  indexOf(id: number, pos: Int32Array): number {
    const target = pos[id]
    let lo = 0
    let hi = this.count - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const p = pos[this.ids[mid]]
      if (p === target) return this.ids[mid] === id ? mid : -1
      if (p < target) lo = mid + 1
      else hi = mid - 1
    }
    return -1
  }
}

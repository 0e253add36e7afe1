// Who reads each cell (the graph's reverse edges), flat: compressed sparse rows — one
// Int32Array of offsets, one of user ids — rebuilt from the bindings' precedents when
// the order is recomputed, so loading a workbook creates no array per cell. Edits patch
// it: a removed edge is swapped out of its row (each row keeps a live length), an added
// edge goes to a small per-cell overflow list until the next rebuild.
import type { PrecedentRows } from './order'
import { freshArrays, type ArrayMaker } from '../core/load-arena'

export class UserGraph {
  /** Row offsets of the CSR part (length built + 1) and the live length of each row. */
  private start = new Int32Array(1)
  private live = new Int32Array(0)
  private targets = new Int32Array(0)
  /** Cells covered by the CSR part. */
  private built = 0
  /** Users added since the last rebuild (sparse). */
  private more: (number[] | undefined)[] = []
  private moreCount = 0

  add(of: number, user: number): void {
    const list = this.more[of]
    if (list) list.push(user)
    else this.more[of] = [user]
    this.moreCount++
  }

  remove(of: number, user: number): void {
    const list = this.more[of]
    if (list) {
      const k = list.lastIndexOf(user)
      if (k >= 0) {
        list[k] = list[list.length - 1]
        list.pop()
        if (!list.length) this.more[of] = undefined
        this.moreCount--
        return
      }
    }
    if (of >= this.built) return
    const from = this.start[of]
    const end = from + this.live[of]
    for (let k = end - 1; k >= from; k--) {
      if (this.targets[k] !== user) continue
      this.targets[k] = this.targets[end - 1]
      this.live[of]--
      return
    }
  }

  /** How many cells read `of`. */
  count(of: number): number {
    return (of < this.built ? this.live[of] : 0) + (this.more[of]?.length ?? 0)
  }

  /** Calls `visit` for each cell that reads `of`. */
  forEach(of: number, visit: (user: number) => void): void {
    if (of < this.built) for (let k = this.start[of], end = k + this.live[of]; k < end; k++) visit(this.targets[k])
    const list = this.more[of]
    if (list) for (const u of list) visit(u)
  }

  /** The cells that read `of` (a new array: for code off the hot path). */
  list(of: number): number[] {
    const out: number[] = []
    this.forEach(of, (u) => out.push(u))
    return out
  }

  /** The CSR arrays for a hot loop: row `of` is targets[start[of] .. start[of] + live[of]) when of < built, then `extra(of)`. */
  rows(): { start: Int32Array; live: Int32Array; targets: Int32Array; built: number } {
    return { start: this.start, live: this.live, targets: this.targets, built: this.built }
  }

  /** Whether any cell has users outside the CSR part (else `extra` is always undefined). */
  get hasExtra(): boolean {
    return this.moreCount > 0
  }

  extra(of: number): number[] | undefined {
    return this.more[of]
  }

  /** Whether enough edges sit in overflow lists that a rebuild pays. */
  get scattered(): boolean {
    return this.moreCount > 4096 && this.moreCount * 2 > this.targets.length
  }

  /** Arrays made ahead for the next rebuild's offsets and live lengths (all zeros), or null. */
  private ahead: { start: Int32Array<ArrayBuffer>; live: Int32Array<ArrayBuffer> } | null = null

  /** Makes the next rebuild's per-cell arrays now, for up to `n` cells (a document about to load: WorkbookState.reserveCells). */
  reserve(n: number, make: ArrayMaker = freshArrays): void {
    this.ahead = { start: make.int32(n + 1), live: make.int32(n) }
  }

  /** Rebuilds the CSR rows of cells 0..count-1 from each cell's precedents; empties the overflow lists. */
  rebuild(count: number, rows: PrecedentRows): void {
    const ahead = this.ahead !== null && this.ahead.live.length >= count ? this.ahead : null
    this.ahead = null
    const start = rowOffsets(count, rows, ahead?.start)
    const targets = new Int32Array(start[count])
    const live = ahead ? ahead.live : new Int32Array(count)
    fillRows(count, rows, start, live, targets)
    this.start = start
    this.live = live
    this.targets = targets
    this.built = count
    this.more = []
    this.moreCount = 0
  }
}

// rebuild's loops as functions of their own, each optimised while it runs (one loop's
// optimised code met the next loop without type feedback and was dropped; issue 12).

/** Row offsets of the users CSR: how many cells read each cell, summed. */
function rowOffsets(count: number, rows: PrecedentRows, zeros?: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const { start: rowStart, count: rowCount, ids } = rows
  const start = zeros ?? new Int32Array(count + 1)
  for (let id = 0; id < count; id++) for (let e = rowStart[id], end = e + rowCount[id]; e < end; e++) start[ids[e] + 1]++
  prefixSums(start, count)
  return start
}

function prefixSums(a: Int32Array, count: number): void {
  for (let id = 0; id < count; id++) a[id + 1] += a[id]
}

function fillRows(count: number, rows: PrecedentRows, start: Int32Array, live: Int32Array, targets: Int32Array): void {
  const { start: rowStart, count: rowCount, ids } = rows
  for (let id = 0; id < count; id++)
    for (let e = rowStart[id], end = e + rowCount[id]; e < end; e++) {
      const p = ids[e]
      targets[start[p] + live[p]++] = id
    }
}

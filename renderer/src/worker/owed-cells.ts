// The positions whose views the worker still owes the UI (behind a large edit or a
// windowed load), each owed once however many updates touched it, handed out oldest
// first. A million-cell chain edit owes a million positions again on every edit, so both
// operations are flat loops over typed arrays: a JS Set of packed positions took
// 0.3–0.9 s to absorb one such edit (measured), this takes milliseconds. Dedup is one bit
// per (row, column): a bitmap over rows for each column in use, grown as rows appear.
import type { ChangedCells } from '../../../engine/api'

/** One bit per row of one column: set while that cell is owed. */
class ColumnBits {
  bits = new Uint32Array(64)

  /** Sets the bit of `row` (≥ 0); false when it was already set. */
  add(row: number): boolean {
    const word = row >>> 5
    if (word >= this.bits.length) {
      const grown = new Uint32Array(Math.max(word + 1, this.bits.length * 2))
      grown.set(this.bits)
      this.bits = grown
    }
    const mask = 1 << (row & 31)
    if (this.bits[word] & mask) return false
    this.bits[word] |= mask
    return true
  }

  remove(row: number): void {
    const word = row >>> 5
    if (word < this.bits.length) this.bits[word] &= ~(1 << (row & 31))
  }
}

/** The owed cells of one sheet: marks for dedup, and a FIFO of positions (1-based). */
class SheetOwed {
  private columns = new Map<number, ColumnBits>()
  rows = new Int32Array(1024)
  cols = new Int32Array(1024)
  head = 0
  tail = 0

  get size(): number {
    return this.tail - this.head
  }

  private bitsOf(col: number): ColumnBits {
    let bits = this.columns.get(col)
    if (!bits) this.columns.set(col, (bits = new ColumnBits()))
    return bits
  }

  private room(extra: number): void {
    if (this.tail + extra <= this.rows.length) return
    // Drop what was handed out, and grow if that is not enough.
    const live = this.tail - this.head
    const size = Math.max(this.rows.length, 2 * (live + extra))
    const rows = new Int32Array(size)
    const cols = new Int32Array(size)
    rows.set(this.rows.subarray(this.head, this.tail))
    cols.set(this.cols.subarray(this.head, this.tail))
    this.rows = rows
    this.cols = cols
    this.head = 0
    this.tail = live
  }

  /** Adds the positions not owed yet; returns how many were new. */
  push(rows: Int32Array, cols: Int32Array): number {
    this.room(rows.length)
    let added = 0
    let lastCol = -1
    let bits: ColumnBits | undefined
    for (let k = 0; k < rows.length; k++) {
      const col = cols[k]
      if (col !== lastCol) {
        bits = this.bitsOf(col)
        lastCol = col
      }
      if (!bits!.add(rows[k])) continue
      this.rows[this.tail] = rows[k]
      this.cols[this.tail] = col
      this.tail++
      added++
    }
    return added
  }

  /** The oldest owed position, no longer owed afterwards. */
  shift(): [number, number] {
    const row = this.rows[this.head]
    const col = this.cols[this.head]
    this.head++
    this.columns.get(col)?.remove(row)
    return [row, col]
  }
}

/** Owed positions of every sheet, in the order sheets first owed something. */
export class OwedCells {
  private sheets = new Map<string, SheetOwed>()
  private count = 0

  get size(): number {
    return this.count
  }

  push(parts: ChangedCells[]): void {
    for (const p of parts) {
      let owed = this.sheets.get(p.sheet)
      if (!owed) this.sheets.set(p.sheet, (owed = new SheetOwed()))
      this.count += owed.push(p.rows, p.cols)
    }
  }

  clear(): void {
    this.sheets.clear()
    this.count = 0
  }

  /** Up to `n` owed positions (1-based row, column) with their sheet, no longer owed afterwards. */
  *take(n: number): Generator<[string, number, number]> {
    let given = 0
    for (const [sheet, owed] of this.sheets) {
      while (owed.size > 0) {
        if (given >= n) return
        const [row, col] = owed.shift()
        this.count--
        given++
        yield [sheet, row, col]
      }
      this.sheets.delete(sheet)
    }
  }
}

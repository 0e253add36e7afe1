// What the current update changed: a flag per cell plus the list of flagged ids (typed:
// an edit can flag every cell), and the cells whose input, name or param changed
// (listed even when their value did not change).

export class ChangeTracker {
  private flagged = new Uint8Array(1024)
  private ids = new Int32Array(1024)
  private count = 0
  /** Cells whose input, name or param changed in this update. */
  readonly meta = new Set<number>()

  grow(capacity: number): void {
    if (capacity <= this.flagged.length) return
    const f = new Uint8Array(capacity)
    f.set(this.flagged)
    this.flagged = f
    const ids = new Int32Array(capacity)
    ids.set(this.ids)
    this.ids = ids
  }

  touch(id: number): void {
    if (this.flagged[id]) return
    this.flagged[id] = 1
    this.ids[this.count++] = id
  }

  /** Flags the first `count` ids of `ids` (one pass's changed values, recorded at once). */
  touchMany(ids: Int32Array, count: number): void {
    const flagged = this.flagged
    const list = this.ids
    let n = this.count
    for (let k = 0; k < count; k++) {
      const id = ids[k]
      if (flagged[id]) continue
      flagged[id] = 1
      list[n++] = id
    }
    this.count = n
  }

  /** Flags every id below `n` (all gradients changed). */
  touchAll(n: number): void {
    for (let id = 0; id < n; id++) this.touch(id)
  }

  get length(): number {
    return this.count
  }

  /** Calls `visit` for each flagged id in flag order, then clears the flags. */
  drain(visit: (id: number) => void): void {
    for (let t = 0; t < this.count; t++) {
      const id = this.ids[t]
      this.flagged[id] = 0
      visit(id)
    }
    this.count = 0
  }

  /**
   * The flagged ids in flag order, as a view valid until the next touch; clears the flags.
   * (What `drain` does, without a call per id, for loops over every changed cell.)
   */
  take(): Int32Array {
    const ids = this.ids.subarray(0, this.count)
    const flagged = this.flagged
    for (let t = 0; t < ids.length; t++) flagged[ids[t]] = 0
    this.count = 0
    return ids
  }

  /** Forgets every flag without visiting (after the first pass of a load). */
  clear(): void {
    for (let t = 0; t < this.count; t++) this.flagged[this.ids[t]] = 0
    this.count = 0
    this.meta.clear()
  }
}

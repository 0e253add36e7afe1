// J's cone: every cell the objective reads, directly or through other cells. Only a
// value change inside it can change any gradient, so the forward pass asks `has` to
// decide whether the reverse pass must run at all, and the reverse pass compares old
// and new gradients over the cone instead of over every cell. Recomputed (a walk along
// precedent edges from J) only after a structural change: a formula, name, sheet or
// the objective changed.
import type { CellStore } from '../graph/store'

/** The cone's cells that a change list names, by sheet: `listed[id]` is 1 for each of them. */
export interface ConePositions {
  parts: { sheet: number; rows: Int32Array; cols: Int32Array }[]
  listed: Uint8Array
  count: number
}

export class ObjectiveCone {
  /** 1 for cells in the cone. */
  private flag = new Uint8Array(0)
  /** Where the cone's listable cells are, per sheet (core/change-list.ts builds it; dropped when the cone changes). */
  positions: ConePositions | null = null
  /** The cone's cells: ascending ids when the cone is a large part of the workbook (see compute), else J first. */
  ids = new Int32Array(0)
  count = 0
  /** The cone must be recomputed before it is trusted (then every value change counts). */
  stale = true
  /**
   * Every formula in the cone runs on the tape through affine ops only (set by the reverse
   * pass with the cone: core/reverse.ts): J is then an affine function of the cone's cells,
   * and its gradients change only when some cell's kind does (a number becoming a label,
   * an error or a blank changes which paths carry a gradient), never with a value.
   */
  affine = false
  /** Whether `affine` may be set at all (EngineOptions.alwaysReverse turns it off). */
  affineAllowed = true

  /** Whether a value change of `id` can change a gradient. */
  matters(id: number): boolean {
    return this.stale || (id < this.flag.length && this.flag[id] === 1)
  }

  has(id: number): boolean {
    return id < this.flag.length && this.flag[id] === 1
  }

  /** 1 for cells in the cone (read-only; sized to the store's capacity once computed). */
  get flags(): Uint8Array {
    return this.flag
  }

  /** Whether any of the first `count` ids is in the cone. */
  hasAny(ids: Int32Array, count: number): boolean {
    const flag = this.flag
    for (let k = 0; k < count; k++) if (flag[ids[k]] === 1) return true
    return false
  }

  /** The cells `root` reads, transitively (breadth-first along precedent edges). */
  compute(store: CellStore, root: number): void {
    this.positions = null
    for (let k = 0; k < this.count; k++) this.flag[this.ids[k]] = 0
    if (this.flag.length < store.capacity) this.flag = new Uint8Array(store.capacity)
    if (this.ids.length < 16) this.ids = new Int32Array(16)
    let ids = this.ids
    let count = 0
    this.flag[root] = 1
    ids[count++] = root
    const rows = store.bindings // flat precedent rows (issue 12, load branch: graph/bindings.ts)
    for (let q = 0; q < count; q++) {
      const v = ids[q]
      for (let e = rows.start[v], end = e + rows.count[v]; e < end; e++) {
        const p = rows.ids[e]
        if (this.flag[p]) continue
        this.flag[p] = 1
        if (count === ids.length) {
          const grown = new Int32Array(ids.length * 2)
          grown.set(ids)
          ids = grown
        }
        ids[count++] = p
      }
    }
    // A large cone is listed by ascending id instead of breadth-first: the reverse pass
    // walks it once per pass over three per-cell arrays, and breadth-first order from J
    // jumps across them (a stencil's anti-diagonals), while ids follow the sheet's layout.
    if (count * 16 > store.count) {
      count = 0
      const flag = this.flag
      for (let id = 0; id < store.count; id++) if (flag[id]) ids[count++] = id
    }
    this.ids = ids
    this.count = count
    this.stale = false
  }

  /** No usable objective: no cone, and every value change counts until there is one. */
  clear(): void {
    this.affine = false
    this.positions = null
    for (let k = 0; k < this.count; k++) this.flag[this.ids[k]] = 0
    this.count = 0
    this.stale = true
  }
}

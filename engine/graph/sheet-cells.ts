// A sheet's address → cell id index, per column. A column whose rows are dense (the
// usual case: a block of data or formulas) is a growable Int32Array indexed by row, so
// a lookup is one array read instead of a hash lookup and a 100k-row column is not
// rehashed as it fills; a column with rows far apart switches to a Map keyed by row.
// Ids are kept in creation order (the loaded document's order) for saving.

/** A dense column may use up to this many slots per cell it holds (plus a fixed allowance). */
const SLOTS_PER_CELL = 4
const DENSE_ALLOWANCE = 4096

type Column = { dense: Int32Array; count: number } | Map<number, number>

export class SheetCells {
  private byCol: (Column | undefined)[] = []
  readonly ids: number[] = []

  get(row: number, col: number): number {
    const c = this.byCol[col]
    if (c === undefined) return -1
    if (c instanceof Map) return c.get(row) ?? -1
    return row < c.dense.length ? c.dense[row] : -1
  }

  set(row: number, col: number, id: number): void {
    let c = this.byCol[col]
    if (c === undefined) this.byCol[col] = c = { dense: new Int32Array(16).fill(-1), count: 0 }
    if (!(c instanceof Map)) {
      if (row >= c.dense.length) {
        const size = Math.max(row + 1, c.dense.length * 2)
        if (size > SLOTS_PER_CELL * (c.count + 1) + DENSE_ALLOWANCE) c = this.toMap(col, c.dense)
        else {
          const grown = new Int32Array(size).fill(-1)
          grown.set(c.dense)
          c.dense = grown
        }
      }
    }
    if (c instanceof Map) c.set(row, id)
    else {
      if (c.dense[row] < 0) c.count++
      c.dense[row] = id
    }
    this.ids.push(id)
  }

  /**
   * Sizes the dense columns for cells about to be added (a loading sheet's staged
   * positions: `rows[k]`, `cols[k]` for k < count) at once instead of by doubling, for
   * each column that would stay dense with all of them. Lookups are the same either way;
   * this spares the copies, which are array buffers V8 counts towards its next full
   * collection (docs/benchmarks.md, "Eighth session: the 1M loads").
   */
  reserveColumns(rows: Int32Array, cols: Int32Array, count: number): void {
    const top = new Map<number, { maxRow: number; cells: number }>()
    for (let k = 0; k < count; k++) {
      const t = top.get(cols[k])
      if (t === undefined) top.set(cols[k], { maxRow: rows[k], cells: 1 })
      else {
        t.cells++
        if (rows[k] > t.maxRow) t.maxRow = rows[k]
      }
    }
    for (const [col, { maxRow, cells }] of top) {
      const size = maxRow + 1
      const c = this.byCol[col]
      if (c instanceof Map || size > SLOTS_PER_CELL * cells + DENSE_ALLOWANCE) continue
      if (c !== undefined && c.dense.length >= size) continue
      const dense = new Int32Array(size).fill(-1)
      if (c !== undefined) dense.set(c.dense)
      this.byCol[col] = { dense, count: c?.count ?? 0 }
    }
  }

  private toMap(col: number, dense: Int32Array): Map<number, number> {
    const m = new Map<number, number>()
    for (let r = 0; r < dense.length; r++) if (dense[r] >= 0) m.set(r, dense[r])
    this.byCol[col] = m
    return m
  }
}

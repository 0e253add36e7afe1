// A sheet's address → cell id index. Keyed per column by row so every key is a small
// integer (a single row*cols key would exceed V8's small-integer range and box), and
// the ids are kept in creation order (the loaded document's order) for saving.
export class SheetCells {
  private byCol: (Map<number, number> | undefined)[] = []
  readonly ids: number[] = []

  get(row: number, col: number): number {
    return this.byCol[col]?.get(row) ?? -1
  }

  set(row: number, col: number, id: number): void {
    let m = this.byCol[col]
    if (!m) this.byCol[col] = m = new Map()
    m.set(row, id)
    this.ids.push(id)
  }
}

// Where each cell name is, for the name box (go to a name) and formula autocomplete.
// With a windowed load the store holds only some cells' views at first, so the names
// cannot be found by walking the views: the load brings every name (worker/load-layout.ts)
// and every view that arrives afterwards keeps the index current (a name set, moved or
// removed by an edit comes with that cell's new view).
import type { CellView } from '../../../engine/api'

export interface NamedCell {
  sheet: string
  address: string
}

export function createNameIndex() {
  let byName = new Map<string, NamedCell>()

  return {
    /** Replaces the index (a load or a snapshot). */
    reset(names: Iterable<[string, NamedCell]>): void {
      byName = new Map(names)
    },
    /** A cell's view changed from `before` to `after` (either undefined when the cell is or becomes empty). */
    update(before: CellView | undefined, after: CellView | undefined): void {
      if (before?.name && before.name !== after?.name) {
        const at = byName.get(before.name)
        if (at && at.sheet === before.sheet && at.address === before.address) byName.delete(before.name)
      }
      if (after?.name) byName.set(after.name, { sheet: after.sheet, address: after.address })
    },
    find: (name: string): NamedCell | undefined => byName.get(name),
    names: (): string[] => [...byName.keys()],
  }
}

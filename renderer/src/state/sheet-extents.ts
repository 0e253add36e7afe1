// How far each sheet's data reaches (one past its last used row and column), so the
// scrollbar can span the used range plus a margin instead of a million rows. Exact after
// a load; afterwards it only grows (a cleared cell keeps the scroll space it opened,
// as Excel's "last cell" does until a save), which keeps it O(1) per changed cell.
import { createSignal } from 'solid-js'
import type { CellView } from '../../../engine/api'
import { parseAddress } from '../model/address'

export interface Extent {
  rows: number
  cols: number
}

export function createSheetExtents() {
  const bySheet = new Map<string, Extent>()
  const [version, setVersion] = createSignal(0)
  let dirty = false

  function grow(view: CellView): void {
    const p = parseAddress(view.address)
    if (!p) return
    const e = bySheet.get(view.sheet)
    if (!e) {
      bySheet.set(view.sheet, { rows: p.row + 1, cols: p.col + 1 })
      dirty = true
    } else if (p.row >= e.rows || p.col >= e.cols) {
      e.rows = Math.max(e.rows, p.row + 1)
      e.cols = Math.max(e.cols, p.col + 1)
      dirty = true
    }
  }

  function publish(): void {
    if (dirty) setVersion((n) => n + 1)
    dirty = false
  }

  function reset(views: Iterable<CellView>): void {
    bySheet.clear()
    for (const v of views) grow(v)
    dirty = true
    publish()
  }

  /** Exact extents computed elsewhere (the worker's windowed load, which sends only some views). */
  function resetTo(exact: Record<string, Extent>): void {
    bySheet.clear()
    for (const [sheet, e] of Object.entries(exact)) bySheet.set(sheet, { rows: e.rows, cols: e.cols })
    dirty = true
    publish()
  }

  function of(sheet: string): Extent {
    version()
    const e = bySheet.get(sheet)
    return e ? { ...e } : { rows: 0, cols: 0 }
  }

  return { grow, publish, reset, resetTo, of }
}

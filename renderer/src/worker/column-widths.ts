// The sheets' custom column widths as the worker sends them to the grid (edit-ui). Read
// per sheet from the engine (a few entries each), never through toDocument(), which
// builds every cell's entry (~0.7 s on a 100k-cell workbook, measured).
import type { Engine } from '../../../engine/index'
import type { ColumnWidths } from './protocol'

/** Edits after which the widths are sent again (they set, shift or rename them). */
export const WIDTH_EDITS = new Set<string>(['setColumnWidth', 'insertColumns', 'deleteColumns', 'addSheet', 'renameSheet', 'deleteSheet'])

export function columnWidthsOf(e: Engine): ColumnWidths {
  const out: ColumnWidths = {}
  for (const sheet of e.sheets()) {
    const widths = e.columnWidths?.(sheet)
    if (widths && widths.size > 0) out[sheet] = Object.fromEntries(widths)
  }
  return out
}

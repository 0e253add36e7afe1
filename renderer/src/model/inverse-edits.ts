// The edits that undo a user action, computed from the cell views before it is applied.
import type { CellView, Edit } from '../../../engine/api'

/** What the inverse computation needs to know about the workbook before the action. */
export interface WorkbookBefore {
  cell(sheet: string, address: string): CellView | undefined
  /** Cells of one sheet that have an input, a name or the param flag. */
  cellsOfSheet(sheet: string): CellView[]
  sheets(): string[]
  objectiveRef(): string | null
}

export function inverseOf(edit: Edit, before: WorkbookBefore): Edit[] {
  switch (edit.type) {
    case 'setInput': {
      const prev = before.cell(edit.sheet, edit.address)
      return [{ type: 'setInput', sheet: edit.sheet, address: edit.address, input: prev?.input ?? '' }]
    }
    case 'setName': {
      const prev = before.cell(edit.sheet, edit.address)
      return [{ type: 'setName', sheet: edit.sheet, address: edit.address, name: prev?.name ?? null }]
    }
    case 'setParam': {
      const prev = before.cell(edit.sheet, edit.address)
      return [{ type: 'setParam', sheet: edit.sheet, address: edit.address, param: prev?.param ?? false }]
    }
    case 'setObjective':
      return [{ type: 'setObjective', ref: before.objectiveRef() }]
    case 'addSheet':
      return [{ type: 'deleteSheet', name: edit.name }]
    case 'renameSheet':
      return [{ type: 'renameSheet', from: edit.to, to: edit.from }]
    case 'deleteSheet': {
      const index = before.sheets().indexOf(edit.name)
      const restore: Edit[] = [{ type: 'addSheet', name: edit.name, index: index < 0 ? undefined : index }]
      for (const c of before.cellsOfSheet(edit.name)) {
        if (c.input !== '') restore.push({ type: 'setInput', sheet: c.sheet, address: c.address, input: c.input })
        if (c.name) restore.push({ type: 'setName', sheet: c.sheet, address: c.address, name: c.name })
        if (c.param) restore.push({ type: 'setParam', sheet: c.sheet, address: c.address, param: true })
      }
      // Deleting a sheet may clear an objective that lived on it.
      restore.push({ type: 'setObjective', ref: before.objectiveRef() })
      return restore
    }
    case 'setColumnWidth':
      // The width before is not a cell view; engine/edits records it when it expands an action.
      return []
    default:
      // Composite edits (copy, fill, insert rows, ...) are expanded into primitive edits
      // by engine/edits before their inverse is computed.
      throw new Error(`inverseOf: "${edit.type}" must be expanded into primitive edits first`)
  }
}

/**
 * Inverse of a whole action: the inverses of its edits in reverse order, so applying
 * them after the action returns every touched cell, name and sheet to its state before.
 */
export function inverseOfAll(edits: Edit[], before: WorkbookBefore): Edit[] {
  const out: Edit[] = []
  for (let i = edits.length - 1; i >= 0; i--) out.push(...inverseOf(edits[i], before))
  return out
}

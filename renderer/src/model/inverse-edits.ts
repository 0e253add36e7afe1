// The edits that undo a user action, computed from the cell views before it is applied.
import type { CellView, Edit } from '../../../engine/api'
import { EditPlan, type Content } from '../../../engine/edits/emit'

/** What the inverse computation needs to know about the workbook before the action. */
export interface WorkbookBefore {
  cell(sheet: string, address: string): CellView | undefined
  /** Cells of one sheet that have an input, a name or the param flag. */
  cellsOfSheet(sheet: string): CellView[]
  sheets(): string[]
  objectiveRef(): string | null
  /** A column's width in px before the action, or null for the default. */
  columnWidth(sheet: string, column: string): number | null
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
      // null: the cell had no mark at all (not even param: false), so undo leaves none.
      return [{ type: 'setParam', sheet: edit.sheet, address: edit.address, param: prev?.param ?? null }]
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
      return [{ type: 'setColumnWidth', sheet: edit.sheet, column: edit.column, width: before.columnWidth(edit.sheet, edit.column) }]
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

const contentOf = (c: CellView | undefined): Content => {
  const out: Content = { input: c?.input ?? '' }
  if (c?.name !== undefined) out.name = c.name
  if (c?.param !== undefined) out.param = c.param
  return out
}

/**
 * The exact inverse of an editing command's primitive edits (engine/edits expandEdit:
 * setInput, setName, setParam, setObjective, setColumnWidth only). Per-edit inverses in
 * reverse order could trip over names (undoing A1 → A2 → A3 renames must free each name
 * before it is given back), so this computes every touched cell's content after the
 * edits and writes the way back in the engine's safe order: names cleared, inputs,
 * marks, names set, then the objective and widths.
 */
export function inverseOfExpansion(edits: Edit[], before: WorkbookBefore): Edit[] {
  const key = (sheet: string, address: string) => `${sheet}\u0000${address}`
  const cells = new Map<string, { sheet: string; address: string; was: Content; now: Content }>()
  const widths = new Map<string, Edit>()
  let objective: Edit | null = null
  for (const e of edits) {
    if (e.type === 'setInput' || e.type === 'setName' || e.type === 'setParam') {
      const k = key(e.sheet, e.address)
      let c = cells.get(k)
      if (!c) {
        const was = contentOf(before.cell(e.sheet, e.address))
        cells.set(k, (c = { sheet: e.sheet, address: e.address, was, now: { ...was } }))
      }
      if (e.type === 'setInput') c.now.input = e.input
      else if (e.type === 'setName') {
        if (e.name === null) delete c.now.name
        else c.now.name = e.name
      } else if (e.param === null) delete c.now.param
      else c.now.param = e.param
    } else if (e.type === 'setObjective') objective ??= { type: 'setObjective', ref: before.objectiveRef() }
    else if (e.type === 'setColumnWidth') {
      const k = key(e.sheet, e.column.toUpperCase())
      if (!widths.has(k)) widths.set(k, { type: 'setColumnWidth', sheet: e.sheet, column: e.column, width: before.columnWidth(e.sheet, e.column) })
    } else throw new Error(`inverseOfExpansion: "${e.type}" is not an edit an editing command expands into`)
  }
  const plan = new EditPlan()
  for (const c of cells.values()) plan.cell(c.sheet, c.address, c.now, c.was)
  if (objective) plan.then(objective)
  for (const w of widths.values()) plan.then(w)
  return plan.edits()
}

// Edit validation and the workbook-level edits: each primitive edit is checked (types,
// sheet and address, name rules, sheet-name rules, the cell limit) and then applied to
// the state; a refused edit changes nothing and says why.
import type { Edit } from '../api'
import { quoteSheet } from '../address'
import { nameProblem } from '../names'
import { rebindNameUsers, rebindSheetUsers, setInput, unbind } from './binding'
import type { WorkbookState } from './workbook-state'
import { setColumnWidthIn } from '../workbook/columns'

/** Applies one edit; returns why it was refused, or null. */
export function applyOne(w: WorkbookState, edit: Edit): string | null {
  if (!edit || typeof edit !== 'object') return 'an edit must be an object'
  switch (edit.type) {
    case 'setInput': {
      if (typeof edit.input !== 'string') return 'the input must be text'
      const at = w.locate(edit.sheet, edit.address)
      if (typeof at === 'string') return at
      const id = w.cellWithinLimit(at.sid, at.row, at.col)
      if (typeof id === 'string') return id
      setInput(w, id, edit.input)
      return null
    }
    case 'setName':
      return setName(w, edit.sheet, edit.address, edit.name)
    case 'setParam': {
      if (typeof edit.param !== 'boolean' && edit.param !== null) return 'param must be true, false or null' // null: no mark (editing commands)
      const at = w.locate(edit.sheet, edit.address)
      if (typeof at === 'string') return at
      const id = w.cellWithinLimit(at.sid, at.row, at.col)
      if (typeof id === 'string') return id
      w.store.param[id] = edit.param === null ? 0 : edit.param ? 1 : 2
      w.changes.meta.add(id)
      return null
    }
    case 'setObjective': {
      if (edit.ref !== null && typeof edit.ref !== 'string') return 'the objective must be a reference or null'
      w.objectiveRef = edit.ref === null || edit.ref.trim() === '' ? null : edit.ref.trim()
      return null
    }
    case 'addSheet': {
      const problem = w.sheets.nameProblem(edit.name, -1)
      if (problem) return problem
      w.sheets.add(edit.name, {}, typeof edit.index === 'number' ? edit.index : undefined)
      rebindSheetUsers(w)
      return null
    }
    case 'renameSheet':
      return renameSheet(w, edit.from, edit.to)
    case 'deleteSheet':
      return deleteSheet(w, edit.name)
    case 'setColumnWidth': {
      // A display width, kept in the sheet's optional `columns` field (engine/workbook/columns.ts).
      const sid = typeof edit.sheet === 'string' ? w.sheets.id(edit.sheet) : -1
      return sid < 0 ? `there is no sheet named "${String(edit.sheet)}"` : setColumnWidthIn(w.sheets.extra(sid), edit.column, edit.width)
    }
    default:
      return `unknown edit type "${String((edit as { type?: unknown }).type)}"`
  }
}

function setName(w: WorkbookState, sheet: string, address: string, name: string | null): string | null {
  const at = w.locate(sheet, address)
  if (typeof at === 'string') return at
  if (name !== null && typeof name !== 'string') return 'a name must be text or null'
  const wanted = name === null || name.trim() === '' ? null : name.trim()
  if (wanted !== null) {
    const problem = nameProblem(wanted)
    if (problem) return problem
  }
  const existing = w.existingCell(at.sid, at.row, at.col)
  if (wanted !== null) {
    const owner = w.names.idOf(wanted)
    if (owner !== undefined && owner !== existing) return `the name "${wanted}" is already used by ${w.label(owner, -1)}`
  }
  const id = w.cellWithinLimit(at.sid, at.row, at.col)
  if (typeof id === 'string') return id
  const old = w.names.nameOf(id) ?? null
  if (old === wanted) return null
  if (old !== null) {
    w.names.release(old)
    rebindNameUsers(w, old)
  }
  if (wanted !== null) {
    w.names.assign(wanted, id)
    rebindNameUsers(w, wanted)
  }
  w.changes.meta.add(id)
  return null
}

function renameSheet(w: WorkbookState, from: string, to: string): string | null {
  const sid = typeof from === 'string' ? w.sheets.id(from) : -1
  if (sid < 0) return `there is no sheet named "${String(from)}"`
  const problem = w.sheets.nameProblem(to, sid)
  if (problem) return problem
  const oldName = w.sheets.name(sid)
  w.sheets.states[sid].name = to
  // Rewrite references to the old name in formulas, as spreadsheets do.
  for (const u of [...w.sheetRefUsers]) {
    const b = w.store.bindingOf(u)
    const input = w.store.input[u]
    if (!b) continue
    const offset = input.indexOf('=') + 1
    let text = input
    for (let k = b.refs.length - 1; k >= 0; k--) {
      const r = b.refs[k]
      if (r.sheet === null || r.sheet.toLowerCase() !== oldName.toLowerCase()) continue
      text = text.slice(0, offset + r.sheetStart) + quoteSheet(to) + '!' + text.slice(offset + r.sheetEnd)
    }
    if (text !== input) setInput(w, u, text)
  }
  if (w.objectiveRef !== null) {
    const m = /^(?:'((?:[^']|'')+)'|([^!']+))!(.+)$/.exec(w.objectiveRef)
    const sheet = m ? (m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]) : null
    if (m && sheet!.toLowerCase() === oldName.toLowerCase()) w.objectiveRef = `${quoteSheet(to)}!${m[3]}`
  }
  rebindSheetUsers(w)
  for (const id of w.sheets.cells(sid).ids) if (w.hasContent(id)) w.changes.meta.add(id)
  return null
}

function deleteSheet(w: WorkbookState, name: string): string | null {
  const sid = typeof name === 'string' ? w.sheets.id(name) : -1
  if (sid < 0) return `there is no sheet named "${String(name)}"`
  if (w.sheets.order.length === 1) return 'a workbook needs at least one sheet'
  for (const id of w.sheets.cells(sid).ids) {
    const n = w.names.nameOf(id)
    if (n !== undefined) {
      w.names.release(n)
      rebindNameUsers(w, n)
    }
    unbind(w, id)
    w.store.input[id] = ''
    w.store.param[id] = 0
    w.cellExtra.delete(id)
    w.schedule.markDirty(id)
  }
  w.sheets.remove(sid)
  rebindSheetUsers(w)
  return null
}

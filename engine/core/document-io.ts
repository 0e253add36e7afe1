// Document I/O: a validated WorkbookDocument (engine/workbook restore) into the state,
// and the state back into a document of the same shape, unknown fields preserved.
import { formatAddress, parseAddress } from '../address'
import { nameProblem } from '../names'
import { CURRENT_VERSION, FORMAT, type CellEntry, type WorkbookDocument } from '../workbook/document'
import { defineField } from '../workbook/json-values'
import { bind } from './binding'
import type { WorkbookState } from './workbook-state'

const withoutKeys = (o: Record<string, unknown>, keys: string[]): Record<string, unknown> => {
  const out: Record<string, unknown> = {}
  // defineField: an unknown "__proto__" field stays a field instead of becoming the prototype.
  for (const k of Object.keys(o)) if (!keys.includes(k)) defineField(out, k, o[k])
  return out
}

function hasExtraKeys(entry: object): boolean {
  for (const k in entry) if (k !== 'input' && k !== 'name' && k !== 'param') return true
  return false
}

/** Fills an empty state from a document; every cell is left dirty for the first pass. */
export function loadDocument(w: WorkbookState, doc: WorkbookDocument): void {
  w.docExtra = withoutKeys(doc, ['format', 'version', 'objective', 'sheets'])
  w.objectiveRef = doc.objective ?? null
  const formulas: number[] = []
  // Own keys only (never inherited ones), counted first so every per-cell array is sized once.
  const keys = doc.sheets.map((sheet) => Object.keys(sheet.cells))
  w.reserveCells(keys.reduce((n, k) => n + k.length, 0))
  doc.sheets.forEach((sheet, k) => {
    const sid = w.sheets.add(sheet.name, withoutKeys(sheet, ['name', 'cells']))
    for (const address of keys[k]) {
      const entry = sheet.cells[address]
      const at = parseAddress(address)
      if (!at || typeof entry?.input !== 'string') continue
      const id = w.ensureCell(sid, at.row, at.col)
      w.store.input[id] = entry.input
      if (typeof entry.param === 'boolean') w.store.param[id] = entry.param ? 1 : 2
      if (typeof entry.name === 'string' && !nameProblem(entry.name) && w.names.idOf(entry.name) === undefined) w.names.assign(entry.name, id)
      if (hasExtraKeys(entry)) w.cellExtra.set(id, withoutKeys(entry, ['input', 'name', 'param']))
      // Most formulas start with "=" right away: trim (which may copy) only when not.
      if (entry.input.charCodeAt(0) === 61 || entry.input.trim().startsWith('=')) formulas.push(id)
      w.schedule.markDirty(id)
    }
  })
  // The order and the users graph are computed from the precedent rows on the first pass.
  w.schedule.stale = true
  w.loading = true
  for (const id of formulas) bind(w, id)
  w.loading = false
}

export function toDocument(w: WorkbookState): WorkbookDocument {
  const s = w.store
  const sheets = w.sheets.order.map((sid) => {
    const st = w.sheets.states[sid]
    const cells: Record<string, CellEntry> = {}
    for (const id of st.cells.ids) {
      if (!w.hasContent(id) && !w.cellExtra.has(id)) continue
      const entry: CellEntry = { ...w.cellExtra.get(id), input: s.input[id] }
      const name = w.names.nameOf(id)
      if (name !== undefined) entry.name = name
      if (s.param[id]) entry.param = s.param[id] === 1
      cells[formatAddress(s.row[id], s.col[id])] = entry
    }
    return { ...st.extra, name: st.name, cells }
  })
  return { ...w.docExtra, format: FORMAT, version: CURRENT_VERSION, objective: w.objectiveRef, sheets }
}

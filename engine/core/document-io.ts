// Document I/O: a validated WorkbookDocument (engine/workbook restore) into the state,
// and the state back into a document of the same shape, unknown fields preserved.
import { formatAddress, parseAddress, readCanonicalAddress } from '../address'
import { nameProblem } from '../names'
import { CURRENT_VERSION, FORMAT, type CellEntry, type WorkbookDocument } from '../workbook/document'
import { defineField } from '../workbook/json-values'
import { bind, layoutLoaded } from './binding'
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

/** Where a cell key is read into (no object per cell). */
const at = { row: 0, col: 0 }

/**
 * Fills an empty state from a document; every cell is left dirty for the first pass.
 * One walk over each sheet's keys (listing a million-key object's keys costs ~0.4 s, so
 * it is done once; `Object.values` beside it was slower still), with nothing allocated
 * per cell; the formula cells are then bound in that order.
 * `consume`: the caller gives the document up (the CLI): each sheet's `cells` is replaced
 * by an empty object once read, so its entries (~130 B a cell beside the input text the
 * engine keeps) can be collected while the formulas are bound and the first pass runs.
 */
export function loadDocument(w: WorkbookState, doc: WorkbookDocument, consume = false): void {
  w.docExtra = withoutKeys(doc, ['format', 'version', 'objective', 'sheets'])
  w.objectiveRef = doc.objective ?? null
  // Own keys only (never inherited ones), counted first so every per-cell array is sized once.
  const keys = doc.sheets.map((sheet) => Object.keys(sheet.cells))
  const total = keys.reduce((n, k) => n + k.length, 0)
  w.reserveCells(total)
  const formulas = new Int32Array(total)
  let formulaCount = 0
  doc.sheets.forEach((sheet, k) => {
    const sid = w.sheets.add(sheet.name, withoutKeys(sheet, ['name', 'cells']))
    const addresses = keys[k]
    const cells: Record<string, CellEntry | undefined> = sheet.cells
    keys[k] = [] // each sheet's keys are let go as soon as it is read
    for (let i = 0; i < addresses.length; i++) {
      const address = addresses[i]
      const entry = cells[address]
      if (!readCanonicalAddress(address, at)) {
        const parsed = parseAddress(address)
        if (!parsed) continue
        at.row = parsed.row
        at.col = parsed.col
      }
      const input = entry?.input
      if (typeof input !== 'string') continue
      const id = w.ensureCell(sid, at.row, at.col)
      w.store.input[id] = input
      const param = entry!.param
      if (typeof param === 'boolean') w.store.param[id] = param ? 1 : 2
      const name = entry!.name
      if (typeof name === 'string' && !nameProblem(name) && w.names.idOf(name) === undefined) w.names.assign(name, id)
      if (hasExtraKeys(entry!)) w.cellExtra.set(id, withoutKeys(entry!, ['input', 'name', 'param']))
      // Most formulas start with "=" right away: trim (which may copy) only when not.
      if (input.charCodeAt(0) === 61 || input.trim().startsWith('=')) formulas[formulaCount++] = id
      w.schedule.markDirty(id)
    }
    if (consume) sheet.cells = {}
  })
  // While loading, binding adds no users edges and lowers nothing: the order, the users
  // graph and the tape are built once from the precedent rows, after the last bind.
  w.loading = true
  for (let k = 0; k < formulaCount; k++) bind(w, formulas[k])
  w.loading = false
  layoutLoaded(w)
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

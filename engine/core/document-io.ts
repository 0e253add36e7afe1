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

/** Reads a key into `at`; false when it is no address. */
function readKey(address: string): boolean {
  if (readCanonicalAddress(address, at)) return true
  const parsed = parseAddress(address)
  if (!parsed) return false
  at.row = parsed.row
  at.col = parsed.col
  return true
}

/** Whether an entry carries more than its input (a name, a param mark, unknown fields). */
const isPlain = (entry: CellEntry): boolean => entry.name === undefined && entry.param === undefined && !hasExtraKeys(entry)

/** A sheet's cells read out of the document: positions and inputs, and the few entries that carry more. */
interface Staged {
  rows: Int32Array
  cols: Int32Array
  inputs: string[]
  count: number
  /** Index → entry, for entries with a name, a param mark or unknown fields. */
  rich: Map<number, CellEntry>
}

function stage(cells: Record<string, CellEntry | undefined>, addresses: string[]): Staged {
  const n = addresses.length
  const staged: Staged = { rows: new Int32Array(n), cols: new Int32Array(n), inputs: new Array<string>(n).fill(''), count: 0, rich: new Map() }
  for (let i = 0; i < n; i++) {
    const entry = cells[addresses[i]]
    const input = entry?.input
    if (!readKey(addresses[i]) || typeof input !== 'string') continue
    const k = staged.count++
    staged.rows[k] = at.row
    staged.cols[k] = at.col
    staged.inputs[k] = input
    if (!isPlain(entry!)) staged.rich.set(k, entry!)
  }
  return staged
}

/** Creates one loaded cell; returns its id and whether its input is a formula. */
function addCell(w: WorkbookState, sid: number, row: number, col: number, input: string, entry: CellEntry | undefined): number {
  const id = w.ensureCell(sid, row, col)
  w.store.input[id] = input
  if (entry !== undefined) {
    const { param, name } = entry
    if (typeof param === 'boolean') w.store.param[id] = param ? 1 : 2
    if (typeof name === 'string' && !nameProblem(name) && w.names.idOf(name) === undefined) w.names.assign(name, id)
    if (hasExtraKeys(entry)) w.cellExtra.set(id, withoutKeys(entry, ['input', 'name', 'param']))
  }
  w.schedule.markDirty(id)
  // Most formulas start with "=" right away: trim (which may copy) only when not.
  return input.charCodeAt(0) === 61 || input.trim().startsWith('=') ? ~id : id
}

/**
 * Fills an empty state from a document; every cell is left dirty for the first pass.
 * Each sheet's keys are listed once (a million-key object's `Object.keys` costs ~0.4 s;
 * `Object.values` beside it was slower still) and read with nothing allocated per cell;
 * the formula cells are then bound in that order.
 *
 * `consume`: the caller gives the document up (the CLI). Each sheet is first read into
 * compact arrays (positions and inputs, 16 B a cell, and the few entries that carry more)
 * and its `cells` replaced by `{}`, before the engine's per-cell arrays are made: the
 * parsed entries (~130 B a cell beside the input strings the engine keeps) are garbage
 * by the time those large allocations make V8 collect (loadmem branch, issue 12).
 */
export function loadDocument(w: WorkbookState, doc: WorkbookDocument, consume = false): void {
  w.docExtra = withoutKeys(doc, ['format', 'version', 'objective', 'sheets'])
  w.objectiveRef = doc.objective ?? null
  // Own keys only (never inherited ones), counted first so every per-cell array is sized once.
  const keys = doc.sheets.map((sheet) => Object.keys(sheet.cells))
  const staged = consume
    ? doc.sheets.map((sheet, k) => {
        const s = stage(sheet.cells, keys[k])
        keys[k] = []
        sheet.cells = {}
        return s
      })
    : null
  const total = staged ? staged.reduce((n, s) => n + s.count, 0) : keys.reduce((n, k) => n + k.length, 0)
  w.reserveCells(total)
  const formulas = new Int32Array(total)
  let formulaCount = 0
  doc.sheets.forEach((sheet, k) => {
    const sid = w.sheets.add(sheet.name, withoutKeys(sheet, ['name', 'cells']))
    const s = staged?.[k]
    if (s) {
      const rich = s.rich.size > 0 ? s.rich : null
      for (let i = 0; i < s.count; i++) {
        const made = addCell(w, sid, s.rows[i], s.cols[i], s.inputs[i], rich?.get(i))
        if (made < 0) formulas[formulaCount++] = ~made
      }
      return
    }
    const addresses = keys[k]
    const cells: Record<string, CellEntry | undefined> = sheet.cells
    keys[k] = [] // each sheet's keys are let go as soon as it is read
    for (let i = 0; i < addresses.length; i++) {
      const entry = cells[addresses[i]]
      const input = entry?.input
      if (!readKey(addresses[i]) || typeof input !== 'string') continue
      const made = addCell(w, sid, at.row, at.col, input, isPlain(entry!) ? undefined : entry)
      if (made < 0) formulas[formulaCount++] = ~made
    }
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

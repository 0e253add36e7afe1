// Document I/O: a validated WorkbookDocument (engine/workbook restore) into the state,
// and the state back into a document of the same shape, unknown fields preserved.
import { formatAddress, parseAddress, readCanonicalAddress } from '../address'
import { nameProblem } from '../names'
import { CURRENT_VERSION, FORMAT, type CellEntry, type WorkbookDocument } from '../workbook/document'
import { defineField } from '../workbook/json-values'
import { constantValue } from '../evaluate/constant'
import { bind, layoutLoaded } from './binding'
import { estimateLoad } from './load-estimate'
import { storeValue } from './forward'
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
  /** 1 where the input starts with "=" (read here, so each input string is flattened before the engine's big arrays exist). */
  formula: Uint8Array
  count: number
  /** Index → entry, for entries with a name, a param mark or unknown fields. */
  rich: Map<number, CellEntry>
}

/**
 * Makes V8 store a formula's text in one piece. A string built by concatenation (a
 * program writing a document) is a tree of its pieces; the formula readers walk it
 * character by character, and a full collection marks every piece. `indexOf` flattens it
 * once. Done while staging, before the engine's per-cell arrays are allocated: their size
 * makes V8 run a full collection then, which now marks one string per input (at 1M cells
 * of the benchmark's documents, that collection took 0.9-1.2 s before, ~0.4 s after).
 */
const flatten = (text: string): number => text.indexOf('\u0000')

function stage(cells: Record<string, CellEntry | undefined>, addresses: string[]): Staged {
  const n = addresses.length
  const staged: Staged = { rows: new Int32Array(n), cols: new Int32Array(n), inputs: new Array<string>(n).fill(''), formula: new Uint8Array(n), count: 0, rich: new Map() }
  for (let i = 0; i < n; i++) {
    const entry = cells[addresses[i]]
    const input = entry?.input
    if (!readKey(addresses[i]) || typeof input !== 'string') continue
    const k = staged.count++
    staged.rows[k] = at.row
    staged.cols[k] = at.col
    staged.inputs[k] = input
    if (input.charCodeAt(0) === 61) {
      staged.formula[k] = 1
      flatten(input)
    }
    if (!isPlain(entry!)) staged.rich.set(k, entry!)
  }
  return staged
}

/** Creates one loaded cell; returns its id and whether its input is a formula. */
function addCell(w: WorkbookState, sid: number, row: number, col: number, input: string, startsWithEquals: boolean, entry: CellEntry | undefined): number {
  const id = w.ensureCell(sid, row, col)
  w.store.input[id] = input
  if (entry !== undefined) {
    const { param, name } = entry
    if (typeof param === 'boolean') w.store.param[id] = param ? 1 : 2
    if (typeof name === 'string' && !nameProblem(name) && w.names.idOf(name) === undefined) w.names.assign(name, id)
    if (hasExtraKeys(entry)) w.cellExtra.set(id, withoutKeys(entry, ['input', 'name', 'param']))
  }
  // Most formulas start with "=" right away: trim (which may copy) only when not.
  if (startsWithEquals || input.trim().startsWith('=')) {
    w.schedule.markDirty(id)
    return ~id
  }
  // A constant's value is known now: storing it here leaves the first pass only the
  // formulas to run (it ran each constant through the general path: ~0.3 s of a 1M load
  // with 750k constants). A loaded cell is new, so this is the value and the counts the
  // pass would have stored (nothing reads a cell's change before the first pass ends).
  storeValue(w, id, constantValue(input))
  return id
}

/**
 * Fills an empty state from a document; every cell is left dirty for the first pass.
 * Each sheet's keys are listed once (a million-key object's `Object.keys` costs ~0.4 s;
 * `Object.values` beside it was slower still) and its entries read into compact arrays
 * (positions and inputs, 16 B a cell, and the few entries that carry more) before the
 * engine's per-cell arrays are made; the formula cells are then bound in that order.
 * Reading first matters at a million cells: the per-cell arrays are large enough that V8
 * answers them with a full collection, and by then every input has been read once (a
 * string built by concatenation is flattened by its first read), so that collection marks
 * one flat string per input instead of its pieces (issue 12, load, fifth session).
 *
 * `consume`: the caller gives the document up (the CLI): each sheet's `cells` is replaced
 * by `{}` as soon as it is read, so the parsed entries (~130 B a cell beside the input
 * strings the engine keeps) are garbage by the time those large allocations make V8
 * collect (loadmem branch, issue 12). `afterRead` runs at that point, before those
 * allocations: the CLI makes V8 collect there (climem branch, issue 12).
 */
export function loadDocument(w: WorkbookState, doc: WorkbookDocument, consume = false, afterRead?: (cells: number) => void): void {
  w.docExtra = withoutKeys(doc, ['format', 'version', 'objective', 'sheets'])
  w.objectiveRef = doc.objective ?? null
  // Own keys only (never inherited ones); each sheet's keys are let go as soon as it is read.
  const staged = doc.sheets.map((sheet) => {
    const s = stage(sheet.cells, Object.keys(sheet.cells))
    if (consume) sheet.cells = {}
    return s
  })
  const total = staged.reduce((n, s) => n + s.count, 0)
  afterRead?.(total)
  const formulas = new Int32Array(total)
  const formulaTotal = staged.reduce((n, s) => n + countFormulas(s), 0)
  const expected = estimateLoad(staged, formulaTotal)
  w.reserveCells(total, expected)
  let formulaCount = 0
  doc.sheets.forEach((sheet, k) => {
    const sid = w.sheets.add(sheet.name, withoutKeys(sheet, ['name', 'cells']))
    const s = staged[k]
    w.sheets.cells(sid).reserveColumns(s.rows, s.cols, s.count)
    const rich = s.rich.size > 0 ? s.rich : null
    for (let i = 0; i < s.count; i++) {
      const made = addCell(w, sid, s.rows[i], s.cols[i], s.inputs[i], s.formula[i] === 1, rich?.get(i))
      if (made < 0) formulas[formulaCount++] = ~made
    }
    staged[k] = EMPTY
  })
  // While loading, binding adds no users edges and lowers nothing: the order, the users
  // graph and the tape are built once from the precedent rows, after the last bind.
  w.loading = true
  bindAll(w, formulas, formulaCount, expected === null)
  w.loading = false
  layoutLoaded(w)
}

function countFormulas(s: Staged): number {
  let n = 0
  for (let k = 0; k < s.count; k++) n += s.formula[k]
  return n
}

/** Formulas bound before the binding pool's size is estimated from them, when it was not estimated before binding (fewer: the pool just grows). */
const POOL_SAMPLE = 4096
/** No estimate when the sample averages more pool entries per formula than this (large ranges: the sample says little). */
const POOL_ESTIMATE_MAX_PER_FORMULA = 64

/**
 * Binds the loaded formulas in order. Unless the pool was sized before binding
 * (`sizeOnTheWay` false: core/load-estimate.ts), sizes it for all of them (+5 %) at once after the
 * first few thousand.
 */
function bindAll(w: WorkbookState, formulas: Int32Array, count: number, sizeOnTheWay: boolean): void {
  const pool = w.store.bindings
  for (let k = 0; k < count; k++) {
    bind(w, formulas[k])
    if (!sizeOnTheWay || k + 1 !== POOL_SAMPLE || count < 2 * POOL_SAMPLE) continue
    const perFormula = pool.length / POOL_SAMPLE
    if (perFormula <= POOL_ESTIMATE_MAX_PER_FORMULA) pool.expect(Math.ceil(perFormula * count * 1.05) + 1024)
  }
}

const EMPTY: Staged = { rows: new Int32Array(0), cols: new Int32Array(0), inputs: [], formula: new Uint8Array(0), count: 0, rich: new Map() }

/** The state as a document; `withCells` false leaves every sheet's `cells` empty (the frame core/document-text.ts writes the cells into). */
export function toDocument(w: WorkbookState, withCells = true): WorkbookDocument {
  const s = w.store
  const sheets = w.sheets.order.map((sid) => {
    const st = w.sheets.states[sid]
    const cells: Record<string, CellEntry> = {}
    if (withCells) for (const id of st.cells.ids) {
      if (!w.hasContent(id) && !w.cellExtra.has(id)) continue
      const extra = w.cellExtra.get(id)
      // No spread for the usual cell without unknown fields: a million of them cost ~0.4 s more.
      const entry: CellEntry = extra === undefined ? { input: s.input[id] } : { ...extra, input: s.input[id] }
      const name = w.names.nameOf(id)
      if (name !== undefined) entry.name = name
      if (s.param[id]) entry.param = s.param[id] === 1
      cells[formatAddress(s.row[id], s.col[id])] = entry
    }
    return { ...st.extra, name: st.name, cells }
  })
  return { ...w.docExtra, format: FORMAT, version: CURRENT_VERSION, objective: w.objectiveRef, sheets }
}

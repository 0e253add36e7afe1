// Writes a document as `.gradsheet` text: pretty JSON (2 spaces, trailing newline) with
// one line per cell (`"B2": { "input": "=A2*w" },`), known keys first in a fixed order,
// unknown fields after them sorted by key, cells in row-major order (A1, B1, …, A2, …).
// The same document always gives the same bytes, so saved files diff cleanly, a cell per
// line. One line per cell also keeps a 1M-cell workbook well inside the 64 MiB a file may
// have (fully expanded, a 1M-cell chain was 67 MB and could not be saved or backed up).
import { CURRENT_VERSION, FORMAT, type CellEntry, type SheetEntry, type WorkbookDocument } from './document.ts'
import { parseAddressKey } from './address-key.ts'
import { defineField } from './json-values.ts'

export function serializeDocument(doc: WorkbookDocument): string {
  return printDocument(doc, printCells)
}

/** Where a sheet's cells go in the frame's text: JSON text never holds a raw U+0000. */
const CELLS_SLOT = '\u0000'

/**
 * The document's text without its sheets' cells, cut where each sheet's cells go:
 * `pieces[0] + cells(sheet 0) + pieces[1] + … + pieces[n]`, each sheet's cells printed at
 * `indent` by `cellsOpen`, `cellLine` and `cellsClose` (engine/core/document-text.ts writes
 * a large workbook this way, a slice at a time). `doc`'s sheets' cells are not read.
 */
export function serializeFrame(doc: WorkbookDocument): { pieces: string[]; indent: string } {
  let indent = ''
  const text = printDocument({ ...doc, sheets: doc.sheets.map((sheet) => ({ ...sheet, cells: {} })) }, (_sorted, at) => {
    indent = at
    return CELLS_SLOT
  })
  return { pieces: text.split(CELLS_SLOT), indent }
}

/** The opening of a sheet's cells: `{}` when there are none (then no line and no close follows). */
export const cellsOpen = (count: number): string => (count === 0 ? '{}' : '{\n')
/** The closing of a sheet's cells that are not none, at the sheet's indent. */
export const cellsClose = (indent: string): string => `\n${indent}}`
/** Between two cells' lines. */
export const CELL_SEPARATOR = ',\n'

function printDocument(doc: WorkbookDocument, cells: (sorted: SortedCells, indent: string) => string): string {
  const out = ordered(doc, [
    ['format', FORMAT],
    ['version', CURRENT_VERSION],
    ['objective', doc.objective ?? null],
    ['sheets', doc.sheets.map(serializeSheet)],
  ])
  const printSheet = (sheet: unknown, indent: string): string =>
    printObject(sheet as Record<string, unknown>, indent, (key, value, inner) => (value instanceof SortedCells ? cells(value, inner) : block(value, inner)))
  return printObject(out as Record<string, unknown>, '', (key, value, indent) =>
    key === 'sheets' && Array.isArray(value) ? printArray(value, indent, printSheet) : block(value, indent)) + '\n'
}

/** A sheet's cells, their keys in row-major order: printed a line each, without an object per cell on the way. */
class SortedCells {
  constructor(readonly keys: string[], readonly cells: Record<string, CellEntry>) {}
}

/** `{` one `"B2": { … }` line per cell `}`: the same text as printing each `serializeCell` with `oneLine`. */
function printCells(sorted: SortedCells, indent: string): string {
  const { keys, cells } = sorted
  if (keys.length === 0) return cellsOpen(0)
  const inner = indent + '  '
  const lines = new Array<string>(keys.length)
  for (let k = 0; k < keys.length; k++) lines[k] = cellLine(keys[k], cells[keys[k]], inner)
  return cellsOpen(keys.length) + lines.join(CELL_SEPARATOR) + cellsClose(indent)
}

/** One cell's line at the cells' inner indent (two spaces deeper than the sheet's): `"B2": { "input": "=A2*w" }`. */
export function cellLine(key: string, cell: CellEntry, inner: string): string {
  return `${inner}${JSON.stringify(key)}: ${plainCellLine(cell) ?? oneLine(serializeCell(cell))}`
}

/**
 * The line of a cell with no fields but `input` (text), `name` (text) and `param` (true or
 * false), written directly; null for any other cell (the general path then orders its
 * fields). Writing a million cells through the general path took ~5 s (an object, a Set
 * and a sort per cell, and as much again in collections); this one is a string per cell.
 */
function plainCellLine(cell: CellEntry): string | null {
  const { input, name, param } = cell
  // As many fields as the known ones it has: then it has no other.
  let fields = 0
  for (const _ in cell) fields++
  if (typeof input !== 'string' || fields !== 1 + (name === undefined ? 0 : 1) + (param === undefined ? 0 : 1)) return null
  if ((name !== undefined && typeof name !== 'string') || (param !== undefined && typeof param !== 'boolean')) return null
  return plainCellText(input, name, param)
}

/** The value of a cell line with only these fields: `{ "input": "=A1+1", "name": "w" }`. */
export function plainCellText(input: string, name?: string, param?: boolean): string {
  return `{ "input": ${JSON.stringify(input)}${name === undefined ? '' : `, "name": ${JSON.stringify(name)}`}${param === undefined ? '' : `, "param": ${param}`} }`
}

/** `{` one `"key": value` line per field `}`, each value printed by `entry` at the inner indent. */
function printObject(obj: Record<string, unknown>, indent: string, entry: (key: string, value: unknown, indent: string) => string): string {
  const keys = Object.keys(obj)
  if (keys.length === 0) return '{}'
  const inner = indent + '  '
  return `{\n${keys.map((key) => `${inner}${JSON.stringify(key)}: ${entry(key, obj[key], inner)}`).join(',\n')}\n${indent}}`
}

function printArray(items: unknown[], indent: string, item: (value: unknown, indent: string) => string): string {
  if (items.length === 0) return '[]'
  const inner = indent + '  '
  return `[\n${items.map((value) => inner + item(value, inner)).join(',\n')}\n${indent}]`
}

/** JSON.stringify's 2-space layout at this indent (JSON text has no raw newline but its own). */
function block(value: unknown, indent: string): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`)
}

/** The value on one line: `{ "input": "=A1+1", "name": "w" }`. */
function oneLine(value: unknown): string {
  return JSON.stringify(value, null, 1).replace(/\n */g, ' ')
}

function serializeSheet(sheet: SheetEntry): object {
  return ordered(sheet, [
    ['name', sheet.name],
    ['cells', new SortedCells(rowMajor(Object.keys(sheet.cells)), sheet.cells)],
  ])
}

function serializeCell(cell: CellEntry): object {
  const known: [string, unknown][] = [['input', cell.input]]
  if (cell.name !== undefined) known.push(['name', cell.name])
  if (cell.param !== undefined) known.push(['param', cell.param])
  return ordered(cell, known, ['name', 'param'])
}

/** The known fields in the given order, then every other field of `source`, sorted. */
function ordered(source: object, known: [string, unknown][], alsoKnown: string[] = []): object {
  const out = {}
  for (const [key, value] of known) defineField(out, key, value)
  const skip = new Set([...known.map(([key]) => key), ...alsoKnown])
  const extras = Object.keys(source).filter((key) => !skip.has(key)).sort()
  for (const key of extras) defineField(out, key, (source as Record<string, unknown>)[key])
  return out
}

/** Sorts address keys by row, then column; anything unparsable goes last, by text. */
function rowMajor(keys: string[]): string[] {
  // One number per key: row-major position (row × 2^14 + column stays exact).
  const rank = (key: string): number => {
    const a = parseAddressKey(key)
    return 'error' in a ? Infinity : a.row * 16384 + a.column
  }
  return keys
    .map((key) => ({ key, at: rank(key) }))
    .sort((x, y) => x.at - y.at || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
    .map((entry) => entry.key)
}

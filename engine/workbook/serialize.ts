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
  const out = ordered(doc, [
    ['format', FORMAT],
    ['version', CURRENT_VERSION],
    ['objective', doc.objective ?? null],
    ['sheets', doc.sheets.map(serializeSheet)],
  ])
  return printObject(out as Record<string, unknown>, '', (key, value, indent) =>
    key === 'sheets' && Array.isArray(value) ? printArray(value, indent, printSheet) : block(value, indent)) + '\n'
}

function printSheet(sheet: unknown, indent: string): string {
  return printObject(sheet as Record<string, unknown>, indent, (key, value, inner) =>
    key === 'cells' ? printObject(value as Record<string, unknown>, inner, (_, cell) => oneLine(cell)) : block(value, inner))
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
  const cells = {}
  for (const key of rowMajor(Object.keys(sheet.cells))) defineField(cells, key, serializeCell(sheet.cells[key]))
  return ordered(sheet, [
    ['name', sheet.name],
    ['cells', cells],
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

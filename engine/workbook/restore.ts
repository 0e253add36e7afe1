// THE one restore/validate/migrate step every loaded `.gradsheet` text passes through
// (SPEC §5). Never throws: the result is the document or a message in words. Hand
// validation rather than a schema library, because the rules that matter (address
// ranges, names unique across sheets, lower-case keys, prototype-safe copying of
// unknown fields) are cross-field checks a schema would still need code for, and the
// messages must say exactly which sheet, cell and field is wrong.
import {
  CURRENT_VERSION,
  FORMAT,
  type CellEntry,
  type RestoreResult,
  type SheetEntry,
  type WorkbookDocument,
} from './document.ts'
import { isCanonicalKey, parseAddressKey, printable } from './address-key.ts'
// The engine's own rule, so a name the app accepts always loads again, and vice versa.
import { nameProblem } from '../names.ts'
import { sheetNameKey, sheetNameProblem } from './sheet-name.ts'
import { locateJsonProblem } from './json-error.ts'
import { migrateToCurrent } from './migrate.ts'
import { cellCountProblem, jsonDepthProblem, MAX_JSON_DEPTH } from '../limits.ts'
import { textDepth } from './text-depth.ts'
import { readCanonicalAddress } from '../address.ts'
import { defineField, describeJsonType, isPlainObject } from './json-values.ts'
import { columnsProblems } from './columns.ts'
// Training settings (issue 13): an optional top-level field, checked here so a bad one is refused in words.
import { trainingSettingsProblems } from '../train/settings.ts'

/** How many problems one message lists before it says "and N more". */
const MAX_LISTED_PROBLEMS = 5

export function restoreDocument(text: string): RestoreResult {
  if (typeof text !== 'string') {
    return { ok: false, error: `Expected the workbook as text, got ${describeJsonType(text)}.` }
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  let raw: unknown
  try {
    raw = JSON.parse(body)
  } catch {
    const where = locateJsonProblem(body)
    return { ok: false, error: `The file is not valid JSON: ${where.what} at line ${where.line}, column ${where.column}.` }
  }
  // Nesting read from the text: the object walk runs only when the text nests too deep (text-depth.ts).
  return restoreValue(raw, textDepth(body) <= MAX_JSON_DEPTH)
}

/** The same step for an already parsed value (e.g. a backup envelope's content). */
export function restoreParsed(raw: unknown): RestoreResult {
  return restoreValue(raw, false)
}

/** `shallow`: the value is known to nest within MAX_JSON_DEPTH (its text was measured). */
function restoreValue(raw: unknown, shallow: boolean): RestoreResult {
  if (!isPlainObject(raw)) {
    return { ok: false, error: `This is not a Gradsheet workbook: the file holds ${describeJsonType(raw)}, not a JSON object.` }
  }
  if (!('format' in raw)) return { ok: false, error: 'This is not a Gradsheet workbook: it has no "format" field.' }
  const deep = shallow ? null : jsonDepthProblem(raw)
  if (deep) return { ok: false, error: `The workbook cannot be opened: ${deep}.` }
  if (raw.format !== FORMAT) {
    return { ok: false, error: `This is not a Gradsheet workbook: "format" is ${shortJson(raw.format)}, expected "${FORMAT}".` }
  }
  const version = raw.version
  if (version === undefined) return { ok: false, error: 'The workbook has no "version" field.' }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: `The workbook's "version" must be a whole number of 1 or more, found ${shortJson(version)}.` }
  }
  const migrated = migrateToCurrent(raw, version)
  if (!migrated.ok) return { ok: false, error: `Cannot open the workbook: ${migrated.error}` }
  return validateCurrent(migrated.raw)
}

function validateCurrent(raw: Record<string, unknown>): RestoreResult {
  const problems: string[] = []
  const objective = readObjective(raw.objective, problems)
  const sheets = readSheets(raw.sheets, problems)
  if (raw.training !== undefined) problems.push(...trainingSettingsProblems(raw.training))
  if (problems.length > 0) {
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS).join('; ')
    const more = problems.length > MAX_LISTED_PROBLEMS ? ` (and ${problems.length - MAX_LISTED_PROBLEMS} more problems)` : ''
    return { ok: false, error: `The workbook is invalid: ${listed}${more}.` }
  }
  const doc = { format: FORMAT, version: CURRENT_VERSION, objective, sheets } as WorkbookDocument
  copyExtras(raw, doc, ['format', 'version', 'objective', 'sheets'])
  return { ok: true, doc }
}

/** A missing objective, or an empty one, means "none" (null). */
function readObjective(value: unknown, problems: string[]): string | null {
  if (value === undefined || value === null) return null
  if (typeof value !== 'string') {
    problems.push(`"objective" must be a cell name or address (text) or null, found ${describeJsonType(value)}`)
    return null
  }
  return value.trim() === '' ? null : value
}

function readSheets(value: unknown, problems: string[]): SheetEntry[] {
  if (value === undefined) {
    problems.push('it has no "sheets" list')
    return []
  }
  if (!Array.isArray(value)) {
    problems.push(`"sheets" must be a list of sheets, found ${describeJsonType(value)}`)
    return []
  }
  if (value.length === 0) {
    problems.push('"sheets" is empty; a workbook has at least one sheet')
    return []
  }
  // Counted before any cell is read: a file past the limit is refused without validating
  // millions of cells. Each sheet's keys are listed once, here (listing a million keys
  // costs ~0.4 s and 8 MB), and handed to readSheet.
  const keys = value.map((s) => (isPlainObject(s) && isPlainObject(s.cells) ? Object.keys(s.cells) : NO_KEYS))
  const total = keys.reduce((n: number, k) => n + k.length, 0)
  const tooMany = cellCountProblem(0, total)
  if (tooMany) {
    problems.push(tooMany)
    return []
  }
  // Case-insensitive key → the name as first written.
  const sheetNames = new Map<string, string>()
  // Names are unique across the whole workbook: name → where it was first seen.
  const cellNames = new Map<string, string>()
  return value.map((sheet, index) => readSheet(sheet, index, keys[index], sheetNames, cellNames, problems))
}

const NO_KEYS: string[] = []

/** Where a canonical key's row and column are read into (no object per cell). */
const cell = { row: 0, col: 0 }

function readSheet(
  value: unknown,
  index: number,
  keys: string[],
  sheetNames: Map<string, string>,
  cellNames: Map<string, string>,
  problems: string[],
): SheetEntry {
  const label = `sheet ${index + 1}`
  const sheet = { name: '', cells: {} } as SheetEntry
  if (!isPlainObject(value)) {
    problems.push(`${label} must be an object with "name" and "cells", found ${describeJsonType(value)}`)
    return sheet
  }
  const nameProblem = typeof value.name === 'string' ? sheetNameProblem(value.name) : null
  if (typeof value.name !== 'string' || value.name.trim() === '') {
    problems.push(`${label} needs a "name" that is non-empty text, found ${describeJsonType(value.name)}`)
  } else if (nameProblem) {
    problems.push(`${label} is named "${printable(value.name)}", but ${nameProblem}`)
  } else if (sheetNames.has(sheetNameKey(value.name))) {
    const first = sheetNames.get(sheetNameKey(value.name))
    const same = first === value.name ? '' : ` (sheet names are compared ignoring case: "${printable(first ?? '')}")`
    problems.push(`two sheets are named "${printable(value.name)}"${same}; sheet names must be unique`)
  } else {
    sheetNames.set(sheetNameKey(value.name), value.name)
    sheet.name = value.name
  }
  const where = sheet.name ? `sheet "${printable(sheet.name)}"` : label
  if (value.cells !== undefined && !isPlainObject(value.cells)) {
    problems.push(`${where}: "cells" must be an object keyed by cell address, found ${describeJsonType(value.cells)}`)
  } else if (value.cells !== undefined) {
    const cells = value.cells
    // A file written by Gradsheet has every key in canonical form ("B4"): then no two keys
    // can name the same cell (JSON objects have unique keys), the parsed object is kept as
    // it is and no key → spelling map is built (a million cells would need one entry each).
    const canonical = keys.every(isCanonicalKey)
    const sourceKey = canonical ? null : new Map<string, string>()
    for (const key of keys) {
      // A canonical key in range is its own canonical form: read without a regex or an object per cell.
      if (!sourceKey && readCanonicalAddress(key, cell)) {
        readCell(cells[key], where, sheet.name, key, cellNames, problems)
        continue
      }
      const address = parseAddressKey(key)
      if ('error' in address) {
        problems.push(`${where}: ${address.error}`)
        continue
      }
      if (sourceKey) {
        const earlier = sourceKey.get(address.key)
        if (earlier !== undefined) {
          problems.push(`${where}: cell ${address.key} appears twice (as "${printable(earlier)}" and "${printable(key)}")`)
          continue
        }
        sourceKey.set(address.key, key)
      }
      const entry = readCell(cells[key], where, sheet.name, address.key, cellNames, problems)
      if (entry && sourceKey) sheet.cells[address.key] = entry
    }
    if (!sourceKey) sheet.cells = cells as Record<string, CellEntry>
  }
  // The optional `columns` field (column widths, engine/workbook/columns.ts): checked, then kept like any other field.
  for (const columnProblem of columnsProblems(value.columns)) problems.push(`${where}: ${columnProblem}`)
  copyExtras(value, sheet, ['name', 'cells'])
  return sheet
}

function readCell(
  value: unknown,
  sheetLabel: string,
  sheetName: string,
  address: string,
  cellNames: Map<string, string>,
  problems: string[],
): CellEntry | null {
  // The usual cell ({"input": text}, perhaps unknown fields) is accepted before anything is allocated for it.
  if (isPlainObject(value) && typeof value.input === 'string' && !('name' in value) && !('param' in value)) return value as unknown as CellEntry
  // Built only when needed: most cells are fine, and large files have millions.
  let where = ''
  const problem = (rest: string) => {
    where ||= `${sheetLabel}, cell ${address}`
    problems.push(where + rest)
  }
  if (!isPlainObject(value)) {
    problem(` must be an object like {"input": "=x+1"}, found ${describeJsonType(value)}`)
    return null
  }
  if (typeof value.input !== 'string') problem(`: "input" must be text, found ${describeJsonType(value.input)}`)
  if ('name' in value) {
    const name = value.name
    if (typeof name !== 'string') problem(`: "name" must be text, found ${describeJsonType(name)}`)
    else {
      const nameProblemText = nameProblem(name)
      const first = cellNames.get(name)
      if (nameProblemText) problem(`: ${nameProblemText}`)
      else if (first !== undefined) problem(`: the name "${name}" is already used by ${first}; names must be unique in a workbook`)
      else cellNames.set(name, sheetName ? `${sheetName}!${address}` : address)
    }
  }
  if ('param' in value && typeof value.param !== 'boolean') problem(`: "param" must be true or false, found ${describeJsonType(value.param)}`)
  // A valid entry is kept as parsed, not copied: its unknown fields are own fields of a
  // JSON object already (even one named "__proto__"), and any problem refuses the file.
  return value as unknown as CellEntry
}

/** Unknown fields travel along untouched, in their order, without touching prototypes. */
function copyExtras(from: Record<string, unknown>, to: object, known: string[]): void {
  for (const key of Object.keys(from)) {
    if (!known.includes(key)) defineField(to, key, from[key])
  }
}

function shortJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return printable(text)
}

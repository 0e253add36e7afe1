// A sheet's optional `columns` field: per-column display data keyed by column letters,
// today only `width` in px, e.g. `"columns": {"B": {"width": 120}}`. One rule for the
// file (restore) and the `setColumnWidth` edit, so whatever the app saves loads again.
// Older readers keep the field as an unknown one and write it back untouched.
import { columnNumber, MAX_COL } from '../address'
import { defineField, describeJsonType, isPlainObject } from './json-values'

export const MIN_COLUMN_WIDTH = 1
export const MAX_COLUMN_WIDTH = 4096

/** Why `key` is not a column key (upper-case letters A…XFD), or null. */
export function columnKeyProblem(key: string): string | null {
  if (!/^[A-Z]{1,3}$/.test(key) || columnNumber(key) > MAX_COL) return `"${key.slice(0, 20)}" is not a column (upper-case letters A to XFD)`
  return null
}

/** Why `width` is not a column width, or null. */
export function columnWidthProblem(width: unknown): string | null {
  if (typeof width === 'number' && Number.isFinite(width) && width >= MIN_COLUMN_WIDTH && width <= MAX_COLUMN_WIDTH) return null
  return `a column width must be a number of px from ${MIN_COLUMN_WIDTH} to ${MAX_COLUMN_WIDTH}, found ${describeJsonType(width)}`
}

/** Problems of a sheet's `columns` value (absent is fine), each in words. */
export function columnsProblems(value: unknown): string[] {
  if (value === undefined) return []
  if (!isPlainObject(value)) return [`"columns" must be an object keyed by column letters, like {"B": {"width": 120}}, found ${describeJsonType(value)}`]
  const problems: string[] = []
  for (const key of Object.keys(value)) {
    const keyProblem = columnKeyProblem(key)
    const entry = value[key]
    if (keyProblem) problems.push(`"columns": ${keyProblem}`)
    else if (!isPlainObject(entry)) problems.push(`"columns" ${key} must be an object like {"width": 120}, found ${describeJsonType(entry)}`)
    else if ('width' in entry) {
      const widthProblem = columnWidthProblem(entry.width)
      if (widthProblem) problems.push(`"columns" ${key}: ${widthProblem}`)
    }
  }
  return problems
}

/** Every column's width on a sheet whose fields are `sheet` (a document's sheet entry or the engine's sheet extras). */
export function columnWidths(sheet: Record<string, unknown>): Map<string, number> {
  const out = new Map<string, number>()
  const columns = sheet.columns
  if (!isPlainObject(columns)) return out
  for (const key of Object.keys(columns)) {
    const entry = columns[key]
    if (isPlainObject(entry) && typeof entry.width === 'number') out.set(key, entry.width)
  }
  return out
}

/** Sets (or with null removes) one column's width in a sheet's fields; returns why not, or null. */
export function setColumnWidthIn(sheet: Record<string, unknown>, column: unknown, width: unknown): string | null {
  const key = typeof column === 'string' ? column.trim().toUpperCase() : ''
  const keyProblem = columnKeyProblem(key)
  if (keyProblem) return keyProblem
  if (width !== null && columnWidthProblem(width)) return columnWidthProblem(width)
  // Copies, not in-place changes: the fields may still be shared with the document the engine was loaded from.
  const columns: Record<string, unknown> = {}
  if (isPlainObject(sheet.columns)) for (const k of Object.keys(sheet.columns)) defineField(columns, k, sheet.columns[k])
  const entry: Record<string, unknown> = {}
  const old = columns[key]
  if (isPlainObject(old)) for (const k of Object.keys(old)) if (k !== 'width') defineField(entry, k, old[k])
  if (width !== null) entry.width = width
  if (Object.keys(entry).length > 0) columns[key] = entry
  else delete columns[key]
  if (Object.keys(columns).length > 0) defineField(sheet, 'columns', columns)
  else delete sheet.columns
  return null
}

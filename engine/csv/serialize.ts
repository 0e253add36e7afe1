// Rows of fields → CSV text (RFC 4180): a field is quoted when it holds the delimiter,
// a quote, a line break or leading/trailing spaces; quotes inside are doubled.
import type { CellView } from '../api'
import type { Delimiter } from './parse'

function quote(field: string, delimiter: Delimiter): string {
  const needs = field.includes(delimiter) || /["\r\n]/.test(field) || field !== field.trim()
  return needs ? `"${field.replace(/"/g, '""')}"` : field
}

export function toCsv(rows: string[][], delimiter: Delimiter = ','): string {
  return rows.map((r) => r.map((f) => quote(f, delimiter)).join(delimiter)).join('\r\n') + (rows.length ? '\r\n' : '')
}

/**
 * What a cell exports as: its value (numbers in full precision, vectors and matrices as
 * JSON, labels as text, errors as their code), never the formula.
 */
export function exportedValue(c: CellView | undefined): string {
  if (!c) return ''
  switch (c.value.kind) {
    case 'number':
      return String(c.value.value)
    case 'tensor':
      return JSON.stringify(c.value.value)
    case 'text':
      return c.value.value
    case 'boolean':
      return c.value.value ? 'TRUE' : 'FALSE'
    case 'error':
      return c.value.error.code
    default:
      return ''
  }
}

// Turns engine cell views into what `gradsheet eval` prints: the SPEC §6 JSON entries
// and the rows of the human-readable table.
import type { CellError, CellGrad, CellValue, CellView, ObjectiveState } from '../engine/api.ts'

type JsonValue = number | boolean | string | null | JsonValue[]

export interface CellReport {
  input: string
  name?: string
  value: JsonValue
  grad: JsonValue
  error?: CellError
  /** Only when the gradient itself is not finite (sqrt'(0)): SPEC §4 shows it as #NUM!. */
  grad_error?: CellError
}

export interface JsonReport {
  objective: string | null
  cells: Record<string, CellReport>
  /** SPEC §6: present only when gradients are unavailable (no objective, not a number, in error), with the reason in words. */
  gradients_unavailable?: string
}

/** "Sheet1!B4": the key of a cell in every output. */
export function cellKey(cell: { sheet: string; address: string }): string {
  return `${cell.sheet}!${cell.address}`
}

export function jsonValue(value: CellValue): JsonValue {
  switch (value.kind) {
    case 'number':
    case 'text':
    case 'boolean':
      return value.value
    case 'tensor':
      return value.value
    case 'empty':
    case 'error':
      return null
  }
}

export function jsonGrad(grad: CellGrad): JsonValue {
  return grad.kind === 'number' || grad.kind === 'tensor' ? grad.value : null
}

export function cellReport(cell: CellView): CellReport {
  // Key order as in SPEC §6: input, name, value, grad, error.
  const report: CellReport = {
    input: cell.input,
    ...(cell.name !== undefined ? { name: cell.name } : {}),
    value: jsonValue(cell.value),
    grad: jsonGrad(cell.grad),
  }
  if (cell.value.kind === 'error') report.error = cell.value.error
  if (cell.grad.kind === 'error') report.grad_error = cell.grad.error
  return report
}

export function jsonReport(objective: ObjectiveState, cells: CellView[]): JsonReport {
  const out: JsonReport = { objective: objective.cell, cells: {} }
  for (const cell of cells) out.cells[cellKey(cell)] = cellReport(cell)
  if (objective.unavailableReason !== null) out.gradients_unavailable = objective.unavailableReason
  return out
}

/** One line above the table: which cell is J and its value, or why there are no gradients. */
export function objectiveLine(objective: ObjectiveState): string {
  if (objective.unavailableReason !== null) {
    const which = objective.ref === null ? 'none' : objective.ref
    return `Objective: ${which}. Gradients unavailable: ${objective.unavailableReason}`
  }
  const where = objective.cell ?? objective.ref ?? 'none'
  const label = objective.ref !== null && objective.ref !== objective.cell ? `${objective.ref} = ${where}` : where
  return `Objective J: ${label} = ${objective.value === null ? '?' : formatNumber(objective.value)}`
}

export const TABLE_HEADERS = ['cell', 'name', 'input', 'value', 'grad', 'error']

export function tableRow(cell: CellView): string[] {
  const error = cell.value.kind === 'error' ? `${cell.value.error.code} ${cell.value.error.message}` : cell.grad.kind === 'error' ? `grad ${cell.grad.error.code} ${cell.grad.error.message}` : ''
  return [cellKey(cell), cell.name ?? '', cell.input, textOfValue(cell.value), textOfGrad(cell.grad), error]
}

function textOfValue(value: CellValue): string {
  switch (value.kind) {
    case 'number':
      return formatNumber(value.value)
    case 'tensor':
      return JSON.stringify(value.value)
    case 'text':
      return '' // a label: its text is already in the input column
    case 'boolean':
      return value.value ? 'TRUE' : 'FALSE'
    case 'empty':
      return ''
    case 'error':
      return value.error.code
  }
}

function textOfGrad(grad: CellGrad): string {
  switch (grad.kind) {
    case 'number':
      return formatNumber(grad.value)
    case 'tensor':
      return JSON.stringify(grad.value)
    case 'error':
      return grad.error.code
    case 'unavailable':
      return 'n/a'
    case 'none':
      return ''
  }
}

/**
 * Exact shortest round-trip form (what JSON prints too), so the table never rounds.
 * A finite number is converted by JSON.stringify, which prints the same digits as String
 * but leaves V8's number-to-string cache alone: that cache lives in the old generation,
 * so every string String() puts there outlives the young-generation collections and a
 * million-cell listing promoted ~100 MB of them (loadmem branch, issue 12: peak memory of
 * `gradsheet eval`).
 */
export function formatNumber(n: number): string {
  if (Object.is(n, -0)) return '0'
  return Number.isFinite(n) ? JSON.stringify(n) : String(n)
}

/** Plain-text table with aligned columns; long inputs and messages are cut at 60. */
export function formatTable(headers: string[], rows: string[][]): string {
  const parts: string[] = []
  const out = new ChunkedWriter((text) => parts.push(text))
  const widths = tableWidths(headers, rows)
  out.write(tableHead(headers, widths))
  for (const r of rows) out.write('\n' + tableLine(r, widths))
  out.flush()
  return parts.join('')
}

const cut = (s: string) => {
  const one = s.replace(/\s+/g, ' ')
  return one.length > 60 ? one.slice(0, 59) + '…' : one
}

/** A table's column widths (null: a column with nothing in it, left out), from one pass over its rows. */
export function tableWidths(headers: string[], rows: Iterable<string[]>): (number | null)[] {
  const used = headers.map((_, c) => c === 0)
  const widths = headers.map((h) => h.length)
  for (const r of rows)
    for (let c = 0; c < headers.length; c++) {
      if (r[c] !== '') used[c] = true
      const w = cut(r[c]).length
      if (w > widths[c]) widths[c] = w
    }
  return widths.map((w, c) => (used[c] ? w : null))
}

/** One row of the table as a line (cut, padded, unused columns left out, no trailing spaces). */
export function tableLine(row: string[], widths: (number | null)[], cutCells = true): string {
  const shown: string[] = []
  row.forEach((s, c) => {
    const w = widths[c]
    if (w !== null) shown.push((cutCells ? cut(s) : s).padEnd(w))
  })
  return shown.join('  ').trimEnd()
}

/** The header line and the dashes under it. */
export function tableHead(headers: string[], widths: (number | null)[]): string {
  return tableLine(headers, widths, false) + '\n' + tableLine(widths.map((w) => '-'.repeat(w ?? 0)), widths, false)
}

/** One cell's entry in the JSON report as JSON.stringify(report, null, 2) prints it inside "cells" (no comma). */
export function jsonEntry(cell: CellView): string {
  return `\n    ${JSON.stringify(cellKey(cell))}: ${JSON.stringify(cellReport(cell), null, 2).replace(/\n/g, '\n    ')}`
}

/**
 * Collects small pieces of output and hands them on in chunks of about 64 KB; `write`
 * says when it handed one on, so a caller can wait for the output to drain (load branch,
 * issue 12: a million-cell listing is never held whole, in one string or in a pipe's buffer).
 */
export class ChunkedWriter {
  private pending: string[] = []
  private size = 0
  constructor(private readonly sink: (text: string) => void) {}

  write(text: string): boolean {
    this.pending.push(text)
    this.size += text.length
    if (this.size < 1 << 16) return false
    this.flush()
    return true
  }

  flush(): void {
    if (this.pending.length === 0) return
    this.sink(this.pending.join(''))
    this.pending = []
    this.size = 0
  }
}

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

/** Exact shortest round-trip form (what JSON prints too), so the table never rounds. */
export function formatNumber(n: number): string {
  return Object.is(n, -0) ? '0' : String(n)
}

/** Plain-text table with aligned columns; long inputs and messages are cut at 60. */
export function formatTable(headers: string[], rows: string[][]): string {
  const out = new ChunkedWriter((text) => parts.push(text))
  const parts: string[] = []
  writeTable(headers, (visit) => rows.forEach(visit), out)
  out.flush()
  return parts.join('')
}

/** Calls `visit` with each row of a table, in order; may be called more than once (the table is written in two passes). */
export type EachRow = (visit: (row: string[]) => void) => void

/**
 * formatTable without holding the rows (load branch, issue 12): a first pass over the rows
 * measures the columns, a second writes the lines, so a million-row table never exists
 * as one list or one string. No newline after the last line.
 */
export function writeTable(headers: string[], eachRow: EachRow, out: ChunkedWriter): void {
  const cut = (s: string) => {
    const one = s.replace(/\s+/g, ' ')
    return one.length > 60 ? one.slice(0, 59) + '…' : one
  }
  const used = headers.map((_, c) => c === 0)
  const widths = headers.map((h) => h.length)
  eachRow((r) => {
    for (let c = 0; c < headers.length; c++) {
      if (r[c] !== '') used[c] = true
      const w = cut(r[c]).length
      if (w > widths[c]) widths[c] = w
    }
  })
  const line = (r: string[]) =>
    r
      .map((s, c) => (used[c] ? s.padEnd(widths[c]) : null))
      .filter((s): s is string => s !== null)
      .join('  ')
      .trimEnd()
  out.write(line(headers))
  out.write('\n' + line(widths.map((w) => '-'.repeat(w))))
  eachRow((r) => out.write('\n' + line(r.map(cut))))
}

/**
 * The JSON report as JSON.stringify(jsonReport(…), null, 2) prints it, written cell by
 * cell (load branch, issue 12): a million cells never become one object or one string.
 */
export function writeJsonReport(objective: string | null, unavailable: string | null, eachCell: (visit: (cell: CellView) => void) => void, out: ChunkedWriter): void {
  out.write(`{\n  "objective": ${JSON.stringify(objective)},\n  "cells": {`)
  let first = true
  eachCell((cell) => {
    out.write(`${first ? '' : ','}\n    ${JSON.stringify(cellKey(cell))}: ${JSON.stringify(cellReport(cell), null, 2).replace(/\n/g, '\n    ')}`)
    first = false
  })
  out.write(first ? '}' : '\n  }')
  if (unavailable !== null) out.write(`,\n  "gradients_unavailable": ${JSON.stringify(unavailable)}`)
  out.write('\n}')
}

/** Collects small pieces of output and hands them on in chunks of about 64 KB. */
export class ChunkedWriter {
  private pending: string[] = []
  private size = 0
  constructor(private readonly sink: (text: string) => void) {}

  write(text: string): void {
    this.pending.push(text)
    this.size += text.length
    if (this.size >= 1 << 16) this.flush()
  }

  flush(): void {
    if (this.pending.length === 0) return
    this.sink(this.pending.join(''))
    this.pending = []
    this.size = 0
  }
}

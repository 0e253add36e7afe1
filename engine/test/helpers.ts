// Small builders for engine tests: a one-sheet workbook from {address: input} (with
// optional names), and readers for values and gradients.
import { createEngine, type CellView, type Engine } from '../index'
import type { WorkbookDocument } from '../workbook/document'

export type CellSpec = string | { input: string; name?: string; param?: boolean }

export function docOf(cells: Record<string, CellSpec>, objective: string | null = null, more: { name: string; cells: Record<string, CellSpec> }[] = []): WorkbookDocument {
  const norm = (c: Record<string, CellSpec>) =>
    Object.fromEntries(Object.entries(c).map(([a, s]) => [a, typeof s === 'string' ? { input: s } : s]))
  return {
    format: 'gradsheet',
    version: 1,
    objective,
    sheets: [{ name: 'Sheet1', cells: norm(cells) }, ...more.map((s) => ({ name: s.name, cells: norm(s.cells) }))],
  }
}

export const book = (cells: Record<string, CellSpec>, objective: string | null = null): Engine => createEngine(docOf(cells, objective))

export function num(e: Engine, address: string, sheet = 'Sheet1'): number {
  const v = e.cell(sheet, address).value
  if (v.kind !== 'number') throw new Error(`${address} is ${JSON.stringify(v)}, not a number`)
  return v.value
}

export function grad(e: Engine, address: string, sheet = 'Sheet1'): number {
  const g = e.cell(sheet, address).grad
  if (g.kind !== 'number') throw new Error(`${address} gradient is ${JSON.stringify(g)}, not a number`)
  return g.value
}

export function tensor(e: Engine, address: string): number[] | number[][] {
  const v = e.cell('Sheet1', address).value
  if (v.kind !== 'tensor') throw new Error(`${address} is ${JSON.stringify(v)}, not a tensor`)
  return v.value
}

export function tensorGrad(e: Engine, address: string): number[] | number[][] {
  const g = e.cell('Sheet1', address).grad
  if (g.kind !== 'tensor') throw new Error(`${address} gradient is ${JSON.stringify(g)}, not a tensor`)
  return g.value
}

export function errorOf(e: Engine, address: string, sheet = 'Sheet1'): { code: string; message: string } {
  const v = e.cell(sheet, address).value
  if (v.kind !== 'error') throw new Error(`${address} is ${JSON.stringify(v)}, not an error`)
  return v.error
}

/**
 * Evaluates `formula` over inputs in A1, A2, … (the formula refers to them) with J = the
 * formula in B1: its value and the gradient of each input.
 */
export function run(formula: string, ...inputs: (number | string)[]): { engine: Engine; value: CellView['value']; grads: CellView['grad'][] } {
  const cells: Record<string, CellSpec> = { B1: { input: '=' + formula, name: 'J' } }
  inputs.forEach((x, i) => (cells[`A${i + 1}`] = String(x)))
  const engine = book(cells)
  return { engine, value: engine.cell('Sheet1', 'B1').value, grads: inputs.map((_, i) => engine.cell('Sheet1', `A${i + 1}`).grad) }
}

/** The value of a formula over inputs A1…, which must be a number. */
export function valueOf(formula: string, ...inputs: (number | string)[]): number {
  const { value } = run(formula, ...inputs)
  if (value.kind !== 'number') throw new Error(`${formula} gave ${JSON.stringify(value)}`)
  return value.value
}

/** d(formula)/dA_i for each input, all numbers. */
export function gradsOf(formula: string, ...inputs: number[]): number[] {
  return run(formula, ...inputs).grads.map((g, i) => {
    if (g.kind !== 'number') throw new Error(`gradient of A${i + 1} in ${formula} is ${JSON.stringify(g)}`)
    return g.value
  })
}

/** The error code (and message) a formula gives. */
export function codeOf(formula: string, ...inputs: (number | string)[]): string {
  const { value } = run(formula, ...inputs)
  if (value.kind !== 'error') throw new Error(`${formula} gave ${JSON.stringify(value)}, not an error`)
  return value.error.code
}


// The trainable parameters of a workbook: cells marked `param` whose input is a number
// or a vector/matrix literal. Their values are read as one flat vector θ, and a new θ
// is written back as the cells' input text (full precision, so reading it back gives
// exactly the same numbers).
import type { CellView, Edit } from '../api'
import type { Engine } from '../index'

export interface Param {
  sheet: string
  address: string
  /** Name if the cell has one, else the address: how messages and tables show it. */
  label: string
  /** [] for a number, [n] for a vector, [r, c] for a matrix. */
  shape: number[]
  /** Offset of this cell's first element in θ. */
  offset: number
  size: number
  /** The input before training, for undo. */
  input: string
}

export interface ParamSet {
  params: Param[]
  /** Total number of elements in θ. */
  size: number
}

const LITERAL = /^=\s*\[[-+0-9eE.,\s[\]]*\]\s*$/

/** Why a param cell cannot be trained, or null. */
function problemOf(c: CellView): string | null {
  const where = `${c.param ? 'the parameter ' : ''}${c.name ?? c.address}`
  if (c.value.kind === 'number' && !c.input.trim().startsWith('=')) return null
  // A marked empty cell is a number parameter at 0 (Randomize or training fills it in).
  if (c.value.kind === 'empty' && c.input.trim() === '') return null
  if (c.value.kind === 'tensor' && LITERAL.test(c.input)) return null
  if (c.value.kind === 'error') return `${where} is in error (${c.value.error.code})`
  if (c.input.trim().startsWith('=')) return `${where} is a formula; only numbers and literals like =[[1, 2], [3, 4]] can be trained or checked`
  return `${where} is not a number`
}

/** One cell as a parameter starting at θ[offset], or why it cannot be trained. */
export function paramOf(c: CellView, offset: number): Param | { error: string } {
  const problem = problemOf(c)
  if (problem) return { error: problem }
  const shape = c.value.kind === 'tensor' ? c.value.shape : []
  const size = shape.reduce((p, d) => p * d, 1)
  return { sheet: c.sheet, address: c.address, label: c.name ?? c.address, shape, offset, size, input: c.input }
}

/** The given cells (default: those marked param, in sheet and row order) as parameters. */
export function findParams(engine: Engine, cells?: CellView[]): ParamSet | { error: string } {
  const params: Param[] = []
  let size = 0
  for (const c of cells ?? engine.cells().filter((c) => c.param)) {
    const p = paramOf(c, size)
    if ('error' in p) return p
    params.push(p)
    size += p.size
  }
  if (params.length === 0) return { error: cells ? 'no cells to check' : 'no parameters: mark the cells to train with Parameter' }
  return { params, size }
}

function flatInto(out: Float64Array, at: number, v: number | number[] | number[][]): void {
  if (typeof v === 'number') out[at] = v
  else (v as (number | number[])[]).flat().forEach((x, i) => (out[at + i] = x))
}

/** θ: the current values of every parameter, flattened. */
export function readValues(engine: Engine, set: ParamSet): Float64Array {
  const theta = new Float64Array(set.size)
  for (const p of set.params) {
    const v = engine.cell(p.sheet, p.address).value
    if (v.kind === 'number' || v.kind === 'tensor') flatInto(theta, p.offset, v.value)
  }
  return theta
}

/** ∂J/∂θ, or the parameter whose gradient is missing or not finite (and why). */
export function readGradients(engine: Engine, set: ParamSet): Float64Array | { error: string } {
  const g = new Float64Array(set.size)
  for (const p of set.params) {
    const grad = engine.cell(p.sheet, p.address).grad
    if (grad.kind === 'number' || grad.kind === 'tensor') flatInto(g, p.offset, grad.value)
    else if (grad.kind === 'unavailable') return { error: `no gradient: ${grad.reason}` }
    else if (grad.kind === 'error') return { error: `the gradient of ${p.label} is not finite` }
    else return { error: `the parameter ${p.label} has no gradient` }
  }
  return g
}

/** The input text of one parameter holding `values` (its shape is kept). */
export function inputOf(p: Param, values: ArrayLike<number>, from = p.offset): string {
  const x = (i: number) => String(values[from + i])
  if (p.shape.length === 0) return x(0)
  if (p.shape.length === 1) return `=[${Array.from({ length: p.size }, (_, i) => x(i)).join(', ')}]`
  const [r, c] = p.shape
  const rows = Array.from({ length: r }, (_, i) => `[${Array.from({ length: c }, (_, j) => x(i * c + j)).join(', ')}]`)
  return `=[${rows.join(', ')}]`
}

/** The edits that set every parameter to θ. */
export function writeEdits(set: ParamSet, theta: Float64Array): Edit[] {
  return set.params.map((p) => ({ type: 'setInput', sheet: p.sheet, address: p.address, input: inputOf(p, theta) }))
}

/** The edits that put every parameter back to its input before training. */
export function restoreEdits(set: ParamSet): Edit[] {
  return set.params.map((p) => ({ type: 'setInput', sheet: p.sheet, address: p.address, input: p.input }))
}

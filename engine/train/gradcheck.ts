// Gradient check: the reverse pass's ∂J/∂x against central finite differences
// (J(x + h) − J(x − h)) / 2h for every element of the chosen cells. Cells are probed
// through the ordinary `apply` and their inputs are put back exactly afterwards.
import type { CellView, Edit } from '../api'
import type { Engine } from '../index'
import { findParams, inputOf, readValues, type Param } from './params'

export interface GradCheckRow {
  /** "Sheet1!B2" or "Sheet1!B2[1,2]" for an element of a matrix (1-based). */
  cell: string
  label: string
  reverse: number
  numeric: number
  /**
   * |reverse − numeric| / max(|reverse| + |numeric|, 1e-4): relative, except that near a
   * zero gradient it becomes an absolute error, since finite differences cannot resolve
   * gradients below their own rounding noise (about 1e-11 here).
   */
  relativeError: number
  flagged: boolean
}

export const DEFAULT_TOLERANCE = 1e-5

function relative(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(a) + Math.abs(b), 1e-4)
}

function elementName(p: Param, k: number): string {
  if (p.shape.length === 0) return ''
  if (p.shape.length === 1) return `[${k + 1}]`
  return `[${Math.floor(k / p.shape[1]) + 1},${(k % p.shape[1]) + 1}]`
}

function gradValues(v: CellView['grad']): number[] | null {
  if (v.kind === 'number') return [v.value]
  if (v.kind === 'tensor') return (v.value as (number | number[])[]).flat()
  return null
}

/**
 * Checks `cells` (default: every parameter). Cells must hold a number or a vector/matrix
 * literal, like parameters. Returns the table, or why the check cannot run.
 */
export function gradientCheck(engine: Engine, cells?: { sheet: string; address: string }[], tolerance = DEFAULT_TOLERANCE): GradCheckRow[] | { error: string } {
  const set = findParams(engine, cells?.map((c) => engine.cell(c.sheet, c.address)))
  if ('error' in set) return set
  const j = () => engine.objective().value
  if (j() === null) return { error: `no objective value: ${engine.objective().unavailableReason ?? 'J is not a number'}` }
  const theta = readValues(engine, set)
  const rows: GradCheckRow[] = []
  for (const p of set.params) {
    const reverse = gradValues(engine.cell(p.sheet, p.address).grad)
    if (!reverse) return { error: `${p.label} has no gradient to compare` }
    const probe = theta.slice(p.offset, p.offset + p.size)
    const setTo = (values: Float64Array): Edit[] => [{ type: 'setInput', sheet: p.sheet, address: p.address, input: inputOf(p, values, 0) }]
    for (let k = 0; k < p.size; k++) {
      const x = probe[k]
      const h = 1e-5 * Math.max(1, Math.abs(x))
      probe[k] = x + h
      engine.apply(setTo(probe))
      const up = j()
      probe[k] = x - h
      engine.apply(setTo(probe))
      const down = j()
      probe[k] = x
      const numeric = up === null || down === null ? NaN : (up - down) / (2 * h)
      const err = Number.isFinite(numeric) ? relative(reverse[k], numeric) : Infinity
      rows.push({ cell: `${p.sheet}!${p.address}${elementName(p, k)}`, label: p.label + elementName(p, k), reverse: reverse[k], numeric, relativeError: err, flagged: !(err <= tolerance) })
    }
    engine.apply([{ type: 'setInput', sheet: p.sheet, address: p.address, input: p.input }])
  }
  return rows
}

// How explanations name cells and print numbers: a cell by its name, else its address
// (sheet-qualified off the first sheet); numbers with about 6 significant digits, as the grid.
import { quoteSheet } from '../address'
import type { ExplainSource } from './source'

export function keyOf(src: ExplainSource, id: number): string {
  return `${src.sheetName(src.store.sheet[id]) ?? ''}!${src.addressOf(id)}`
}

export function labelOf(src: ExplainSource, id: number): string {
  const name = src.nameOf(id)
  if (name !== undefined) return name
  const sid = src.store.sheet[id]
  const first = src.sheetIds()[0]
  return sid === first ? src.addressOf(id) : `${quoteSheet(src.sheetName(sid) ?? '')}!${src.addressOf(id)}`
}

/** 216 → "216", 0.1 + 0.2 → "0.3", 1e-9 → "1e-9", -0 → "0". */
export function fmt(n: number): string {
  if (Number.isNaN(n)) return 'NaN'
  if (!Number.isFinite(n)) return n > 0 ? '∞' : '−∞'
  if (n === 0) return '0'
  const abs = Math.abs(n)
  if (abs >= 1e-4 && abs < 1e9) {
    const t = n.toPrecision(6)
    return t.includes('.') ? t.replace(/\.?0+$/, '') : t
  }
  const [m, e] = n.toExponential(5).split('e')
  return `${m.includes('.') ? m.replace(/\.?0+$/, '') : m}e${e}`
}

/** A factor in a product: negative numbers in parentheses ("18 × (-3)"). */
export const factor = (n: number): string => (n < 0 ? `(${fmt(n)})` : fmt(n))

/** A flat adjoint as nested arrays of the given shape. */
export function nested(shape: readonly number[], data: ArrayLike<number>): number[] | number[][] {
  if (shape.length === 1) return Array.from(data)
  const [r, c] = shape
  const out: number[][] = []
  for (let i = 0; i < r; i++) out.push(Array.from({ length: c }, (_, j) => data[i * c + j]))
  return out
}

/** Short text of a vector/matrix adjoint: inline up to 4 entries, else its shape. */
export function tensorText(shape: readonly number[], data: ArrayLike<number>): string {
  if (shape.length === 1 && data.length <= 4) return `[${Array.from(data, fmt).join(', ')}]`
  return shape.length === 1 ? `vector[${shape[0]}]` : `${shape[0]}×${shape[1]} matrix`
}

// Numbers formatted for reading in a cell: about 6 significant digits, an exponent for
// very large or very small magnitudes. The exact value stays in data-* and tooltips.
import type { CellGrad, CellValue, Tensor } from '../../../engine/api'

const SIGNIFICANT = 6

/** 1234.5678 → "1234.57", 1e-9 → "1e-9", 123456789 → "1.23457e+8", -0 → "0". */
export function formatNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN'
  if (!Number.isFinite(n)) return n > 0 ? '∞' : '−∞'
  if (n === 0) return '0'
  const abs = Math.abs(n)
  if (abs >= 1e-4 && abs < 1e9) {
    const text = n.toPrecision(SIGNIFICANT)
    return trimZeros(text)
  }
  const [mantissa, exponent] = n.toExponential(SIGNIFICANT - 1).split('e')
  return `${trimZeros(mantissa)}e${exponent}`
}

function trimZeros(text: string): string {
  if (!text.includes('.') || text.includes('e')) return text
  return text.replace(/\.?0+$/, '')
}

/** A short preview of a vector or matrix: "[1, 2, 3]" or "3×2 matrix". */
export function formatTensor(t: Tensor, shape?: number[]): string {
  const dims = shape ?? (Array.isArray(t[0]) ? [t.length, (t[0] as number[]).length] : [t.length])
  if (dims.length === 1 && dims[0] <= 4) return `[${(t as number[]).map(formatNumber).join(', ')}]`
  return dims.length === 1 ? `vector[${dims[0]}]` : `${dims[0]}×${dims[1]} matrix`
}

/** What the cell shows as its value (first line). */
export function formatValue(v: CellValue): string {
  switch (v.kind) {
    case 'empty': return ''
    case 'number': return formatNumber(v.value)
    case 'tensor': return formatTensor(v.value, v.shape)
    case 'text': return v.value
    case 'boolean': return v.value ? 'TRUE' : 'FALSE'
    case 'error': return v.error.code
  }
}

/** What the cell shows beneath its value: ∂J/∂cell, or nothing when it has none. */
export function formatGrad(g: CellGrad): string {
  switch (g.kind) {
    case 'number': return formatNumber(g.value)
    case 'tensor': return formatTensor(g.value)
    case 'error': return g.error.code
    default: return ''
  }
}

/** Full precision, for tooltips and the status bar. */
export function exactValue(v: CellValue): string | undefined {
  switch (v.kind) {
    case 'number': return String(v.value)
    case 'tensor': return JSON.stringify(v.value)
    case 'text': return v.value
    case 'boolean': return v.value ? 'true' : 'false'
    default: return undefined
  }
}

export function exactGrad(g: CellGrad): string | undefined {
  if (g.kind === 'number') return String(g.value)
  if (g.kind === 'tensor') return JSON.stringify(g.value)
  return undefined
}

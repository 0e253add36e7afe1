// Geometry of the tornado chart: one bar per input, centred on zero, its length the
// value's share of the largest magnitude in its column, left for negative values. Pure,
// unit-tested without a DOM.

export interface Bar {
  /** Left edge and width as fractions of the column's width (0…1). */
  x: number
  width: number
  negative: boolean
}

/** Bars for the values (null: no bar, e.g. elasticity when J is 0). */
export function tornadoBars(values: (number | null)[]): (Bar | null)[] {
  const largest = Math.max(0, ...values.map((v) => (v === null ? 0 : Math.abs(v))))
  return values.map((v) => {
    if (v === null) return null
    const half = largest === 0 ? 0 : (Math.abs(v) / largest) * 0.5
    return v < 0 ? { x: 0.5 - half, width: half, negative: true } : { x: 0.5, width: half, negative: false }
  })
}

/** A number short enough for a chart label, exact enough to compare (4 significant digits). */
export function shortNumber(x: number): string {
  if (x === 0) return '0'
  const a = Math.abs(x)
  if (a >= 1e5 || a < 1e-3) return x.toExponential(2)
  return String(Number(x.toPrecision(4)))
}

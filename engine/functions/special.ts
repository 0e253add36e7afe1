// The error function erf, real-valued (math.js's erf). Two expansions, each used where it
// converges without cancellation, so every double is accurate to a few ulps:
//   |x| < 3:   erf(x) = 2/√π · e^(−x²) · Σₙ 2ⁿ x^(2n+1) / (1·3·5·…·(2n+1))   (all terms positive)
//   |x| ≥ 3:   erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + …)))))
//              (Laplace's continued fraction, evaluated by the modified Lentz method)
// and erf(x) = 1 − erfc(x). The derivative is exact: erf′(x) = 2/√π · e^(−x²).
import { SMOOTH } from './conventions'
import { unary } from './elementwise'
import type { FnDef } from './types'

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI)

function erfSeries(x: number): number {
  const x2 = x * x
  let term = x
  let sum = x
  for (let n = 0; n < 200; n++) {
    term *= (2 * x2) / (2 * n + 3)
    sum += term
    if (term < sum * 1e-17) break
  }
  return TWO_OVER_SQRT_PI * Math.exp(-x2) * sum
}

/** erfc(x) for x ≥ 3 by the continued fraction x + (1/2)/(x + (2/2)/(x + (3/2)/(x + …))). */
function erfcFraction(x: number): number {
  const tiny = 1e-300
  let f = x
  let c = x
  let d = 0
  for (let k = 1; k < 500; k++) {
    const a = k / 2
    d = x + a * d
    d = d === 0 ? tiny : d
    c = x + a / c
    c = c === 0 ? tiny : c
    d = 1 / d
    const delta = c * d
    f *= delta
    if (Math.abs(delta - 1) < 1e-16) break
  }
  return Math.exp(-x * x) / (Math.sqrt(Math.PI) * f)
}

export function erfOf(x: number): number {
  if (Number.isNaN(x)) return NaN
  const ax = Math.abs(x)
  const y = ax < 3 ? erfSeries(ax) : 1 - erfcFraction(ax)
  return x < 0 ? -y : y
}

export const specialFunctions: FnDef[] = [
  unary('erf', erfOf, (x) => TWO_OVER_SQRT_PI * Math.exp(-x * x), undefined, SMOOTH),
]

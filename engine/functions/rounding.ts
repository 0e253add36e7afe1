// Rounding and whole-number functions (gcd, lcm): piecewise constant, so the derivative
// is 0 (SPEC §4).
import { Err, Tensor, checkFinite, toNumber } from '../values'
import { binary, unaryFlat } from './elementwise'
import { FLAT } from './conventions'
import type { FnDef } from './types'

/** Rounds half away from zero, as spreadsheets and math.js do (Math.round does not for negatives). */
function roundTo(x: number, digits: number): number {
  const f = Math.pow(10, digits)
  const y = Math.sign(x) * Math.round(Math.abs(x) * f) / f
  return Object.is(y, -0) ? 0 : y
}

function roundFn(name: string): FnDef {
  return {
    name,
    min: 1,
    max: 2,
    convention: FLAT,
    value(args) {
      let digits = 0
      if (args.length === 2) {
        const d = toNumber(args[1], name)
        if (d instanceof Err) return d
        if (!Number.isInteger(d) || d < -15 || d > 15) return new Err('#VALUE!', `${name} needs a whole number of digits between -15 and 15, got ${d}`)
        digits = d
      }
      const a = args[0]
      if (a instanceof Tensor) return new Tensor(a.shape, a.data.map((x) => roundTo(x, digits)))
      const x = toNumber(a, name)
      return x instanceof Err ? x : checkFinite(roundTo(x, digits), name)
    },
  }
}

const wholeNumbers = (name: string) => (a: number, b: number): Err | null =>
  Number.isInteger(a) && Number.isInteger(b) ? null : new Err('#VALUE!', `${name} needs whole numbers, got ${Number.isInteger(a) ? b : a}`)

function gcdOf(a: number, b: number): number {
  a = Math.abs(a)
  b = Math.abs(b)
  while (b) [a, b] = [b, a % b]
  return a
}
const lcmOf = (a: number, b: number): number => (a === 0 || b === 0 ? 0 : Math.abs((a / gcdOf(a, b)) * b))

/** gcd(a, b, …) and lcm(a, b, …): pairwise from the left, element-wise with broadcasting (math.js). */
function wholeFold(name: string, f: (a: number, b: number) => number): FnDef {
  const pair = binary(name, f, () => 0, () => 0, wholeNumbers(name), FLAT)
  return {
    ...pair,
    grad: undefined,
    max: Infinity,
    value: (args) => args.slice(1).reduce((acc, x) => (acc instanceof Err ? acc : pair.value([acc, x])), args[0]),
  }
}

export const roundingFunctions: FnDef[] = [
  wholeFold('gcd', gcdOf),
  wholeFold('lcm', lcmOf),
  unaryFlat('floor', Math.floor),
  unaryFlat('ceil', Math.ceil),
  unaryFlat('fix', Math.trunc),
  roundFn('round'),
  roundFn('ROUND'),
]

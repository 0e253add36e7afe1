// Rounding: piecewise constant, so the derivative is 0 (SPEC §4).
import { Err, Tensor, checkFinite, toNumber } from '../values'
import { unaryFlat } from './elementwise'
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

export const roundingFunctions: FnDef[] = [
  unaryFlat('floor', Math.floor),
  unaryFlat('ceil', Math.ceil),
  unaryFlat('fix', Math.trunc),
  roundFn('round'),
  roundFn('ROUND'),
]

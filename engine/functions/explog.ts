// Exponentials, logarithms and roots. Real-only: a complex result is #NUM!.
import { Err } from '../values'
import { binary, unary } from './elementwise'
import { infiniteSlope } from './conventions'
import type { FnDef } from './types'

const positive = (name: string) => (x: number): Err | null => {
  if (x < 0) return new Err('#NUM!', `${name} of a negative number (${x}) is not a real number`)
  if (x === 0) return new Err('#NUM!', `${name}(0) is -Infinity`)
  return null
}
const nonNegative = (name: string) => (x: number): Err | null =>
  x < 0 ? new Err('#NUM!', `${name} of a negative number (${x}) is not a real number`) : null

export const ln = unary('log', Math.log, (x) => 1 / x, positive('log'))
export const log10 = unary('log10', Math.log10, (x) => 1 / (x * Math.LN10), positive('log10'))
const logBase = binary(
  'log',
  (x, b) => Math.log(x) / Math.log(b),
  (x, b) => 1 / (x * Math.log(b)),
  (_x, b, y) => -y / (b * Math.log(b)),
  (x, b) => positive('log')(x) ?? positive('log base')(b) ?? (b === 1 ? new Err('#DIV/0!', 'a logarithm to base 1 divides by zero') : null),
)

/** log(x) is natural, log(x, base) any base (math.js meaning). */
export function logWithDefault(name: string, single: FnDef): FnDef {
  return {
    name,
    min: 1,
    max: 2,
    convention: single.convention,
    fast1: single.fast1,
    fast2: logBase.fast2,
    value: (args) => (args.length === 1 ? single.value(args) : logBase.value(args)),
    grad: (args, out, adj) => (args.length === 1 ? single.grad!(args, out, adj) : logBase.grad!(args, out, adj)),
  }
}

export const sqrt = unary('sqrt', Math.sqrt, (_x, y) => 0.5 / y, nonNegative('sqrt'), infiniteSlope('0', (x) => x === 0))
export const exp = unary('exp', Math.exp, (_x, y) => y)

export const explogFunctions: FnDef[] = [
  exp,
  logWithDefault('log', ln),
  log10,
  unary('log2', Math.log2, (x) => 1 / (x * Math.LN2), positive('log2')),
  unary('log1p', Math.log1p, (x) => 1 / (1 + x), (x) => (x <= -1 ? positive('log1p')(x + 1) : null)),
  unary('expm1', Math.expm1, (x) => Math.exp(x)),
  sqrt,
  unary('cbrt', Math.cbrt, (_x, y) => 1 / (3 * y * y), undefined, infiniteSlope('0', (x) => x === 0)),
]

// Exponentials, logarithms and roots. Real-only: a complex result is #NUM!.
import { Err } from '../values'
import { binary, unary } from './elementwise'
import { infiniteSlope } from './conventions'
import { inline1, type FnDef } from './types'

const positive = (name: string) => (x: number): Err | null => {
  if (x < 0) return new Err('#NUM!', `${name} of a negative number (${x}) is not a real number`)
  if (x === 0) return new Err('#NUM!', `${name}(0) is -Infinity`)
  return null
}
const nonNegative = (name: string) => (x: number): Err | null =>
  x < 0 ? new Err('#NUM!', `${name} of a negative number (${x}) is not a real number`) : null

export const ln = inline1(unary('log', Math.log, (x) => 1 / x, positive('log')), 'log')
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

export const sqrt = inline1(unary('sqrt', Math.sqrt, (_x, y) => 0.5 / y, nonNegative('sqrt'), infiniteSlope('0', (x) => x === 0)), 'sqrt')
export const exp = inline1(unary('exp', Math.exp, (_x, y) => y), 'exp')

/** The real n-th root (math.js's nthRoot): a negative number has one only for an odd whole root. */
function nthRootOf(a: number, n: number): number {
  const y = Math.sign(a) * Math.pow(Math.abs(a), 1 / n)
  // Whole roots of whole powers are exact (nthRoot(27, 3) is 3, not 3.0000000000000004).
  const r = Math.round(y)
  return Number.isInteger(n) && r !== y && Math.pow(r, n) === a ? r : y
}

function rootDomain(a: number, n: number): Err | null {
  if (n === 0) return new Err('#NUM!', 'nthRoot: the root must not be 0')
  if (a < 0 && !(Number.isInteger(n) && Math.abs(n) % 2 === 1)) return new Err('#NUM!', `nthRoot of a negative number (${a}) needs an odd whole root, got ${n}`)
  return null
}

// ∂/∂a = |a|^(1/n − 1) / n (+∞ at 0 for n > 1); ∂/∂n = −y·ln|a| / n² (0 at a = 0).
const nthRoot2 = binary(
  'nthRoot',
  nthRootOf,
  (a, n) => Math.pow(Math.abs(a), 1 / n - 1) / n,
  (a, n, y) => (a === 0 ? 0 : (-y * Math.log(Math.abs(a))) / (n * n)),
  rootDomain,
  infiniteSlope('0', (x) => x === 0),
)
const squareRoot = unary('nthRoot', (a) => nthRootOf(a, 2), (a) => Math.pow(Math.abs(a), -0.5) / 2, nonNegative('nthRoot'))

/** nthRoot(a) is the square root, nthRoot(a, n) the n-th (math.js meaning). */
const nthRoot: FnDef = {
  ...nthRoot2,
  min: 1,
  fast1: squareRoot.fast1,
  value: (args) => (args.length === 1 ? squareRoot.value(args) : nthRoot2.value(args)),
  grad: (args, out, adj) => (args.length === 1 ? squareRoot.grad!(args, out, adj) : nthRoot2.grad!(args, out, adj)),
}

export const explogFunctions: FnDef[] = [
  nthRoot,
  exp,
  logWithDefault('log', ln),
  log10,
  unary('log2', Math.log2, (x) => 1 / (x * Math.LN2), positive('log2')),
  unary('log1p', Math.log1p, (x) => 1 / (1 + x), (x) => (x <= -1 ? positive('log1p')(x + 1) : null)),
  unary('expm1', Math.expm1, (x) => Math.exp(x)),
  sqrt,
  unary('cbrt', Math.cbrt, (_x, y) => 1 / (3 * y * y), undefined, infiniteSlope('0', (x) => x === 0)),
]

// Reductions over any mix of scalars, vectors and matrices (flattened in order):
// sum, mean, prod, max/min (gradient to the first element attaining it), norm and the
// spreadsheet's SUM, AVERAGE, PRODUCT, MIN, MAX, SUMSQ, COUNT, SUMPRODUCT. The lower-case
// ones read a range's empty cells as 0 (tensor meaning); the upper-case ones skip empty,
// label and boolean cells inside ranges (spreadsheet meaning, see rangeNumbers.ts).
import { Err, Tensor, checkFinite, shapeText, toNumber, type V } from '../values'
import { flatten, sameShape, unflatten } from './elementwise'
import { RangeNumbers, numbersOf, spreadBack } from './rangeNumbers'
import { DISCRETE, SMOOTH, argExtremum, kinkAtZeroVector } from './conventions'
import type { Convention, FnDef, RangeReduction } from './types'

type Reader = { read: (args: V[], name: string) => Float64Array | Err; back: typeof unflatten }
const tensorReading: Reader = { read: flatten, back: unflatten }
const spreadsheetReading: Reader = { read: numbersOf, back: spreadBack }

function reduction(
  name: string,
  f: (xs: Float64Array) => number | Err,
  df?: (xs: Float64Array, y: number, adj: number) => Float64Array,
  reading: Reader = tensorReading,
  convention: Convention = SMOOTH,
  rangeReduction?: RangeReduction,
): FnDef {
  return {
    name,
    min: 1,
    max: Infinity,
    convention,
    rangeReduction,
    skipsNonNumbersInRanges: reading === spreadsheetReading || undefined,
    value(args) {
      const xs = reading.read(args, name)
      if (xs instanceof Err) return xs
      const y = f(xs)
      return y instanceof Err ? y : checkFinite(y, name)
    },
    grad: df
      ? (args, out, adj) => {
          const xs = reading.read(args, name) as Float64Array
          return reading.back(args, df(xs, out as number, adj as number))
        }
      : undefined,
  }
}

const total = (xs: Float64Array): number => {
  let s = 0
  for (let i = 0; i < xs.length; i++) s += xs[i]
  return s
}

/** `none`: the value when there are no numbers at all (an error, or Excel's 0 for MIN/MAX). */
function extremum(name: string, better: (a: number, b: number) => boolean, none: number | Err, reading?: Reader) {
  const which = better(1, 0) ? 'maximum' : 'minimum'
  const at = (xs: Float64Array): number => {
    let k = 0
    for (let i = 1; i < xs.length; i++) if (better(xs[i], xs[k])) k = i
    return k
  }
  return reduction(
    name,
    (xs) => (xs.length ? xs[at(xs)] : none),
    (xs, _y, adj) => {
      const g = new Float64Array(xs.length)
      if (xs.length) g[at(xs)] = adj
      return g
    },
    reading,
    argExtremum(which),
  )
}

const sumOf = (name: string, reading?: Reader) =>
  reduction(name, total, (xs, _y, adj) => new Float64Array(xs.length).fill(adj), reading, SMOOTH, 'sum')
const meanOf = (name: string, reading?: Reader, fast: RangeReduction = 'mean') =>
  reduction(
    name,
    (xs) => (xs.length ? total(xs) / xs.length : new Err('#DIV/0!', `the ${name} of no numbers divides by zero`)),
    (xs, _y, adj) => new Float64Array(xs.length).fill(adj / xs.length),
    reading,
    SMOOTH,
    fast,
  )
// ∂/∂x_i of the product is the product of all the others (prefix × suffix, zero-safe).
// `none`: the product of no numbers (1 for prod; Excel's PRODUCT gives 0).
const prodOf = (name: string, none: number, reading?: Reader) => reduction(
  name,
  (xs) => (xs.length ? xs.reduce((p, x) => p * x, 1) : none),
  (xs, _y, adj) => {
    const g = new Float64Array(xs.length)
    let prefix = 1
    for (let i = 0; i < xs.length; i++) {
      g[i] = prefix
      prefix *= xs[i]
    }
    let suffix = 1
    for (let i = xs.length - 1; i >= 0; i--) {
      g[i] *= suffix * adj
      suffix *= xs[i]
    }
    return g
  },
  reading,
)
const sum = sumOf('sum')
const mean = meanOf('mean')
const prod = prodOf('prod', 1)
const max = extremum('max', (a, b) => a > b, new Err('#VALUE!', 'max of an empty list'))
const min = extremum('min', (a, b) => a < b, new Err('#VALUE!', 'min of an empty list'))
// norm'(0) is taken as 0 (a subgradient), like abs'(0).
const norm = reduction(
  'norm',
  (xs) => Math.sqrt(xs.reduce((s, x) => s + x * x, 0)),
  (xs, y, adj) => xs.map((x) => (y === 0 ? 0 : (adj * x) / y)),
  tensorReading,
  kinkAtZeroVector(),
)
const sumsq = reduction(
  'SUMSQ',
  (xs) => xs.reduce((s, x) => s + x * x, 0),
  (xs, _y, adj) => xs.map((x) => 2 * x * adj),
  spreadsheetReading,
)

/**
 * COUNT: how many numbers the arguments hold. Empty, label, boolean and error cells of a
 * range are not counted (seesErrors: an error does not make COUNT an error, as in Excel).
 */
const count: FnDef = {
  name: 'COUNT',
  min: 1,
  max: Infinity,
  convention: DISCRETE,
  seesErrors: true,
  skipsNonNumbersInRanges: true,
  value(args) {
    let n = 0
    for (const a of args) {
      if (a instanceof RangeNumbers) for (let i = 0; i < a.size; i++) n += a.isNumber[i]
      else n += a instanceof Tensor ? a.size : typeof a === 'number' ? 1 : 0
    }
    return n
  },
}

/** SUMPRODUCT(a, b, …): the sum of element-wise products of same-shape arrays. */
// Non-numbers in a range count as 0 (RangeNumbers holds 0 there) and get no gradient.
const sumproduct: FnDef = {
  name: 'SUMPRODUCT',
  min: 1,
  max: Infinity,
  convention: SMOOTH,
  skipsNonNumbersInRanges: true,
  value(args) {
    const ts: Float64Array[] = []
    for (const a of args) {
      if (a instanceof Tensor) {
        if (!(args[0] instanceof Tensor) || !sameShape(a, args[0]))
          return new Err('#VALUE!', `SUMPRODUCT needs arrays of the same shape, got a ${shapeText(args[0])} and a ${shapeText(a)}`)
        ts.push(a.data)
      } else {
        const x = toNumber(a, 'SUMPRODUCT')
        if (x instanceof Err) return x
        if (args[0] instanceof Tensor) return new Err('#VALUE!', `SUMPRODUCT needs arrays of the same shape, got a ${shapeText(args[0])} and a ${shapeText(a)}`)
        ts.push(Float64Array.of(x))
      }
    }
    let s = 0
    for (let i = 0; i < ts[0].length; i++) s += ts.reduce((p, t) => p * t[i], 1)
    return checkFinite(s, 'SUMPRODUCT')
  },
  grad(args, _out, adj) {
    const ts = args.map((a) => (a instanceof Tensor ? a.data : Float64Array.of(toNumber(a, 'SUMPRODUCT') as number)))
    return args.map((a, k) => {
      const g = ts[0].map((_, i) => ts.reduce((p, t, j) => (j === k ? p : p * t[i]), adj as number))
      if (a instanceof RangeNumbers) for (let i = 0; i < g.length; i++) if (!a.isNumber[i]) g[i] = 0
      return a instanceof Tensor ? g : g[0]
    })
  },
}

export const reductionFunctions: FnDef[] = [
  sum,
  mean,
  prod,
  max,
  min,
  norm,
  sumOf('SUM', spreadsheetReading),
  meanOf('AVERAGE', spreadsheetReading, 'average'),
  prodOf('PRODUCT', 0, spreadsheetReading),
  extremum('MAX', (a, b) => a > b, 0, spreadsheetReading),
  extremum('MIN', (a, b) => a < b, 0, spreadsheetReading),
  sumsq,
  count,
  sumproduct,
]


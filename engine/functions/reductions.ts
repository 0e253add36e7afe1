// Reductions over any mix of scalars, vectors and matrices (flattened in order):
// sum, mean, prod, max/min (gradient to the first element attaining it), norm and the
// spreadsheet's SUM, AVERAGE, PRODUCT, MIN, MAX, SUMSQ, COUNT, SUMPRODUCT.
import { Err, Tensor, checkFinite, shapeText, toNumber, type V } from '../values'
import { flatten, sameShape, unflatten } from './elementwise'
import type { FnDef } from './types'

function reduction(
  name: string,
  f: (xs: Float64Array) => number | Err,
  df?: (xs: Float64Array, y: number, adj: number) => Float64Array,
): FnDef {
  return {
    name,
    min: 1,
    max: Infinity,
    value(args) {
      const xs = flatten(args, name)
      if (xs instanceof Err) return xs
      const y = f(xs)
      return y instanceof Err ? y : checkFinite(y, name)
    },
    grad: df
      ? (args, out, adj) => {
          const xs = flatten(args, name) as Float64Array
          return unflatten(args, df(xs, out as number, adj as number))
        }
      : undefined,
  }
}

const total = (xs: Float64Array): number => {
  let s = 0
  for (let i = 0; i < xs.length; i++) s += xs[i]
  return s
}

function extremum(name: string, better: (a: number, b: number) => boolean) {
  const at = (xs: Float64Array): number => {
    let k = 0
    for (let i = 1; i < xs.length; i++) if (better(xs[i], xs[k])) k = i
    return k
  }
  return reduction(
    name,
    (xs) => (xs.length ? xs[at(xs)] : new Err('#VALUE!', `${name} of an empty list`)),
    (xs, _y, adj) => {
      const g = new Float64Array(xs.length)
      g[at(xs)] = adj
      return g
    },
  )
}

const sum = reduction('sum', total, (xs, _y, adj) => new Float64Array(xs.length).fill(adj))
const mean = reduction(
  'mean',
  (xs) => (xs.length ? total(xs) / xs.length : new Err('#DIV/0!', 'the mean of an empty list divides by zero')),
  (xs, _y, adj) => new Float64Array(xs.length).fill(adj / xs.length),
)
// ∂/∂x_i of the product is the product of all the others (prefix × suffix, zero-safe).
const prod = reduction(
  'prod',
  (xs) => xs.reduce((p, x) => p * x, 1),
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
)
const max = extremum('max', (a, b) => a > b)
const min = extremum('min', (a, b) => a < b)
// norm'(0) is taken as 0 (a subgradient), like abs'(0).
const norm = reduction(
  'norm',
  (xs) => Math.sqrt(xs.reduce((s, x) => s + x * x, 0)),
  (xs, y, adj) => xs.map((x) => (y === 0 ? 0 : (adj * x) / y)),
)
const sumsq = reduction(
  'SUMSQ',
  (xs) => xs.reduce((s, x) => s + x * x, 0),
  (xs, _y, adj) => xs.map((x) => 2 * x * adj),
)

/** COUNT: how many numbers the arguments hold (labels and booleans are not counted). */
const count: FnDef = {
  name: 'COUNT',
  min: 1,
  max: Infinity,
  seesErrors: true,
  value(args) {
    let n = 0
    for (const a of args) n += a instanceof Tensor ? a.size : typeof a === 'number' ? 1 : 0
    return n
  },
}

/** SUMPRODUCT(a, b, …): the sum of element-wise products of same-shape arrays. */
const sumproduct: FnDef = {
  name: 'SUMPRODUCT',
  min: 1,
  max: Infinity,
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
      return a instanceof Tensor ? g : g[0]
    })
  },
}

const alias = (def: FnDef, name: string): FnDef => ({ ...def, name })

export const reductionFunctions: FnDef[] = [
  sum,
  mean,
  prod,
  max,
  min,
  norm,
  alias(sum, 'SUM'),
  alias(mean, 'AVERAGE'),
  alias(prod, 'PRODUCT'),
  alias(max, 'MAX'),
  alias(min, 'MIN'),
  sumsq,
  count,
  sumproduct,
]


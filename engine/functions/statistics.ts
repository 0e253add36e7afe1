// Statistics of all the numbers of the arguments (flattened in order, as math.js does
// for a list or a whole matrix): variance, std, median, hypot, and cumsum. Each with its
// exact derivative; where the function has a kink (std and hypot at equal or zero
// entries) or picks entries (median) the convention is declared in its entry.
import { Err, Tensor, checkFinite, shapeText, toNumber, type Adj, type V } from '../values'
import { MIDDLE, SMOOTH, allZero, kinkAtZeroVector } from './conventions'
import { flatten, unflatten } from './elementwise'
import type { FnDef, Hits } from './types'

/** math.js's normalizations of variance and std; 'unbiased' (n − 1) is its default. */
const DIVISORS: Record<string, (n: number) => number> = { unbiased: (n) => n - 1, uncorrected: (n) => n, biased: (n) => n + 1 }

interface Sample {
  xs: Float64Array
  /** The arguments holding numbers (a trailing normalization word removed). */
  data: V[]
  divisor: number
  mean: number
}

/** Reads variance/std arguments: numbers, or one matrix, and an optional normalization word last. */
function sampleOf(args: V[], name: string): Sample | Err {
  let data = args
  let norm = 'unbiased'
  const last = args[args.length - 1]
  if (typeof last === 'string' && args.length > 1) {
    if (!(last in DIVISORS)) return new Err('#VALUE!', `${name}: the normalization must be "unbiased", "uncorrected" or "biased", got "${last}"`)
    norm = last
    data = args.slice(0, -1)
  }
  if (data.length > 1 && data[0] instanceof Tensor)
    return new Err('#VALUE!', `${name} along a dimension (${name}(matrix, dim)) is not supported; take the ${name} of one row or column range instead`)
  const xs = flatten(data, name)
  if (xs instanceof Err) return xs
  if (xs.length === 0) return new Err('#VALUE!', `${name} of an empty list`)
  let total = 0
  for (let i = 0; i < xs.length; i++) total += xs[i]
  return { xs, data, divisor: DIVISORS[norm](xs.length), mean: total / xs.length }
}

function sumSquares(s: Sample): number {
  let ss = 0
  for (let i = 0; i < s.xs.length; i++) ss += (s.xs[i] - s.mean) ** 2
  return ss
}

/** The variance; one number has variance 0 (math.js's answer, also with the n − 1 divisor). */
function varianceOf(s: Sample): number {
  return s.xs.length === 1 ? 0 : sumSquares(s) / s.divisor
}

/** The adjoints of the sample's entries, ∂/∂x_i = scale · (x_i − mean), back on the arguments (a normalization word gets none). */
function spread(args: V[], s: Sample, scale: number): (Adj | null)[] {
  const g = new Float64Array(s.xs.length)
  if (scale !== 0 && s.xs.length > 1) for (let i = 0; i < g.length; i++) g[i] = scale * (s.xs[i] - s.mean)
  const back: (Adj | null)[] = unflatten(s.data, g)
  return back.length < args.length ? [...back, null] : back
}

const variance: FnDef = {
  name: 'variance',
  min: 1,
  max: Infinity,
  convention: SMOOTH,
  value(args) {
    const s = sampleOf(args, 'variance')
    return s instanceof Err ? s : checkFinite(varianceOf(s), 'variance')
  },
  grad(args, _out, adj) {
    const s = sampleOf(args, 'variance') as Sample
    return spread(args, s, (2 * (adj as number)) / s.divisor)
  },
}

/** std's entries are all equal: the std is 0 and its derivative is taken as 0 (a norm at the zero vector). */
const allEqual: Hits = (args) => {
  const s = sampleOf(args, 'std')
  if (s instanceof Err || s.xs.length < 2) return 0
  return s.xs.every((x) => x === s.xs[0]) ? 1 : 0
}

const std: FnDef = {
  name: 'std',
  min: 1,
  max: Infinity,
  convention: kinkAtZeroVector('equal entries', allEqual),
  value(args) {
    const s = sampleOf(args, 'std')
    return s instanceof Err ? s : checkFinite(Math.sqrt(varianceOf(s)), 'std')
  },
  grad(args, out, adj) {
    const s = sampleOf(args, 'std') as Sample
    const y = out as number
    return spread(args, s, y === 0 ? 0 : (adj as number) / (s.divisor * y))
  },
}

/** Positions of the middle entries of the sorted numbers (a stable sort: ties keep their order). */
function middleOf(xs: Float64Array): number[] {
  const order = Array.from(xs.keys()).sort((i, j) => xs[i] - xs[j] || i - j)
  const n = order.length
  return n % 2 ? [order[(n - 1) / 2]] : [order[n / 2 - 1], order[n / 2]]
}

const median: FnDef = {
  name: 'median',
  min: 1,
  max: Infinity,
  convention: MIDDLE,
  value(args) {
    const xs = flatten(args, 'median')
    if (xs instanceof Err) return xs
    if (xs.length === 0) return new Err('#VALUE!', 'median of an empty list')
    const mid = middleOf(xs)
    return mid.length === 1 ? xs[mid[0]] : checkFinite((xs[mid[0]] + xs[mid[1]]) / 2, 'median')
  },
  grad(args, _out, adj) {
    const xs = flatten(args, 'median') as Float64Array
    const g = new Float64Array(xs.length)
    const mid = middleOf(xs)
    for (const i of mid) g[i] += (adj as number) / mid.length
    return unflatten(args, g)
  },
}

/** The length of the vector of all the numbers, scaled so that large entries do not overflow. */
const hypot: FnDef = {
  name: 'hypot',
  min: 1,
  max: Infinity,
  convention: kinkAtZeroVector('the zero vector', allZero),
  value(args) {
    const xs = flatten(args, 'hypot')
    if (xs instanceof Err) return xs
    let big = 0
    for (let i = 0; i < xs.length; i++) big = Math.max(big, Math.abs(xs[i]))
    if (big === 0) return 0
    let s = 0
    for (let i = 0; i < xs.length; i++) s += (xs[i] / big) ** 2
    return checkFinite(big * Math.sqrt(s), 'hypot')
  },
  grad(args, out, adj) {
    const xs = flatten(args, 'hypot') as Float64Array
    const y = out as number
    return unflatten(args, xs.map((x) => (y === 0 ? 0 : ((adj as number) * x) / y)))
  },
}

interface Runs {
  /** Number of independent runs, their length, and the stride between successive entries of a run. */
  count: number
  length: number
  stride: number
  /** Flat index of run r's first entry. */
  start: (r: number) => number
}

/** cumsum's layout: a vector is one run; a matrix runs down its columns (dim 0, math.js's default) or along its rows (dim 1). */
function runsOf(shape: number[], dim: number): Runs {
  if (shape.length === 1) return { count: 1, length: shape[0], stride: 1, start: () => 0 }
  const [r, c] = shape
  return dim === 0 ? { count: c, length: r, stride: c, start: (j) => j } : { count: r, length: c, stride: 1, start: (i) => i * c }
}

function cumulate(data: Float64Array, runs: Runs, reverse: boolean): Float64Array {
  const out = new Float64Array(data.length)
  for (let q = 0; q < runs.count; q++) {
    const s = runs.start(q)
    let acc = 0
    for (let t = 0; t < runs.length; t++) {
      const i = s + (reverse ? runs.length - 1 - t : t) * runs.stride
      acc += data[i]
      out[i] = acc
    }
  }
  return out
}

interface CumsumInput {
  tensor: Tensor
  dim: number
}

/** cumsum(vector), cumsum(matrix[, dim 0 or 1]) or cumsum(x1, x2, …) of numbers. */
function cumsumInput(args: V[]): CumsumInput | Err {
  const [first, second] = args
  if (first instanceof Tensor) {
    let dim = 0
    if (args.length > 2) return new Err('#VALUE!', 'cumsum takes one vector or matrix and an optional dimension (0 or 1)')
    if (args.length === 2) {
      const d = toNumber(second, 'cumsum')
      if (d instanceof Err) return d
      if (d !== 0 && !(d === 1 && first.shape.length === 2))
        return new Err('#VALUE!', `cumsum's dimension must be 0${first.shape.length === 2 ? ' or 1' : ''} for a ${shapeText(first)}, got ${d}`)
      dim = d
    }
    return { tensor: first, dim }
  }
  const xs = flatten(args, 'cumsum')
  if (xs instanceof Err) return xs
  return { tensor: new Tensor([xs.length], xs), dim: 0 }
}

const cumsum: FnDef = {
  name: 'cumsum',
  min: 1,
  max: Infinity,
  convention: SMOOTH,
  value(args) {
    const c = cumsumInput(args)
    if (c instanceof Err) return c
    const out = cumulate(c.tensor.data, runsOf(c.tensor.shape, c.dim), false)
    for (let i = 0; i < out.length; i++) if (!Number.isFinite(out[i])) return checkFinite(out[i], 'cumsum')
    return new Tensor(c.tensor.shape, out)
  },
  grad(args, _out, adj) {
    const c = cumsumInput(args) as CumsumInput
    // Each input entry feeds every later partial sum of its run: the adjoint is the reversed cumulative sum.
    const g = cumulate(adj as Float64Array, runsOf(c.tensor.shape, c.dim), true)
    if (args[0] instanceof Tensor) return args.length === 2 ? [g, null] : [g]
    return unflatten(args, g)
  },
}

export const statisticsFunctions: FnDef[] = [variance, std, median, hypot, cumsum]

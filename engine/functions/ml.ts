// Machine-learning helpers: sigmoid, relu (relu'(0) = 0), softplus, softmax, logsumexp.
// Written in numerically stable forms so large inputs do not overflow.
import { Err, Tensor, checkFinite } from '../values'
import { flatten, unary, unflatten } from './elementwise'
import { SMOOTH, kinkAtZero } from './conventions'
import type { FnDef } from './types'

const sigmoidOf = (x: number): number => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)))
const softplusOf = (x: number): number => (x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x)))

function logsumexpOf(xs: Float64Array): number {
  let m = -Infinity
  for (const x of xs) if (x > m) m = x
  let s = 0
  for (const x of xs) s += Math.exp(x - m)
  return m + Math.log(s)
}

const logsumexp: FnDef = {
  name: 'logsumexp',
  min: 1,
  max: Infinity,
  convention: SMOOTH,
  value(args) {
    const xs = flatten(args, 'logsumexp')
    if (xs instanceof Err) return xs
    if (!xs.length) return new Err('#VALUE!', 'logsumexp of an empty list')
    return checkFinite(logsumexpOf(xs), 'logsumexp')
  },
  grad(args, out, adj) {
    const xs = flatten(args, 'logsumexp') as Float64Array
    return unflatten(args, xs.map((x) => (adj as number) * Math.exp(x - (out as number))))
  },
}

/** softmax of a vector (or of all a matrix's elements), same shape as its input. */
const softmax: FnDef = {
  name: 'softmax',
  min: 1,
  max: 1,
  convention: SMOOTH,
  value([a]) {
    if (!(a instanceof Tensor)) return new Err('#VALUE!', 'softmax needs a vector or matrix')
    if (!a.size) return a
    const lse = logsumexpOf(a.data)
    return new Tensor(a.shape, a.data.map((x) => Math.exp(x - lse)))
  },
  grad(_args, out, adj) {
    const s = (out as Tensor).data
    const g = adj as Float64Array
    let dot = 0
    for (let i = 0; i < s.length; i++) dot += s[i] * g[i]
    return [s.map((si, i) => si * (g[i] - dot))]
  },
}

export const mlFunctions: FnDef[] = [
  unary('sigmoid', sigmoidOf, (_x, y) => y * (1 - y)),
  unary('relu', (x) => (x > 0 ? x : 0), (x) => (x > 0 ? 1 : 0), undefined, kinkAtZero),
  unary('softplus', softplusOf, sigmoidOf),
  softmax,
  logsumexp,
]

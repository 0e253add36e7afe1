// Numerically stable losses for classification, with exact gradients:
//   bce_logits(z, y)        binary cross-entropy of a logit z against a label y in [0, 1],
//                           element-wise with broadcasting: max(z,0) − z·y + log(1 + e^−|z|).
//   cross_entropy(z, t)     softmax cross-entropy of logits z against targets t:
//                           t a probability vector of z's shape (one-hot or soft), or a
//                           class number 1…n (1-based, as math.js indexes). A matrix z is
//                           one sample per row: t is then a matrix of the same shape or a
//                           vector of class numbers, and the result is the vector of
//                           per-row losses (average it with mean() for a cost).
// Both work on logits so that no probability is ever rounded to 0 and then logged.
import { Err, Tensor, shapeText, toNumber, type Adj, type V } from '../values'
import { binary } from './elementwise'
import { SMOOTH } from './conventions'
import type { FnDef } from './types'

const sigmoidOf = (x: number): number => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)))

const bceLogits = binary(
  'bce_logits',
  (z, y) => Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z))),
  (z, y) => sigmoidOf(z) - y,
  (z) => -z,
)

/** Logits as rows×cols (a vector is one row) and targets as one of the two accepted forms. */
interface Problem {
  rows: number
  cols: number
  z: Float64Array
  /** Probability targets (rows×cols), or null when classes are given. */
  probs: Float64Array | null
  /** 0-based class per row when targets are class numbers. */
  classes: Int32Array | null
}

function problemOf(zv: V, tv: V): Problem | Err {
  if (!(zv instanceof Tensor)) return new Err('#VALUE!', `cross_entropy needs a vector or matrix of logits, got a ${shapeText(zv)}`)
  const [rows, cols] = zv.shape.length === 1 ? [1, zv.shape[0]] : [zv.shape[0], zv.shape[1]]
  if (cols === 0) return new Err('#VALUE!', 'cross_entropy of an empty list of logits')
  const classList: number[] = []
  if (tv instanceof Tensor && tv.shape.length === zv.shape.length && tv.shape.every((d, i) => d === zv.shape[i]))
    return { rows, cols, z: zv.data, probs: tv.data, classes: null }
  if (zv.shape.length === 1 && !(tv instanceof Tensor)) {
    const k = toNumber(tv, 'cross_entropy')
    if (k instanceof Err) return k
    classList.push(k)
  } else if (zv.shape.length === 2 && tv instanceof Tensor && tv.shape.length === 1 && tv.shape[0] === rows) {
    classList.push(...tv.data)
  } else {
    return new Err('#VALUE!', `cross_entropy needs targets of the logits' shape or class numbers, got logits as a ${shapeText(zv)} and targets as a ${shapeText(tv)}`)
  }
  const classes = new Int32Array(rows)
  for (let r = 0; r < rows; r++) {
    const k = classList[r]
    if (!Number.isInteger(k) || k < 1 || k > cols) return new Err('#VALUE!', `cross_entropy: class ${k} is not a whole number from 1 to ${cols}`)
    classes[r] = k - 1
  }
  return { rows, cols, z: zv.data, probs: null, classes }
}

function rowLse(z: Float64Array, off: number, cols: number): number {
  let m = -Infinity
  for (let j = 0; j < cols; j++) m = Math.max(m, z[off + j])
  let s = 0
  for (let j = 0; j < cols; j++) s += Math.exp(z[off + j] - m)
  return m + Math.log(s)
}

/** Per-row loss: Σt·lse − Σ t_j z_j (probabilities), or lse − z_k (class k). */
function losses(p: Problem): Float64Array {
  const out = new Float64Array(p.rows)
  for (let r = 0; r < p.rows; r++) {
    const off = r * p.cols
    const lse = rowLse(p.z, off, p.cols)
    if (p.classes) out[r] = lse - p.z[off + p.classes[r]]
    else {
      let l = 0
      for (let j = 0; j < p.cols; j++) l += p.probs![off + j] * (lse - p.z[off + j])
      out[r] = l
    }
  }
  return out
}

const crossEntropy: FnDef = {
  name: 'cross_entropy',
  min: 2,
  max: 2,
  convention: SMOOTH,
  value([z, t]) {
    const p = problemOf(z, t)
    if (p instanceof Err) return p
    const l = losses(p)
    if (!l.every(Number.isFinite)) return new Err('#NUM!', 'cross_entropy is not finite (are the logits finite?)')
    return (z as Tensor).shape.length === 1 ? l[0] : new Tensor([p.rows], l)
  },
  grad([z, t], _out, adj) {
    const p = problemOf(z, t) as Problem
    const d = typeof adj === 'number' ? Float64Array.of(adj) : adj
    const gz = new Float64Array(p.z.length)
    const gt: Float64Array | null = p.probs ? new Float64Array(p.z.length) : null
    for (let r = 0; r < p.rows; r++) {
      if (d[r] === 0) continue
      const off = r * p.cols
      const lse = rowLse(p.z, off, p.cols)
      let mass = 1
      if (p.probs) {
        mass = 0
        for (let j = 0; j < p.cols; j++) mass += p.probs[off + j]
      }
      for (let j = 0; j < p.cols; j++) {
        const soft = Math.exp(p.z[off + j] - lse)
        const target = p.probs ? p.probs[off + j] : j === p.classes![r] ? 1 : 0
        gz[off + j] = d[r] * (mass * soft - target)
        if (gt) gt[off + j] = d[r] * (lse - p.z[off + j])
      }
    }
    const tAdj: Adj | null = gt ?? null
    return [gz, tAdj]
  },
}

export const lossFunctions: FnDef[] = [bceLogits, crossEntropy]

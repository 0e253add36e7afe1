// Products of two tensors that build a new tensor, as math.js names them: cross (of two
// 3-vectors) and kron (the Kronecker product of two vectors or two matrices). The matrix
// product and dot are in functions/matrix.ts; det, inv, trace and diag in functions/linalg.ts.
import { elementCountProblem } from '../limits'
import { Err, Tensor, checkFinite, shapeText, type V } from '../values'
import { SMOOTH } from './conventions'
import type { FnDef } from './types'

const crossOf = (a: ArrayLike<number>, b: ArrayLike<number>): Float64Array =>
  Float64Array.of(a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])

/** The cross product of two 3-vectors; L = g·(a×b) gives ∂L/∂a = b×g and ∂L/∂b = g×a. */
const cross: FnDef = {
  name: 'cross',
  min: 2,
  max: 2,
  convention: SMOOTH,
  value([a, b]) {
    if (!(a instanceof Tensor) || !(b instanceof Tensor) || a.shape.length !== 1 || b.shape.length !== 1 || a.size !== 3 || b.size !== 3)
      return new Err('#VALUE!', `cross needs two vectors of 3 numbers, got a ${shapeText(a)} and a ${shapeText(b)}`)
    return new Tensor([3], crossOf(a.data, b.data))
  },
  grad([a, b], _out, adj) {
    const g = adj as Float64Array
    return [crossOf((b as Tensor).data, g), crossOf(g, (a as Tensor).data)]
  },
}

/** kron's operands as matrices: two vectors (treated as rows, the result a vector) or two matrices. */
function kronDims(a: V, b: V): { ra: number; ca: number; rb: number; cb: number; vector: boolean } | Err {
  if (!(a instanceof Tensor) || !(b instanceof Tensor) || a.shape.length !== b.shape.length)
    return new Err('#VALUE!', `kron needs two vectors or two matrices, got a ${shapeText(a)} and a ${shapeText(b)}`)
  const vector = a.shape.length === 1
  const [ra, ca] = vector ? [1, a.shape[0]] : a.shape
  const [rb, cb] = vector ? [1, b.shape[0]] : b.shape
  const tooBig = elementCountProblem(ra * rb * ca * cb, 'the Kronecker product')
  return tooBig ? new Err('#VALUE!', tooBig) : { ra, ca, rb, cb, vector }
}

/** The Kronecker product: block (i, j) of the result is A[i, j]·B. */
const kron: FnDef = {
  name: 'kron',
  min: 2,
  max: 2,
  convention: SMOOTH,
  value([a, b]) {
    const d = kronDims(a, b)
    if (d instanceof Err) return d
    const { ra, ca, rb, cb } = d
    const x = (a as Tensor).data
    const y = (b as Tensor).data
    const cols = ca * cb
    const out = new Float64Array(ra * rb * cols)
    for (let i = 0; i < ra; i++)
      for (let j = 0; j < ca; j++)
        for (let k = 0; k < rb; k++)
          for (let l = 0; l < cb; l++) out[(i * rb + k) * cols + j * cb + l] = x[i * ca + j] * y[k * cb + l]
    for (let t = 0; t < out.length; t++) if (!Number.isFinite(out[t])) return checkFinite(out[t], 'kron')
    return new Tensor(d.vector ? [out.length] : [ra * rb, cols], out)
  },
  grad([a, b], _out, adj) {
    const { ra, ca, rb, cb } = kronDims(a, b) as { ra: number; ca: number; rb: number; cb: number }
    const x = (a as Tensor).data
    const y = (b as Tensor).data
    const g = adj as Float64Array
    const cols = ca * cb
    const ga = new Float64Array(x.length)
    const gb = new Float64Array(y.length)
    for (let i = 0; i < ra; i++)
      for (let j = 0; j < ca; j++)
        for (let k = 0; k < rb; k++)
          for (let l = 0; l < cb; l++) {
            const d = g[(i * rb + k) * cols + j * cb + l]
            ga[i * ca + j] += d * y[k * cb + l]
            gb[k * cb + l] += d * x[i * ca + j]
          }
    return [ga, gb]
  },
}

export const tensorProductFunctions: FnDef[] = [cross, kron]

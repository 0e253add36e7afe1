// Linear algebra on vectors and matrices: matrix product (the `*` of two tensors, with
// math.js's vector conventions), transpose, dot, and array literals.
import { Err, Tensor, shapeText, toNumber, type Adj, type V } from '../values'
import { sameShape } from './elementwise'
import { SMOOTH } from './conventions'
import type { FnDef } from './types'
import { elementCountProblem, matmulCostProblem, tensorSizeProblem } from '../limits'

/** rows×cols view of a tensor for the product; a vector is a row (left) or column (right). */
function dims(t: Tensor, left: boolean): [number, number] {
  if (t.shape.length === 2) return [t.shape[0], t.shape[1]]
  return left ? [1, t.shape[0]] : [t.shape[0], 1]
}

function matmulRaw(a: Float64Array, b: Float64Array, r: number, k: number, c: number): Float64Array {
  const out = new Float64Array(r * c)
  for (let i = 0; i < r; i++)
    for (let p = 0; p < k; p++) {
      const x = a[i * k + p]
      if (x === 0) continue
      for (let j = 0; j < c; j++) out[i * c + j] += x * b[p * c + j]
    }
  return out
}

function transposeRaw(a: Float64Array, r: number, c: number): Float64Array {
  const out = new Float64Array(r * c)
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = a[i * c + j]
  return out
}

/** Shape of a·b as math.js gives it: vector·vector is a scalar, matrix·vector a vector. */
function productShape(a: Tensor, b: Tensor): number[] | null {
  const [r] = dims(a, true)
  const [, c] = dims(b, false)
  if (a.shape.length === 1 && b.shape.length === 1) return null
  if (a.shape.length === 1) return [c]
  if (b.shape.length === 1) return [r]
  return [r, c]
}

export function matmul(a: Tensor, b: Tensor): V {
  const [r, k] = dims(a, true)
  const [k2, c] = dims(b, false)
  if (k !== k2) return new Err('#VALUE!', `matrix product needs inner sizes to match, got a ${shapeText(a)} and a ${shapeText(b)}`)
  const tooBig = tensorSizeProblem([r, c]) ?? matmulCostProblem(r * k * c, `the matrix product of a ${shapeText(a)} and a ${shapeText(b)}`)
  if (tooBig) return new Err('#VALUE!', tooBig)
  const out = matmulRaw(a.data, b.data, r, k, c)
  const shape = productShape(a, b)
  if (!shape) return out[0]
  return new Tensor(shape, out)
}

/** Adjoints of C = A·B: dA = dC·Bᵀ, dB = Aᵀ·dC. */
export function matmulGrad(a: Tensor, b: Tensor, adj: Adj): [Float64Array, Float64Array] {
  const [r, k] = dims(a, true)
  const [, c] = dims(b, false)
  const d = typeof adj === 'number' ? Float64Array.of(adj) : adj
  const ga = matmulRaw(d, transposeRaw(b.data, k, c), r, c, k)
  const gb = matmulRaw(transposeRaw(a.data, r, k), d, k, r, c)
  return [ga, gb]
}

const transpose: FnDef = {
  name: 'transpose',
  min: 1,
  max: 1,
  convention: SMOOTH,
  value([a]) {
    if (!(a instanceof Tensor)) return toNumber(a, 'transpose')
    if (a.shape.length === 1) return a
    const [r, c] = a.shape
    return new Tensor([c, r], transposeRaw(a.data, r, c))
  },
  grad([a], _out, adj) {
    if (!(a instanceof Tensor) || a.shape.length === 1) return [adj]
    const [r, c] = a.shape
    return [transposeRaw(adj as Float64Array, c, r)]
  },
}

export const matrixFunctions: FnDef[] = [
  transpose,
  // The postfix operator A' (math.js's ctranspose; for real matrices the plain transpose).
  { ...transpose, name: 'ctranspose' },
  {
    name: 'dot',
    min: 2,
    max: 2,
    convention: SMOOTH,
    value([a, b]) {
      if (!(a instanceof Tensor) || !(b instanceof Tensor) || a.shape.length !== 1 || !sameShape(a, b))
        return new Err('#VALUE!', `dot needs two vectors of the same length, got a ${shapeText(a)} and a ${shapeText(b)}`)
      let s = 0
      for (let i = 0; i < a.size; i++) s += a.data[i] * b.data[i]
      return s
    },
    grad([a, b], _out, adj) {
      const d = adj as number
      const ta = a as Tensor
      const tb = b as Tensor
      return [tb.data.map((x) => x * d), ta.data.map((x) => x * d)]
    },
  },
  {
    // [1, 2, 3] and [[1, 2], [3, 4]]: items are scalars (a vector) or equal-length vectors (a matrix).
    name: 'array',
    min: 0,
    max: Infinity,
    convention: SMOOTH,
    value(items) {
      if (items.length === 0) return new Tensor([0], new Float64Array(0))
      if (items.every((v) => !(v instanceof Tensor))) {
        const out = new Float64Array(items.length)
        for (let i = 0; i < items.length; i++) {
          const x = toNumber(items[i], 'a vector literal')
          if (x instanceof Err) return x
          out[i] = x
        }
        return new Tensor([items.length], out)
      }
      const first = items[0]
      if (!(first instanceof Tensor) || first.shape.length !== 1)
        return new Err('#VALUE!', 'a matrix literal needs rows that are all vectors of the same length')
      const c = first.size
      const tooBig = elementCountProblem(items.length * c, 'the matrix literal')
      if (tooBig) return new Err('#VALUE!', tooBig)
      const out = new Float64Array(items.length * c)
      for (let i = 0; i < items.length; i++) {
        const row = items[i]
        if (!(row instanceof Tensor) || row.shape.length !== 1 || row.size !== c)
          return new Err('#VALUE!', `a matrix literal needs rows of the same length, row ${i + 1} is a ${shapeText(row)}`)
        out.set(row.data, i * c)
      }
      return new Tensor([items.length, c], out)
    },
    grad(items, out, adj) {
      const d = adj as Float64Array
      if ((out as Tensor).shape.length === 1) return items.map((_, i) => d[i])
      const c = (out as Tensor).shape[1]
      return items.map((_, i) => d.slice(i * c, (i + 1) * c))
    },
  },
]

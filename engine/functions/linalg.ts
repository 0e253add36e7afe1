// Square-matrix functions and the diagonal, as math.js names them: det, inv, trace and
// diag (cross and kron are in functions/tensor-products.ts). det and inv eliminate with
// partial pivoting (n³ work, checked against the cost budget); their derivatives are the
// textbook ones:
//   ∂det/∂A = det(A)·inv(A)ᵀ  (the cofactor matrix, computed from minors when A is singular)
//   ∂L/∂A through Y = inv(A) is −Yᵀ·G·Yᵀ for the adjoint G of Y.
import { LIMITS, elementCountProblem, matmulCostProblem } from '../limits'
import { Err, Tensor, checkFinite, shapeText, toNumber, type V } from '../values'
import { SMOOTH } from './conventions'
import type { FnDef } from './types'

/** The side of a square matrix argument, or an error naming the function. */
function squareSide(a: Tensor, name: string): number | Err {
  if (a.shape.length !== 2 || a.shape[0] !== a.shape[1])
    return new Err('#VALUE!', `${name} needs a square matrix, got a ${shapeText(a)}`)
  const n = a.shape[0]
  const tooCostly = matmulCostProblem(n * n * n, `${name} of a ${n}×${n} matrix`)
  return tooCostly ? new Err('#VALUE!', tooCostly) : n
}

/** The determinant by LU elimination with partial pivoting (the input is not changed). */
function detOf(a: Float64Array, n: number): number {
  if (n === 0) return 1
  if (n === 1) return a[0]
  if (n === 2) return a[0] * a[3] - a[1] * a[2]
  const m = a.slice()
  let det = 1
  for (let k = 0; k < n; k++) {
    let p = k
    for (let i = k + 1; i < n; i++) if (Math.abs(m[i * n + k]) > Math.abs(m[p * n + k])) p = i
    const pivot = m[p * n + k]
    if (pivot === 0) return 0
    if (p !== k) {
      for (let j = 0; j < n; j++) [m[k * n + j], m[p * n + j]] = [m[p * n + j], m[k * n + j]]
      det = -det
    }
    det *= pivot
    for (let i = k + 1; i < n; i++) {
      const f = m[i * n + k] / pivot
      if (f !== 0) for (let j = k + 1; j < n; j++) m[i * n + j] -= f * m[k * n + j]
    }
  }
  return det
}

/** The inverse by Gauss–Jordan elimination with partial pivoting, or null when a pivot is exactly 0. */
function invOf(a: Float64Array, n: number): Float64Array | null {
  if (n === 2) {
    // The adjugate over the determinant: exact for whole numbers, as math.js computes a 2×2 inverse.
    const d = detOf(a, 2)
    return d === 0 ? null : Float64Array.of(a[3] / d, -a[1] / d, -a[2] / d, a[0] / d)
  }
  const m = a.slice()
  const inv = new Float64Array(n * n)
  for (let i = 0; i < n; i++) inv[i * n + i] = 1
  for (let k = 0; k < n; k++) {
    let p = k
    for (let i = k + 1; i < n; i++) if (Math.abs(m[i * n + k]) > Math.abs(m[p * n + k])) p = i
    if (m[p * n + k] === 0) return null
    if (p !== k)
      for (let j = 0; j < n; j++) {
        ;[m[k * n + j], m[p * n + j]] = [m[p * n + j], m[k * n + j]]
        ;[inv[k * n + j], inv[p * n + j]] = [inv[p * n + j], inv[k * n + j]]
      }
    const pivot = m[k * n + k]
    for (let j = 0; j < n; j++) {
      m[k * n + j] /= pivot
      inv[k * n + j] /= pivot
    }
    for (let i = 0; i < n; i++) {
      const f = m[i * n + k]
      if (i === k || f === 0) continue
      for (let j = 0; j < n; j++) {
        m[i * n + j] -= f * m[k * n + j]
        inv[i * n + j] -= f * inv[k * n + j]
      }
    }
  }
  return inv
}

/** The cofactor matrix C (∂det/∂A = C) from the (n−1)×(n−1) minors: for small or singular A, where det·inv(A)ᵀ is inexact or unavailable. */
function cofactors(a: Float64Array, n: number): Float64Array {
  const c = new Float64Array(n * n)
  if (n === 1) return Float64Array.of(1)
  // n² minors of n³ each: beyond the cost budget the gradient is not finite (#NUM!), never a hang.
  if (n ** 5 > LIMITS.matmulCost) return c.fill(NaN)
  const minor = new Float64Array((n - 1) * (n - 1))
  for (let r = 0; r < n; r++)
    for (let s = 0; s < n; s++) {
      let k = 0
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== r && j !== s) minor[k++] = a[i * n + j]
      c[r * n + s] = ((r + s) % 2 ? -1 : 1) * detOf(minor, n - 1)
    }
  return c
}

function transposed(a: Float64Array, n: number): Float64Array {
  const t = new Float64Array(n * n)
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) t[j * n + i] = a[i * n + j]
  return t
}

function product(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * n)
  for (let i = 0; i < n; i++)
    for (let p = 0; p < n; p++) {
      const x = a[i * n + p]
      if (x !== 0) for (let j = 0; j < n; j++) out[i * n + j] += x * b[p * n + j]
    }
  return out
}

const det: FnDef = {
  name: 'det',
  min: 1,
  max: 1,
  convention: SMOOTH,
  value([a]) {
    if (!(a instanceof Tensor)) return toNumber(a, 'det')
    const n = squareSide(a, 'det')
    return n instanceof Err ? n : checkFinite(detOf(a.data, n), 'det')
  },
  grad([a], out, adj) {
    const d = adj as number
    if (!(a instanceof Tensor)) return [d]
    const n = a.shape[0]
    const y = out as number
    // Small matrices: the cofactors directly (exact, and fine where det is tiny or 0).
    const inv = n <= 4 || y === 0 ? null : invOf(a.data, n)
    const g = inv ? transposed(inv, n).map((x) => x * y * d) : null
    if (g && g.every(Number.isFinite)) return [g]
    return [cofactors(a.data, n).map((c) => c * d)]
  },
}

const inv: FnDef = {
  name: 'inv',
  min: 1,
  max: 1,
  convention: SMOOTH,
  value([a]) {
    if (!(a instanceof Tensor)) {
      const x = toNumber(a, 'inv')
      if (x instanceof Err) return x
      return x === 0 ? new Err('#DIV/0!', 'inv(0): 0 has no inverse') : checkFinite(1 / x, 'inv')
    }
    const n = squareSide(a, 'inv')
    if (n instanceof Err) return n
    const y = invOf(a.data, n)
    if (!y) return new Err('#NUM!', `inv: the ${n}×${n} matrix is singular (its determinant is 0), so it has no inverse`)
    for (let i = 0; i < y.length; i++) if (!Number.isFinite(y[i])) return new Err('#NUM!', 'inv: the inverse is not finite (the matrix is nearly singular)')
    return new Tensor([n, n], y)
  },
  grad([a], out, adj) {
    if (!(a instanceof Tensor)) return [-(adj as number) * (out as number) * (out as number)]
    const n = a.shape[0]
    const yt = transposed((out as Tensor).data, n)
    return [product(product(yt, adj as Float64Array, n), yt, n).map((x) => -x)]
  },
}

const trace: FnDef = {
  name: 'trace',
  min: 1,
  max: 1,
  convention: SMOOTH,
  value([a]) {
    if (!(a instanceof Tensor)) return toNumber(a, 'trace')
    if (a.shape.length !== 2 || a.shape[0] !== a.shape[1]) return new Err('#VALUE!', `trace needs a square matrix, got a ${shapeText(a)}`)
    const n = a.shape[0]
    let s = 0
    for (let i = 0; i < n; i++) s += a.data[i * n + i]
    return checkFinite(s, 'trace')
  },
  grad([a], _out, adj) {
    if (!(a instanceof Tensor)) return [adj]
    const n = a.shape[0]
    const g = new Float64Array(n * n)
    for (let i = 0; i < n; i++) g[i * n + i] = adj as number
    return [g]
  },
}

/** Where diag puts or finds each entry: pairs of (vector index, matrix flat index), and the result's shape. */
interface DiagLayout {
  shape: number[]
  vectorIndex: Int32Array
  matrixIndex: Int32Array
  toMatrix: boolean
}

/** math.js's diag: a vector becomes a matrix with it on diagonal k; a matrix gives its diagonal k as a vector. */
function diagLayout(args: V[]): DiagLayout | Err {
  const [a, kArg] = args
  if (!(a instanceof Tensor)) return new Err('#VALUE!', `diag needs a vector or a matrix, got a ${shapeText(a)}`)
  let k = 0
  if (args.length === 2) {
    const x = toNumber(kArg, 'diag')
    if (x instanceof Err) return x
    if (!Number.isInteger(x)) return new Err('#VALUE!', `diag's diagonal number must be a whole number, got ${x}`)
    k = x
  }
  const up = Math.max(k, 0)
  const down = Math.max(-k, 0)
  if (a.shape.length === 1) {
    const n = a.shape[0]
    const shape = [n + down, n + up]
    const tooBig = elementCountProblem(shape[0] * shape[1], `diag of a vector of ${n}`)
    if (tooBig) return new Err('#VALUE!', tooBig)
    const vectorIndex = Int32Array.from({ length: n }, (_, i) => i)
    const matrixIndex = Int32Array.from({ length: n }, (_, i) => (i + down) * shape[1] + i + up)
    return { shape, vectorIndex, matrixIndex, toMatrix: true }
  }
  const [r, c] = a.shape
  const n = Math.max(0, Math.min(r - down, c - up))
  const vectorIndex = Int32Array.from({ length: n }, (_, i) => i)
  const matrixIndex = Int32Array.from({ length: n }, (_, i) => (i + down) * c + i + up)
  return { shape: [n], vectorIndex, matrixIndex, toMatrix: false }
}

const diag: FnDef = {
  name: 'diag',
  min: 1,
  max: 2,
  convention: SMOOTH,
  value(args) {
    const l = diagLayout(args)
    if (l instanceof Err) return l
    const src = (args[0] as Tensor).data
    const out = new Float64Array(l.shape.reduce((p, d) => p * d, 1))
    for (let t = 0; t < l.vectorIndex.length; t++) {
      if (l.toMatrix) out[l.matrixIndex[t]] = src[l.vectorIndex[t]]
      else out[l.vectorIndex[t]] = src[l.matrixIndex[t]]
    }
    return new Tensor(l.shape, out)
  },
  grad(args, _out, adj) {
    const l = diagLayout(args) as DiagLayout
    const d = adj as Float64Array
    const g = new Float64Array((args[0] as Tensor).size)
    for (let t = 0; t < l.vectorIndex.length; t++) {
      if (l.toMatrix) g[l.vectorIndex[t]] = d[l.matrixIndex[t]]
      else g[l.matrixIndex[t]] = d[l.vectorIndex[t]]
    }
    return args.length === 2 ? [g, null] : [g]
  },
}

export const linalgFunctions: FnDef[] = [det, inv, trace, diag]

// Builders for scalar functions that also apply element-wise to vectors and matrices
// (as math.js does), with broadcasting of a scalar against a tensor. Domain errors and
// non-finite results become #NUM! values.
import { Err, Tensor, checkFinite, shapeText, toNumber, type Adj, type V } from '../values'
import { elementCountProblem, tensorSizeProblem } from '../limits'
import { broadcastIndex, broadcastShape } from './broadcast'
import { FLAT, SMOOTH } from './conventions'
import type { Convention, FnDef } from './types'

/** Returns an Err when x is outside the function's real domain. */
type Domain1 = (x: number) => Err | null

/** How a function is named in messages: operators by their symbol. */
const SHOWN: Record<string, string> = {
  add: 'the operator +', subtract: 'the operator -', multiply: 'the operator *', dotMultiply: 'the operator * or .*',
  divide: 'the operator /', dotDivide: 'the operator ./', pow: 'the operator ^', dotPow: 'the operator .^',
  unaryMinus: 'the operator -', unaryPlus: 'the operator +',
}
export const shown = (name: string): string => SHOWN[name] ?? name
type Domain2 = (a: number, b: number) => Err | null

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : String(+x.toPrecision(10))
}

function apply1(name: string, f: (x: number) => number, domain: Domain1 | undefined, x: number): number | Err {
  const bad = domain?.(x)
  if (bad) return bad
  return checkFinite(f(x), `${name}(${fmt(x)})`)
}

/** A unary scalar function with derivative df(x, y) (y = f(x)), mapped over tensors. */
export function unary(
  name: string,
  f: (x: number) => number,
  df: (x: number, y: number) => number,
  domain?: Domain1,
  convention: Convention = SMOOTH,
): FnDef {
  return {
    name,
    min: 1,
    max: 1,
    convention,
    fast1: { f, df, domain },
    value([a]) {
      if (a instanceof Tensor) {
        const out = new Float64Array(a.size)
        for (let i = 0; i < out.length; i++) {
          const y = apply1(name, f, domain, a.data[i])
          if (y instanceof Err) return y
          out[i] = y
        }
        return new Tensor(a.shape, out)
      }
      const x = toNumber(a, shown(name))
      return x instanceof Err ? x : apply1(name, f, domain, x)
    },
    grad([a], out, adj) {
      if (a instanceof Tensor) {
        const g = new Float64Array(a.size)
        const y = (out as Tensor).data
        const d = adj as Float64Array
        for (let i = 0; i < g.length; i++) g[i] = d[i] === 0 ? 0 : d[i] * df(a.data[i], y[i])
        return [g]
      }
      const x = toNumber(a, name) as number
      return [(adj as number) === 0 ? 0 : (adj as number) * df(x, out as number)]
    },
  }
}

/** A unary function whose derivative is zero everywhere it is defined (floor, sign, …). */
export function unaryFlat(name: string, f: (x: number) => number): FnDef {
  const def = unary(name, f, () => 0, undefined, FLAT)
  return { ...def, grad: undefined }
}

type Operand = { scalar: number } | { tensor: Tensor }

function operand(v: V, name: string): Operand | Err {
  if (v instanceof Tensor) return { tensor: v }
  const x = toNumber(v, shown(name))
  return x instanceof Err ? x : { scalar: x }
}

export function sameShape(a: Tensor, b: Tensor): boolean {
  return a.shape.length === b.shape.length && a.shape.every((n, i) => n === b.shape[i])
}

export function shapeMismatch(name: string, a: V, b: V): Err {
  return new Err('#VALUE!', `${shown(name)} needs operands of the same shape, got a ${shapeText(a)} and a ${shapeText(b)}`)
}

/**
 * A binary scalar function applied element-wise with broadcasting. dfa/dfb are the
 * partial derivatives at (a, b, y). domain may reject a pair with a specific error.
 */
export function binary(
  name: string,
  f: (a: number, b: number) => number,
  dfa: (a: number, b: number, y: number) => number,
  dfb: (a: number, b: number, y: number) => number,
  domain?: Domain2,
  convention: Convention = SMOOTH,
): FnDef {
  const at = (x: number, y: number): number | Err => {
    const bad = domain?.(x, y)
    if (bad) return bad
    return checkFinite(f(x, y), `${name}(${fmt(x)}, ${fmt(y)})`)
  }
  return {
    name,
    min: 2,
    max: 2,
    convention,
    fast2: { f, dfa, dfb, domain },
    value([a, b]) {
      const pa = operand(a, name)
      if (pa instanceof Err) return pa
      const pb = operand(b, name)
      if (pb instanceof Err) return pb
      if ('scalar' in pa && 'scalar' in pb) return at(pa.scalar, pb.scalar)
      const ta = 'tensor' in pa ? pa.tensor : null
      const tb = 'tensor' in pb ? pb.tensor : null
      if (ta && tb && !sameShape(ta, tb)) {
        const shape = broadcastShape(ta.shape, tb.shape)
        if (!shape) return shapeMismatch(name, a, b)
        // The element budget, checked before anything of the broadcast size is allocated.
        const tooBig = tensorSizeProblem(shape)
        if (tooBig) return new Err('#VALUE!', `${shown(name)}: ${tooBig}`)
        const ia = broadcastIndex(ta.shape, shape)
        const ib = broadcastIndex(tb.shape, shape)
        const out = new Float64Array(ia.length)
        for (let i = 0; i < out.length; i++) {
          const y = at(ta.data[ia[i]], tb.data[ib[i]])
          if (y instanceof Err) return y
          out[i] = y
        }
        return new Tensor(shape, out)
      }
      const shape = (ta ?? tb)!.shape
      const n = (ta ?? tb)!.size
      const out = new Float64Array(n)
      for (let i = 0; i < n; i++) {
        const y = at(ta ? ta.data[i] : (pa as { scalar: number }).scalar, tb ? tb.data[i] : (pb as { scalar: number }).scalar)
        if (y instanceof Err) return y
        out[i] = y
      }
      return new Tensor(shape, out)
    },
    grad([a, b], out, adj) {
      const ta = a instanceof Tensor ? a : null
      const tb = b instanceof Tensor ? b : null
      if (!ta && !tb) {
        const x = toNumber(a, name) as number
        const y = toNumber(b, name) as number
        const d = adj as number
        if (d === 0) return [0, 0]
        return [d * dfa(x, y, out as number), d * dfb(x, y, out as number)]
      }
      if (ta && tb && !sameShape(ta, tb)) return broadcastGrad(ta, tb, out as Tensor, adj as Float64Array, dfa, dfb)
      const n = (ta ?? tb)!.size
      const o = (out as Tensor).data
      const d = adj as Float64Array
      const ga: Adj = ta ? new Float64Array(n) : 0
      const gb: Adj = tb ? new Float64Array(n) : 0
      let sa = 0
      let sb = 0
      const xs = ta ? null : (toNumber(a, name) as number)
      const ys = tb ? null : (toNumber(b, name) as number)
      for (let i = 0; i < n; i++) {
        if (d[i] === 0) continue
        const x = ta ? ta.data[i] : xs!
        const y = tb ? tb.data[i] : ys!
        const pa = d[i] * dfa(x, y, o[i])
        const pb = d[i] * dfb(x, y, o[i])
        if (ta) (ga as Float64Array)[i] = pa
        else sa += pa
        if (tb) (gb as Float64Array)[i] = pb
        else sb += pb
      }
      return [ta ? ga : sa, tb ? gb : sb]
    },
  }
}

/** Adjoints of a broadcast binary op: each operand element receives the sum over its repeats. */
function broadcastGrad(
  ta: Tensor,
  tb: Tensor,
  out: Tensor,
  d: Float64Array,
  dfa: (a: number, b: number, y: number) => number,
  dfb: (a: number, b: number, y: number) => number,
): [Float64Array, Float64Array] {
  const ia = broadcastIndex(ta.shape, out.shape)
  const ib = broadcastIndex(tb.shape, out.shape)
  const ga = new Float64Array(ta.size)
  const gb = new Float64Array(tb.size)
  for (let i = 0; i < d.length; i++) {
    if (d[i] === 0) continue
    const x = ta.data[ia[i]]
    const y = tb.data[ib[i]]
    ga[ia[i]] += d[i] * dfa(x, y, out.data[i])
    gb[ib[i]] += d[i] * dfb(x, y, out.data[i])
  }
  return [ga, gb]
}

/** All numbers of the arguments, flattened in order (scalars and tensor elements). */
export function flatten(args: V[], name: string): Float64Array | Err {
  let n = 0
  for (const a of args) n += a instanceof Tensor ? a.size : 1
  const tooMany = elementCountProblem(n, `${name} of these arguments`)
  if (tooMany) return new Err('#VALUE!', tooMany)
  const out = new Float64Array(n)
  let k = 0
  for (const a of args) {
    if (a instanceof Tensor) {
      out.set(a.data, k)
      k += a.size
    } else {
      const x = toNumber(a, name)
      if (x instanceof Err) return x
      out[k++] = x
    }
  }
  return out
}

/** Splits a flat adjoint back into per-argument adjoints (the inverse of flatten). */
export function unflatten(args: V[], flat: Float64Array): Adj[] {
  const res: Adj[] = []
  let k = 0
  for (const a of args) {
    if (a instanceof Tensor) {
      res.push(flat.slice(k, k + a.size))
      k += a.size
    } else res.push(flat[k++])
  }
  return res
}

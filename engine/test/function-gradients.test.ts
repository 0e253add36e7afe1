// Property tests (fast-check, fixed seed): the derivative rule of every function added
// from math.js's list equals central finite differences of its own value, at random
// well-conditioned points. The loss is L = Σ wᵢ·outᵢ with random weights w, so every
// output entry's adjoint is exercised; the rule's adjoint of each input entry is compared
// with (L(x + h) − L(x − h)) / 2h, relative error ≤ 1e-6.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { internal } from '../functions/table'
import type { FnDef } from '../functions/types'
import { Err, Tensor, type Adj, type V } from '../values'

const SEED = 20261130
const RUNS = 60

function fnOf(name: string): FnDef {
  const def = internal(name)
  if (!def) throw new Error(`no function ${name}`)
  return def
}

/** Σ w·out over the output's entries (w cycles if shorter). */
function weighted(out: V, w: number[]): number {
  if (typeof out === 'number') return out * w[0]
  if (out instanceof Tensor) {
    let s = 0
    for (let i = 0; i < out.size; i++) s += out.data[i] * w[i % w.length]
    return s
  }
  throw new Error(`not a number or tensor: ${out instanceof Err ? out.message : String(out)}`)
}

function adjointOf(out: V, w: number[]): Adj {
  if (typeof out === 'number') return w[0]
  const t = out as Tensor
  return Float64Array.from({ length: t.size }, (_, i) => w[i % w.length])
}

/** Replaces entry k of argument j by x (scalars and tensors alike). */
function withEntry(args: V[], j: number, k: number, x: number): V[] {
  return args.map((a, i) => {
    if (i !== j) return a
    if (a instanceof Tensor) {
      const data = a.data.slice()
      data[k] = x
      return new Tensor(a.shape, data)
    }
    return x
  })
}

/** Checks def.grad against central differences at args; `skip` lists argument positions that are not differentiated (words, dims). */
function expectGradientMatches(def: FnDef, args: V[], w: number[], skip: number[] = []): void {
  const out = def.value(args)
  expect(out, `${def.name} gave an error`).not.toBeInstanceOf(Err)
  const grads = def.grad!(args, out, adjointOf(out, w))
  args.forEach((a, j) => {
    if (skip.includes(j) || typeof a === 'string') return
    const entries = a instanceof Tensor ? a.size : 1
    for (let k = 0; k < entries; k++) {
      const x = a instanceof Tensor ? a.data[k] : (a as number)
      const h = 1e-5 * Math.max(1, Math.abs(x))
      const up = weighted(def.value(withEntry(args, j, k, x + h)), w)
      const down = weighted(def.value(withEntry(args, j, k, x - h)), w)
      const numeric = (up - down) / (2 * h)
      const g = grads[j]
      const exact = g === null || g === undefined ? 0 : typeof g === 'number' ? g : g[k]
      const scale = Math.max(1, Math.abs(numeric), Math.abs(exact))
      expect(Math.abs(exact - numeric) / scale, `${def.name}: ∂L/∂(argument ${j + 1}, entry ${k + 1}) = ${exact}, differences give ${numeric}`).toBeLessThanOrEqual(1e-6)
    }
  })
}

const weights = fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 1, maxLength: 6 }).map((w) => (w.every((x) => x === 0) ? [1] : w))
const num = (min: number, max: number) => fc.double({ min, max, noNaN: true })
/** Entries whose pairwise gaps stay above `gap` (so a small step never reorders them). */
const spread = (n: { min: number; max: number }, gap: number) =>
  fc.array(num(-5, 5), { minLength: n.min, maxLength: n.max }).filter((xs) => xs.every((x, i) => xs.every((y, j) => i === j || Math.abs(x - y) > gap)))
const vec = (xs: number[]) => new Tensor([xs.length], Float64Array.from(xs))
const square = (n: number, xs: number[]) => new Tensor([n, n], Float64Array.from(xs.slice(0, n * n)))
const matrixOf = (r: number, c: number) => fc.array(num(-3, 3), { minLength: r * c, maxLength: r * c }).map((xs) => new Tensor([r, c], Float64Array.from(xs)))
const prop = <T>(arb: fc.Arbitrary<T>, check: (t: T) => void) => fc.assert(fc.property(arb, check), { seed: SEED, numRuns: RUNS })

describe('derivatives of the new functions equal central finite differences', () => {
  const unaries: [string, fc.Arbitrary<number>][] = [
    ['erf', num(-3, 3)],
    ['coth', fc.oneof(num(0.2, 4), num(-4, -0.2))],
    ['sech', num(-4, 4)],
    ['csch', fc.oneof(num(0.2, 4), num(-4, -0.2))],
    // acot jumps from −π/2 to π/2 at 0 (math.js's atan(1/x)): differences across 0 are meaningless.
    ['acot', fc.oneof(num(0.1, 5), num(-5, -0.1))],
    ['acoth', fc.oneof(num(1.1, 6), num(-6, -1.1))],
    ['asech', num(0.1, 0.9)],
    ['acsch', fc.oneof(num(0.2, 5), num(-5, -0.2))],
    ['asec', fc.oneof(num(1.1, 6), num(-6, -1.1))],
    ['acsc', fc.oneof(num(1.1, 6), num(-6, -1.1))],
    ['unaryMinus', num(-5, 5)],
    ['cbrt', fc.oneof(num(0.2, 8), num(-8, -0.2))],
  ]
  for (const [name, x] of unaries) {
    it(name, () => prop(fc.tuple(x, weights), ([v, w]) => expectGradientMatches(fnOf(name), [v], w)))
    it(`${name} element-wise on a vector`, () =>
      prop(fc.tuple(fc.array(x, { minLength: 1, maxLength: 4 }), weights), ([xs, w]) => expectGradientMatches(fnOf(name), [vec(xs)], w)))
  }

  it('nthRoot(a, n): positive a, any non-zero root; negative a with odd roots', () => {
    prop(fc.tuple(num(0.3, 20), fc.oneof(fc.constantFrom(2, 3, 4, -2), num(1.5, 5)), weights), ([a, n, w]) => expectGradientMatches(fnOf('nthRoot'), [a, n], w))
    // A negative number has roots only for odd whole n: n is not varied there.
    prop(fc.tuple(num(-20, -0.3), fc.constantFrom(3, 5, -3), weights), ([a, n, w]) => expectGradientMatches(fnOf('nthRoot'), [a, n], w, [1]))
    prop(fc.tuple(num(0.3, 20), weights), ([a, w]) => expectGradientMatches(fnOf('nthRoot'), [a], w))
  })

  it('hypot of numbers and of a vector', () => {
    const away = fc.array(num(-5, 5), { minLength: 1, maxLength: 5 }).filter((xs) => xs.some((x) => Math.abs(x) > 0.1))
    prop(fc.tuple(away, weights), ([xs, w]) => expectGradientMatches(fnOf('hypot'), xs, w))
    prop(fc.tuple(away, weights), ([xs, w]) => expectGradientMatches(fnOf('hypot'), [vec(xs)], w))
  })

  for (const name of ['variance', 'std']) {
    it(`${name} with each normalization`, () => {
      const xs = spread({ min: 2, max: 6 }, 0.05)
      prop(fc.tuple(xs, weights), ([v, w]) => expectGradientMatches(fnOf(name), [vec(v)], w))
      prop(fc.tuple(xs, fc.constantFrom('unbiased', 'uncorrected', 'biased'), weights), ([v, norm, w]) => expectGradientMatches(fnOf(name), [vec(v), norm], w))
      prop(fc.tuple(xs, weights), ([v, w]) => expectGradientMatches(fnOf(name), v, w))
      prop(fc.tuple(matrixOf(2, 3), weights), ([m, w]) => expectGradientMatches(fnOf(name), [m], w))
    })
  }

  it('median: the middle entry, or the two middle entries equally', () => {
    prop(fc.tuple(spread({ min: 1, max: 7 }, 1e-3), weights), ([v, w]) => expectGradientMatches(fnOf('median'), [vec(v)], w))
    prop(fc.tuple(spread({ min: 1, max: 5 }, 1e-3), weights), ([v, w]) => expectGradientMatches(fnOf('median'), v, w))
  })

  it('det: det·inv(A)ᵀ, and the cofactors where A is singular', () => {
    const n = fc.integer({ min: 1, max: 4 })
    prop(fc.tuple(n, fc.array(num(-3, 3), { minLength: 16, maxLength: 16 }), weights), ([k, xs, w]) => expectGradientMatches(fnOf('det'), [square(k, xs)], w))
    // Singular: rank-one and repeated-row matrices; det is a polynomial, so differences still apply.
    expectGradientMatches(fnOf('det'), [square(2, [1, 2, 2, 4])], [1])
    expectGradientMatches(fnOf('det'), [square(3, [1, 2, 3, 1, 2, 3, 0, 1, 5])], [1.5])
    expectGradientMatches(fnOf('det'), [square(3, [1, 2, 3, 2, 4, 6, 3, 6, 9])], [1])
  })

  it('inv: −inv(A)ᵀ·G·inv(A)ᵀ on well-conditioned matrices', () => {
    const n = fc.integer({ min: 1, max: 4 })
    // Diagonally dominant: far from singular, so differences are accurate.
    const dominant = fc.tuple(n, fc.array(num(-1, 1), { minLength: 16, maxLength: 16 }), fc.constantFrom(1, -1)).map(([k, xs, s]) => {
      const m = square(k, xs)
      for (let i = 0; i < k; i++) m.data[i * k + i] += s * (k + 1)
      return m
    })
    prop(fc.tuple(dominant, weights), ([m, w]) => expectGradientMatches(fnOf('inv'), [m], w))
    prop(fc.tuple(num(0.5, 5), weights), ([x, w]) => expectGradientMatches(fnOf('inv'), [x], w))
  })

  it('trace, transpose (and the operator \'), cross', () => {
    prop(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.array(num(-3, 3), { minLength: 16, maxLength: 16 }), weights), ([k, xs, w]) =>
      expectGradientMatches(fnOf('trace'), [square(k, xs)], w))
    prop(fc.tuple(matrixOf(2, 3), weights), ([m, w]) => expectGradientMatches(fnOf('ctranspose'), [m], w))
    prop(fc.tuple(fc.array(num(-3, 3), { minLength: 3, maxLength: 3 }), fc.array(num(-3, 3), { minLength: 3, maxLength: 3 }), weights), ([a, b, w]) =>
      expectGradientMatches(fnOf('cross'), [vec(a), vec(b)], w))
  })

  it('diag of a vector and of a matrix, on any diagonal', () => {
    prop(fc.tuple(fc.array(num(-3, 3), { minLength: 1, maxLength: 4 }), fc.integer({ min: -2, max: 2 }), weights), ([v, k, w]) =>
      expectGradientMatches(fnOf('diag'), [vec(v), k], w, [1]))
    prop(fc.tuple(matrixOf(3, 4), fc.integer({ min: -2, max: 3 }), weights), ([m, k, w]) => expectGradientMatches(fnOf('diag'), [m, k], w, [1]))
    prop(fc.tuple(matrixOf(3, 3), weights), ([m, w]) => expectGradientMatches(fnOf('diag'), [m], w))
  })

  it('cumsum of a vector, of numbers, and of a matrix down columns or along rows', () => {
    prop(fc.tuple(fc.array(num(-3, 3), { minLength: 1, maxLength: 5 }), weights), ([v, w]) => expectGradientMatches(fnOf('cumsum'), [vec(v)], w))
    prop(fc.tuple(fc.array(num(-3, 3), { minLength: 1, maxLength: 5 }), weights), ([v, w]) => expectGradientMatches(fnOf('cumsum'), v, w))
    prop(fc.tuple(matrixOf(3, 2), fc.constantFrom(0, 1), weights), ([m, d, w]) => expectGradientMatches(fnOf('cumsum'), [m, d], w, [1]))
    prop(fc.tuple(num(-3, 3), fc.array(num(-3, 3), { minLength: 1, maxLength: 3 }), weights), ([x, v, w]) => expectGradientMatches(fnOf('cumsum'), [x, vec(v)], w))
  })

  it('kron of vectors and of matrices', () => {
    prop(fc.tuple(fc.array(num(-3, 3), { minLength: 1, maxLength: 3 }), fc.array(num(-3, 3), { minLength: 1, maxLength: 3 }), weights), ([a, b, w]) =>
      expectGradientMatches(fnOf('kron'), [vec(a), vec(b)], w))
    prop(fc.tuple(matrixOf(2, 3), matrixOf(3, 2), weights), ([a, b, w]) => expectGradientMatches(fnOf('kron'), [a, b], w))
  })

  it('dotMultiply, dotDivide, dotPow by name, with broadcasting', () => {
    const pair = fc.tuple(fc.array(num(0.5, 3), { minLength: 3, maxLength: 3 }), fc.array(num(0.5, 3), { minLength: 3, maxLength: 3 }))
    for (const name of ['dotMultiply', 'dotDivide', 'dotPow']) {
      prop(fc.tuple(pair, weights), ([[a, b], w]) => expectGradientMatches(fnOf(name), [vec(a), vec(b)], w))
      prop(fc.tuple(pair, weights), ([[a, b], w]) => expectGradientMatches(fnOf(name), [new Tensor([3, 1], Float64Array.from(a)), vec(b)], w))
    }
  })
})

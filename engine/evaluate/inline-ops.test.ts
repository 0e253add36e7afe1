// The tape's inline ops against the function table's own rules: for every function whose
// fast form declares an inline op (Fast1/Fast2.inline), the tape's forward and reverse
// switches (evaluate/tape.ts) must give the table's value and derivative bit for bit, and
// give up (NaN, so the general path decides) exactly where the table's domain test refuses
// or its value is not finite. Run through real lowered cells, so each shape reaches its
// op: cells read in place (f(A1), f(A1, B1)) and through an op (+A1 is unaryPlus, a table
// call: f(+A1), f(+A1, +B1)), and a constant folded in on either side (f(A1, k), f(k, +A1)).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { allFunctions } from '../functions/table'
import type { Fast1, Fast2 } from '../functions/types'
import { Kind } from '../graph/store'
import { boundState } from '../test/bound-state'

const SEED = 20261130
const x = fc.oneof(fc.double({ min: -20, max: 20, noNaN: true }), fc.constantFrom(0, -0, 1, -1, 2, -2, 0.5, -0.5, 3, 1e-300))
/** Constants are written into the formula: non-negative (a minus sign would be an op of its own). */
const k = fc.oneof(fc.double({ min: 0, max: 20, noNaN: true }), fc.constantFrom(0, 1, 2, 0.5, 3, 1e-7))
const g = fc.double({ min: -4, max: 4, noNaN: true }).filter((v) => v !== 0)

const refused = (domain: unknown, y: number) => Boolean(domain) || !Number.isFinite(y)

function run(formula: string, inputs: Record<string, number>, seed: number) {
  const { w, id } = boundState({ C1: formula })
  for (const [at, v] of Object.entries(inputs)) {
    w.store.kind[id(at)] = Kind.Number
    w.store.num[id(at)] = v
  }
  const y = w.tape.forward(w.store, id('C1'))
  const grads = new Float64Array(w.store.capacity)
  if (y === y) w.tape.backward(w.store, id('C1'), seed, grads)
  return { y, size: w.tape.sizeOf(id('C1')), grad: (at: string) => grads[id(at)] }
}

/** A gradient as the reverse pass accumulates it: 0 + each share, so a −0 share leaves +0. */
const accumulated = (share: number) => 0 + share

/** Whether the tape gave up (NaN) where the table refuses, else gave the table's value. */
function sameValue(got: number, want: number, domain: unknown): boolean {
  if (refused(domain, want)) {
    expect(got).toBeNaN()
    return false
  }
  expect(got).toBe(want + 0) // a cell's value: −0 is stored as 0
  return true
}

const table = allFunctions()
const unary = table.filter((d) => d.fast1?.inline)
const binary = table.filter((d) => d.fast2?.inline)

describe('inline tape ops equal the function table', () => {
  it('the table declares the inline ops it should', () => {
    expect(new Set(unary.map((d) => d.fast1!.inline))).toEqual(new Set(['negate', 'tanh', 'exp', 'log', 'sqrt']))
    expect(new Set(binary.map((d) => d.fast2!.inline))).toEqual(new Set(['add', 'subtract', 'multiply', 'divide', 'pow']))
  })

  for (const def of unary) {
    const f = def.fast1 as Fast1
    for (const arg of ['A1', '+A1']) {
      it(`${def.name}(${arg}): ${f.inline}`, () => {
        fc.assert(fc.property(x, g, (v, seed) => {
          const want = f.f(v)
          const got = run(`=${def.name}(${arg})`, { A1: v }, seed)
          if (sameValue(got.y, want, f.domain?.(v))) expect(got.grad('A1')).toBe(accumulated(seed * f.df(v, want)))
        }), { seed: SEED, numRuns: 100 })
      })
    }
  }

  for (const def of binary) {
    const f = def.fast2 as Fast2
    for (const [p, q] of [['A1', 'B1'], ['+A1', '+B1'], ['+A1', 'B1']]) it(`${def.name}(${p}, ${q}): ${f.inline}`, () => {
      fc.assert(fc.property(x, x, g, (u, v, seed) => {
        const want = f.f(u, v)
        const got = run(`=${def.name}(${p}, ${q})`, { A1: u, B1: v }, seed)
        if (sameValue(got.y, want, f.domain?.(u, v))) {
          expect(got.grad('A1')).toBe(accumulated(seed * f.dfa(u, v, want)))
          expect(got.grad('B1')).toBe(accumulated(seed * f.dfb(u, v, want)))
        }
      }), { seed: SEED, numRuns: 100 })
    })

    for (const arg of ['A1', '+A1']) it(`${def.name}(${arg}, k) and ${def.name}(k, ${arg}): ${f.inline} with a folded constant`, () => {
      fc.assert(fc.property(x, k, g, (v, c, seed) => {
        const right = run(`=${def.name}(${arg}, ${c})`, { A1: v }, seed)
        expect(right.size).toBeLessThanOrEqual(arg === 'A1' ? 2 : 3) // no Const op: the constant is folded in
        const wantRight = f.f(v, c)
        if (sameValue(right.y, wantRight, f.domain?.(v, c))) expect(right.grad('A1')).toBe(accumulated(seed * f.dfa(v, c, wantRight)))
        const left = run(`=${def.name}(${c}, ${arg})`, { A1: v }, seed)
        if (f.inline !== 'pow') expect(left.size).toBeLessThanOrEqual(arg === 'A1' ? 2 : 3) // k ^ x is left unfolded
        const wantLeft = f.f(c, v)
        if (sameValue(left.y, wantLeft, f.domain?.(c, v))) expect(left.grad('A1')).toBe(accumulated(seed * f.dfb(c, v, wantLeft)))
      }), { seed: SEED, numRuns: 100 })
    })
  }

  it('the shapes reach the ops they are meant to: in place, through an op, folded', () => {
    const size = (formula: string) => run(formula, { A1: 1, B1: 2 }, 1).size
    expect(size('=A1 + B1')).toBe(1) // Add reading both cells in place
    expect(size('=+A1 + +B1')).toBe(5) // two Cell ops, two unaryPlus, Add
    expect(size('=A1 * 3')).toBe(1) // MulK reading A1 in place
    expect(size('=3 / A1')).toBe(1) // KDiv reading A1 in place (its partial reads A1 again)
    expect(size('=tanh(A1)')).toBe(1)
    expect(size('=log(A1)')).toBe(1) // log's partial reads A1 again in the reverse pass
    expect(size('=A1 * B1 + 2')).toBe(2) // Mul reading both in place, then AddK
    expect(size('=A1 ^ B1')).toBe(2) // Pow's base through a Cell op: NaN ^ 0 is 1, which would hide a label
    expect(size('=A1 ^ 0')).toBe(2) // the same for x^0
    expect(size('=A1 ^ 2')).toBe(1)
  })
})

// Gradient check: agreement on the examples and on random tensor models (property test
// over random shapes and ops), and a flag when the reverse pass is deliberately wrong.
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createEngine } from '../index'
import { book } from '../test/helpers'
import { restoreDocument } from '../workbook/index'
import { gradientCheck } from './gradcheck'

const examples = resolve(import.meta.dirname, '../../examples')

describe('gradient check', () => {
  it.each(['linear-regression', 'logistic-regression', 'xor-mlp'])('%s: every parameter element agrees', (name) => {
    const restored = restoreDocument(readFileSync(join(examples, `${name}.gradsheet`), 'utf8'))
    if (!restored.ok) throw new Error(restored.error)
    const engine = createEngine(restored.doc)
    const inputs = engine.cells().map((c) => c.input)
    const rows = gradientCheck(engine)
    if ('error' in rows) throw new Error(rows.error)
    expect(rows.length).toBeGreaterThan(1)
    for (const r of rows) expect(r.flagged, `${r.label}: ${r.reverse} vs ${r.numeric}`).toBe(false)
    // The probes leave every input as it was.
    expect(engine.cells().map((c) => c.input)).toEqual(inputs)
  })

  it('names matrix elements 1-based, and checks chosen cells that are not parameters', () => {
    const e = book({ A1: '=[[1, 2], [3, 4]]', A2: '0.5', B1: { input: '=sum(A1 .* A1) * A2', name: 'J' } })
    const rows = gradientCheck(e, [{ sheet: 'Sheet1', address: 'A1' }, { sheet: 'Sheet1', address: 'A2' }])
    if ('error' in rows) throw new Error(rows.error)
    expect(rows.map((r) => r.cell)).toEqual(['Sheet1!A1[1,1]', 'Sheet1!A1[1,2]', 'Sheet1!A1[2,1]', 'Sheet1!A1[2,2]', 'Sheet1!A2'])
    expect(rows[3].reverse).toBe(4)
    expect(rows[4].reverse).toBe(30)
  })

  it('flags a cell at a kink, where the one-sided slopes differ', () => {
    const e = book({ A1: { input: '0', param: true }, B1: { input: '=abs(A1)', name: 'J' } })
    const rows = gradientCheck(e)
    if ('error' in rows) throw new Error(rows.error)
    // abs'(0) = 0 by convention and the central difference is 0 too: agreement.
    expect(rows[0]).toMatchObject({ reverse: 0, flagged: false })
    const e2 = book({ A1: { input: '0', param: true }, B1: { input: '=relu(A1) * 3', name: 'J' } })
    const rows2 = gradientCheck(e2)
    if ('error' in rows2) throw new Error(rows2.error)
    // relu'(0) = 0 while the central difference sees 1.5: flagged.
    expect(rows2[0]).toMatchObject({ reverse: 0, flagged: true })
    expect(rows2[0].numeric).toBeCloseTo(1.5, 6)
  })

  it('explains why it cannot run', () => {
    expect(gradientCheck(book({ A1: '1' }))).toEqual({ error: 'no parameters: mark the cells to train with Parameter' })
    const r = gradientCheck(book({ A1: { input: '1', param: true } }))
    expect('error' in r && r.error).toContain('no objective')
  })
})

/** Tensor ops over a param matrix P (r×c), a param vector v (c) and data X (r×c). */
const MODELS: ((r: number, c: number) => string)[] = [
  () => 'sum(tanh(P * v))',
  () => 'mean((P .* X) .^ 2)',
  () => 'sum(sigmoid(P + v))',
  () => 'logsumexp(P * v)',
  (r) => `cross_entropy(transpose(P) * [${Array(r).fill(1).join(', ')}] ./ ${r}, 1)`,
  () => 'mean(bce_logits(P * v, 1))',
  () => 'sum(softmax(v) .* v) + norm(P)',
  () => 'dot(v, transpose(P) * (X * v)) / 10',
  () => 'sum(softplus(P .* X - v))',
]

describe('tensor gradients equal central finite differences (random shapes and ops)', () => {
  it('over random matrices, vectors and models', () => {
    const shape = fc.record({ r: fc.integer({ min: 1, max: 4 }), c: fc.integer({ min: 1, max: 4 }), model: fc.nat(MODELS.length - 1), seed: fc.integer() })
    fc.assert(
      fc.property(shape, ({ r, c, model, seed }) => {
        let s = seed >>> 0
        const rnd = () => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32) * 2 - 1
        const mat = () => `=[${Array.from({ length: r }, () => `[${Array.from({ length: c }, () => rnd().toFixed(3)).join(', ')}]`).join(', ')}]`
        const e = book({
          A1: { input: mat(), name: 'P', param: true },
          A2: { input: `=[${Array.from({ length: c }, () => rnd().toFixed(3)).join(', ')}]`, name: 'v', param: true },
          A3: { input: mat(), name: 'X' },
          B1: { input: '=' + MODELS[model](r, c), name: 'J' },
        })
        const rows = gradientCheck(e, undefined, 1e-5)
        if ('error' in rows) throw new Error(`${MODELS[model](r, c)}: ${rows.error}`)
        for (const row of rows) expect(row.flagged, `${MODELS[model](r, c)} ${row.label}: ${row.reverse} vs ${row.numeric}`).toBe(false)
      }),
      { numRuns: 60 },
    )
  })
})

describe('gradient check of chosen cells', () => {
  it('says why a chosen cell cannot be probed', () => {
    const e = book({ A1: 'label', A2: '=1+1', B1: { input: '=A2', name: 'J' } })
    expect(gradientCheck(e, [{ sheet: 'Sheet1', address: 'A1' }])).toEqual({ error: 'A1 is not a number' })
    expect(gradientCheck(e, [{ sheet: 'Sheet1', address: 'A2' }])).toEqual({ error: 'A2 is a formula; only numbers and literals like =[[1, 2], [3, 4]] can be trained or checked' })
  })
})

// Training on the shipped examples reaches stated levels with their fixed settings, the
// optimizers behave as their update rules say, and failures are reported in words.
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createEngine, type Engine } from '../index'
import { book } from '../test/helpers'
import { restoreDocument } from '../workbook/index'
import { createTrainer, train, type TrainOptions } from './loop'
import { createOptimizer } from './optimizers'
import { findParams, readValues } from './params'
import { randomizeEdits, seededRandom } from './random'

const examples = resolve(import.meta.dirname, '../../examples')

function example(file: string): { engine: Engine; training: TrainOptions & { seed: number } } {
  const restored = restoreDocument(readFileSync(join(examples, file), 'utf8'))
  if (!restored.ok) throw new Error(restored.error)
  return { engine: createEngine(restored.doc), training: (restored.doc as unknown as { training: TrainOptions & { seed: number } }).training }
}

describe('training the examples with their stored settings', () => {
  it('linear regression: J falls from 1.01 to the least-squares minimum 0.01984', () => {
    const { engine, training } = example('linear-regression.gradsheet')
    const { losses, error } = train(engine, training)
    expect(error).toBeNull()
    expect(losses[0]).toBeCloseTo(1.01125, 10)
    expect(losses.at(-1)!).toBeLessThan(0.0199)
    // w and b end near the data's slope 2 and intercept 1.
    const w = engine.cell('Sheet1', 'G1').value
    expect(w.kind === 'number' && Math.abs(w.value - 2) < 0.1).toBe(true)
  })

  it('logistic regression: J falls from ln 2 below 0.49', () => {
    const { engine, training } = example('logistic-regression.gradsheet')
    const { losses, error } = train(engine, training)
    expect(error).toBeNull()
    expect(losses[0]).toBeCloseTo(Math.LN2, 12)
    expect(losses.at(-1)!).toBeLessThan(0.49)
    for (let i = 1; i < losses.length; i++) expect(losses[i]).toBeLessThanOrEqual(losses[i - 1] + 1e-12)
  })

  it('XOR 2-layer MLP: the shipped start is the seed 7 draw, and Adam takes J below 0.01', () => {
    const { engine, training } = example('xor-mlp.gradsheet')
    const before = readValues(engine, findParams(engine) as never)
    const edits = randomizeEdits(engine, training.seed)
    expect(Array.isArray(edits)).toBe(true)
    engine.apply(edits as never)
    expect(readValues(engine, findParams(engine) as never)).toEqual(before)
    const { losses, error } = train(engine, training)
    expect(error).toBeNull()
    expect(losses.at(-1)!).toBeLessThan(0.01)
    const p = (r: number) => {
      const v = engine.cell('Sheet1', `F${r}`).value
      return v.kind === 'number' ? v.value : NaN
    }
    expect([p(2), p(3), p(4), p(5)].map(Math.round)).toEqual([0, 1, 1, 0])
  })
})

describe('the training loop', () => {
  it('writes tensor parameters back as literals, and undo edits restore the inputs', () => {
    const e = book({ A1: { input: '=[[1, 2], [3, 4]]', param: true }, B1: { input: '=sum(A1 .* A1) / 2', name: 'J' } })
    const t = createTrainer(e, { method: 'gd', learningRate: 0.5, steps: 1 })
    if ('error' in t) throw new Error(t.error)
    const r = t.step()
    expect(r.ok).toBe(true)
    // The step set the values only (fast path); sync writes the inputs.
    expect(e.cell('Sheet1', 'A1').value).toMatchObject({ value: [[0.5, 1], [1.5, 2]] })
    expect(e.cell('Sheet1', 'A1').input).toBe('=[[1, 2], [3, 4]]')
    const synced = t.sync()
    expect(e.cell('Sheet1', 'A1').input).toBe('=[[0.5, 1], [1.5, 2]]')
    expect(synced.cells.map((c) => c.address).sort()).toEqual(['A1', 'B1'])
    e.apply(t.undoEdits)
    expect(e.cell('Sheet1', 'A1').input).toBe('=[[1, 2], [3, 4]]')
  })

  it('a run that overflows stops, names the first non-finite cell, and keeps the last finite parameters', () => {
    const e = book({ A1: { input: '1', param: true, name: 'x' }, B1: '=exp(x^2)', C1: { input: '=B1', name: 'J' } })
    const t = createTrainer(e, { method: 'gd', learningRate: 100, steps: 10 })
    if ('error' in t) throw new Error(t.error)
    const r = t.step()
    expect(r.ok).toBe(false)
    expect(!r.ok && r.message).toMatch(/^step 1: J went non-finite: exp\(.*\) overflows to \+Infinity \(in B1\)\. The parameters are back at step 0/)
    expect(e.cell('Sheet1', 'A1').input).toBe('1')
  })

  it('an empty cell marked as a parameter starts at 0, and Randomize fills it in', () => {
    const e = book({ A1: { input: '', param: true, name: 'x' }, B1: { input: '=(x - 2)^2', name: 'J' } })
    const edits = randomizeEdits(e, 5)
    if ('error' in edits) throw new Error(edits.error)
    expect(edits).toHaveLength(1)
    const { losses, error } = train(e, { method: 'gd', learningRate: 0.25, steps: 40 })
    expect(error).toBeNull()
    expect(losses[0]).toBe(4)
    expect(losses.at(-1)!).toBeLessThan(1e-9)
  })

  it('refuses what cannot be trained, with the reason', () => {
    expect(train(book({ A1: '1', B1: { input: '=A1^2', name: 'J' } }), { method: 'gd', learningRate: 0.1, steps: 5 }).error).toContain('no parameters')
    expect(train(book({ A1: { input: '=2+1', param: true }, B1: { input: '=A1^2', name: 'J' } }), { method: 'gd', learningRate: 0.1, steps: 5 }).error).toContain('formula')
    expect(train(book({ A1: { input: '1', param: true } }), { method: 'gd', learningRate: 0.1, steps: 5 }).error).toContain('no objective')
    const ok = book({ A1: { input: '1', param: true }, B1: { input: '=A1^2', name: 'J' } })
    expect(train(ok, { method: 'gd', learningRate: -1, steps: 5 }).error).toContain('learning rate')
    expect(train(ok, { method: 'gd', learningRate: 0.1, steps: 0 }).error).toContain('steps')
    expect(train(ok, { method: 'sgd' as never, learningRate: 0.1, steps: 1 }).error).toContain('unknown method')
  })
})

describe('optimizers', () => {
  it('gradient descent, momentum and Adam follow their update rules', () => {
    const theta = Float64Array.of(1)
    createOptimizer('gd', 0.1, 1)(theta, Float64Array.of(2))
    expect(theta[0]).toBeCloseTo(0.8, 15)
    const m = createOptimizer('momentum', 0.1, 1)
    const t2 = Float64Array.of(0)
    m(t2, Float64Array.of(1))
    m(t2, Float64Array.of(1))
    expect(t2[0]).toBeCloseTo(-0.1 - 0.19, 15)
    // Adam's first step moves each coordinate by about the learning rate, whatever the gradient's scale.
    const t3 = Float64Array.of(0, 0)
    createOptimizer('adam', 0.01, 2)(t3, Float64Array.of(1000, -0.001))
    expect(t3[0]).toBeCloseTo(-0.01, 8)
    expect(t3[1]).toBeCloseTo(0.01, 4)
  })

  it('every method lowers J on a quadratic bowl', () => {
    for (const method of ['gd', 'momentum', 'adam'] as const) {
      const e = book({ A1: { input: '3', param: true, name: 'x' }, A2: { input: '=[1, -2]', param: true, name: 'v' }, B1: { input: '=(x - 1)^2 + sum(v .* v)', name: 'J' } })
      const { losses } = train(e, { method, learningRate: 0.05, steps: 200 })
      expect(losses.at(-1)!).toBeLessThan(losses[0] / 100)
    }
  })
})

describe('seeded randomness', () => {
  it('the same seed gives the same numbers, another seed others', () => {
    const a = seededRandom(42)
    const b = seededRandom(42)
    const xs = Array.from({ length: 5 }, a)
    expect(Array.from({ length: 5 }, b)).toEqual(xs)
    expect(Array.from({ length: 5 }, seededRandom(43))).not.toEqual(xs)
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true)
  })
})

describe('the engine fast path setValues', () => {
  it('gives exactly the losses of the apply path, and the next apply lists what it changed', () => {
    const { engine: fast, training } = example('xor-mlp.gradsheet')
    const { engine: plain } = example('xor-mlp.gradsheet')
    // The same engine without its fast path: every step goes through apply.
    const slow: Engine = { ...plain, apply: plain.apply.bind(plain), cell: plain.cell.bind(plain), cells: plain.cells.bind(plain), objective: plain.objective.bind(plain), setValues: undefined }
    const a = train(fast, { ...training, steps: 40 })
    const b = train(slow, { ...training, steps: 40 })
    expect(a.losses).toEqual(b.losses)
    expect(fast.cells()).toEqual(plain.cells())
  })

  it('refuses cells that do not hold a number or a tensor of that size', () => {
    const e = book({ A1: '1', A2: '=[1, 2]', A3: 'label', B1: { input: '=A1 + sum(A2)', name: 'J' } })
    expect(e.setValues!([{ sheet: 'Sheet1', address: 'A3', value: 2 }])).toContain('A3')
    expect(e.setValues!([{ sheet: 'Sheet1', address: 'A2', value: Float64Array.of(1, 2, 3) }])).toContain('tensor of 3')
    expect(e.setValues!([{ sheet: 'Sheet1', address: 'A1', value: NaN }])).toContain('not finite')
    expect(e.setValues!([{ sheet: 'Sheet1', address: 'Z9', value: 1 }])).toContain('Z9')
    expect(e.setValues!([{ sheet: 'Sheet1', address: 'A1', value: 5 }, { sheet: 'Sheet1', address: 'A2', value: Float64Array.of(0, 1) }])).toBeNull()
    expect(e.objective().value).toBe(6)
    const listed = e.apply([]).cells.map((c) => c.address).sort()
    expect(listed).toEqual(['A1', 'A2', 'B1'])
  })
})

// The example workbooks shipped in examples/ load through the one restore step and give
// the reference text's numbers exactly (SPEC §8).
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createEngine } from '../index.ts'
import { restoreDocument } from './restore.ts'
import { serializeDocument } from './serialize.ts'

const examples = resolve(import.meta.dirname, '../../examples')

function load(file: string) {
  const text = readFileSync(join(examples, file), 'utf8')
  const restored = restoreDocument(text)
  if (!restored.ok) throw new Error(restored.error)
  return { text, doc: restored.doc, engine: createEngine(restored.doc) }
}

function valueAndGrad(engine: ReturnType<typeof createEngine>, name: string): [number | null, number | null] {
  const at = engine.resolveRef(name)
  if (at === null) throw new Error(`${name} does not resolve`)
  const cell = engine.cell(at.sheet, at.address)
  return [
    cell.value.kind === 'number' ? cell.value.value : null,
    cell.grad.kind === 'number' ? cell.grad.value : null,
  ]
}

describe('examples/', () => {
  it('reference example 1: f(x) = ((x+5)^3+1)^2 at x = -3', () => {
    const { engine } = load('reference-example-1.gradsheet')
    expect(engine.objective()).toMatchObject({ ref: 'J', cell: 'Sheet1!B5', value: 81, unavailableReason: null })
    expect(valueAndGrad(engine, 'x')).toEqual([-3, 216])
    expect(valueAndGrad(engine, 'h')).toEqual([2, 216])
    expect(valueAndGrad(engine, 'g')).toEqual([9, 18])
    expect(valueAndGrad(engine, 'f')).toEqual([81, 1])
    expect(valueAndGrad(engine, 'J')).toEqual([81, 1])
  })

  it('reference example 2: linear regression, one sample', () => {
    const { engine } = load('reference-example-2.gradsheet')
    expect(engine.objective()).toMatchObject({ cell: 'Sheet1!B8', value: 84.5, unavailableReason: null })
    expect(valueAndGrad(engine, 'x')).toEqual([-3, -39])
    expect(valueAndGrad(engine, 'y')).toEqual([5, 13])
    expect(valueAndGrad(engine, 'w')).toEqual([3, 39])
    expect(valueAndGrad(engine, 'b')).toEqual([1, -13])
    expect(valueAndGrad(engine, 'c')).toEqual([-9, -13])
    expect(valueAndGrad(engine, 'f')).toEqual([-8, -13])
    expect(valueAndGrad(engine, 'd')).toEqual([-13, -13])
    expect(valueAndGrad(engine, 'J')).toEqual([84.5, 1])
  })

  it('every example is stored exactly as serializeDocument writes it, and survives the engine', () => {
    for (const file of ['reference-example-1.gradsheet', 'reference-example-2.gradsheet']) {
      const { text, doc, engine } = load(file)
      expect(serializeDocument(doc)).toBe(text)
      expect(serializeDocument(engine.toDocument())).toBe(text)
    }
  })
})

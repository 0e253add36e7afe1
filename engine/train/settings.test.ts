// The workbook's training field: restore refuses an unusable one in words (each key
// named), accepts partial ones, keeps it on save; older files without it are untouched.
import { describe, expect, it } from 'vitest'
import { restoreDocument, serializeDocument } from '../workbook'
import { DEFAULT_TRAINING, trainingSettingsOf, trainingSettingsProblems } from './settings'

const file = (training: unknown) => JSON.stringify({ format: 'gradsheet', version: 1, objective: null, sheets: [{ name: 'Sheet1', cells: {} }], training })

describe('training settings in the workbook', () => {
  it('keeps a valid field through restore and serialise', () => {
    const r = restoreDocument(file({ method: 'momentum', learningRate: 0.003, steps: 17, seed: 42 }))
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(JSON.parse(serializeDocument(r.doc)).training).toEqual({ method: 'momentum', learningRate: 0.003, steps: 17, seed: 42 })
    expect(trainingSettingsOf((r.doc as { training?: unknown }).training)).toEqual({ method: 'momentum', learningRate: 0.003, steps: 17, seed: 42 })
  })
  it('accepts a partial field; missing keys take the defaults', () => {
    expect(restoreDocument(file({ steps: 5 })).ok).toBe(true)
    expect(trainingSettingsOf({ steps: 5 })).toEqual({ ...DEFAULT_TRAINING, steps: 5 })
    expect(trainingSettingsOf(undefined)).toEqual(DEFAULT_TRAINING)
  })
  it('refuses unusable settings, naming each key', () => {
    const r = restoreDocument(file({ method: 'sgd', learningRate: -1, steps: 2.5, seed: 'x' }))
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error).toContain('"training.method" must be one of "gd", "momentum", "adam", found "sgd"')
    expect(r.error).toContain('"training.learningRate" must be a number above 0, found -1')
    expect(r.error).toContain('"training.steps" must be a whole number from 1 to 1000000, found 2.5')
    expect(r.error).toContain('"training.seed" must be a whole number, found "x"')
    expect(restoreDocument(file([1, 2])).ok).toBe(false)
    expect(restoreDocument(file(null)).ok).toBe(false)
    expect(trainingSettingsProblems({ learningRate: Infinity })).toHaveLength(1)
  })
  it('a file without the field is unaffected', () => {
    const r = restoreDocument(JSON.stringify({ format: 'gradsheet', version: 1, objective: null, sheets: [{ name: 'Sheet1', cells: {} }] }))
    expect(r.ok && 'training' in r.doc).toBe(false)
  })
})

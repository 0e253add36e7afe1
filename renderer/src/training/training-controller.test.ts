import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, settingsFrom } from './training-controller'

describe('settingsFrom', () => {
  it('keeps usable stored settings and falls back for the rest', () => {
    expect(settingsFrom(null)).toEqual(DEFAULT_SETTINGS)
    expect(settingsFrom({ method: 'momentum', learningRate: 0.3, steps: 10, seed: 9 })).toEqual({ method: 'momentum', learningRate: 0.3, steps: 10, seed: 9 })
    expect(settingsFrom({ method: 'sgd' as never, learningRate: -1, steps: 2.5, seed: 'x' as never })).toEqual(DEFAULT_SETTINGS)
  })
})

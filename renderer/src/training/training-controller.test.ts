import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, settingsFrom, settingsLabel } from './training-controller'

describe('settingsFrom', () => {
  it('keeps usable stored settings and falls back for the rest', () => {
    expect(settingsFrom(null)).toEqual(DEFAULT_SETTINGS)
    expect(settingsFrom({ method: 'momentum', learningRate: 0.3, steps: 10, seed: 9 })).toEqual({ method: 'momentum', learningRate: 0.3, steps: 10, seed: 9 })
    expect(settingsFrom({ method: 'sgd' as never, learningRate: -1, steps: 2.5, seed: 'x' as never })).toEqual(DEFAULT_SETTINGS)
  })
})

describe('settingsLabel', () => {
  it('names the one setting changed, in words the Undo tooltip can show', () => {
    const next = { method: 'momentum' as const, learningRate: 0.01, steps: 23, seed: 4 }
    expect(settingsLabel(['steps'], next)).toBe('Set training steps to 23')
    expect(settingsLabel(['learningRate'], next)).toBe('Set learning rate to 0.01')
    expect(settingsLabel(['method'], next)).toMatch(/^Set training method to \S/)
    expect(settingsLabel(['steps', 'seed'], next)).toBe('Change training settings')
  })
})

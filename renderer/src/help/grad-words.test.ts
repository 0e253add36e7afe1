import { describe, expect, it } from 'vitest'
import { gradInWords, roughly } from './grad-words'

describe('∂ chips in words', () => {
  it('says what ∂J/∂x = 216 means for a step of 0.01', () => {
    expect(gradInWords('x', { kind: 'number', value: 216 })).toBe('∂J/∂x = 216: raising x by 0.01 raises J by about 2.16.')
  })
  it('a negative gradient lowers J; zero changes nothing', () => {
    expect(gradInWords('b', { kind: 'number', value: -13 })).toBe('∂J/∂b = -13: raising b by 0.01 lowers J by about 0.13.')
    expect(gradInWords('y', { kind: 'number', value: 0 })).toContain('does not change J')
  })
  it('tensors name their largest entry; cells without a gradient say nothing', () => {
    expect(gradInWords('W', { kind: 'tensor', value: [[1, -4], [2, 3]] })).toContain('the largest entry is -4')
    expect(gradInWords('A1', { kind: 'none' })).toBeNull()
    expect(roughly(0.0000123)).toBe('1.23e-5')
  })
})

import { registerHelpCommand, runHelpCommand } from './help-state'

describe('Help menu hooks', () => {
  it('runs the registered formula-reference opener, and says when there is none', () => {
    expect(runHelpCommand('openFormulaReference')).toBe(false)
    let opened = 0
    const off = registerHelpCommand('openFormulaReference', () => opened++)
    expect(runHelpCommand('openFormulaReference')).toBe(true)
    expect(opened).toBe(1)
    off()
    expect(runHelpCommand('openFormulaReference')).toBe(false)
  })
})

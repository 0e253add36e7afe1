import { describe, expect, it } from 'vitest'
import { exactGrad, exactValue, formatGrad, formatNumber, formatValue } from './format'

describe('formatNumber', () => {
  it('shows about six significant digits and drops trailing zeros', () => {
    expect(formatNumber(84.5)).toBe('84.5')
    expect(formatNumber(216)).toBe('216')
    expect(formatNumber(-13)).toBe('-13')
    expect(formatNumber(1 / 3)).toBe('0.333333')
    expect(formatNumber(1234.5678)).toBe('1234.57')
    expect(formatNumber(0.1 + 0.2)).toBe('0.3')
    expect(formatNumber(-0)).toBe('0')
  })
  it('uses an exponent for very large and very small magnitudes', () => {
    expect(formatNumber(123456789012)).toBe('1.23457e+11')
    expect(formatNumber(1e-9)).toBe('1e-9')
    expect(formatNumber(-2.5e-7)).toBe('-2.5e-7')
    expect(formatNumber(6.02214076e23)).toBe('6.02214e+23')
  })
  it('never prints NaN or Infinity as digits', () => {
    expect(formatNumber(Infinity)).toBe('∞')
    expect(formatNumber(-Infinity)).toBe('−∞')
  })
})

describe('cell text and exact hooks', () => {
  it('formats each kind of value', () => {
    expect(formatValue({ kind: 'number', value: 2 })).toBe('2')
    expect(formatValue({ kind: 'tensor', shape: [3], value: [1, 2, 3] })).toBe('[1, 2, 3]')
    expect(formatValue({ kind: 'tensor', shape: [2, 2], value: [[1, 2], [3, 4]] })).toBe('2×2 matrix')
    expect(formatValue({ kind: 'text', value: 'x' })).toBe('x')
    expect(formatValue({ kind: 'boolean', value: true })).toBe('TRUE')
    expect(formatValue({ kind: 'error', error: { code: '#DIV/0!', message: 'division by zero' } })).toBe('#DIV/0!')
    expect(formatValue({ kind: 'empty' })).toBe('')
  })
  it('keeps the exact number for data-value and data-grad', () => {
    expect(exactValue({ kind: 'number', value: 1 / 3 })).toBe(String(1 / 3))
    expect(exactValue({ kind: 'tensor', shape: [2], value: [1, 2] })).toBe('[1,2]')
    expect(exactValue({ kind: 'boolean', value: false })).toBe('false')
    expect(exactValue({ kind: 'empty' })).toBeUndefined()
    expect(exactGrad({ kind: 'number', value: -39 })).toBe('-39')
    expect(exactGrad({ kind: 'unavailable', reason: 'no objective' })).toBeUndefined()
    expect(formatGrad({ kind: 'none' })).toBe('')
    expect(formatGrad({ kind: 'error', error: { code: '#NUM!', message: 'infinite' } })).toBe('#NUM!')
  })
})

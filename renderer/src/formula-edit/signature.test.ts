// The signature line bolds the argument the caret is in; variadic tails take the rest.
import { describe, expect, it } from 'vitest'
import { signatureParts } from './signature'

const bold = (signature: string, argIndex: number | null) =>
  signatureParts(signature, argIndex).filter((p) => p.current).map((p) => p.text)

describe('signature parts', () => {
  it('bolds the current argument and keeps the text whole', () => {
    const parts = signatureParts('ROUND(x, [digits])', 1)
    expect(parts.map((p) => p.text).join('')).toBe('ROUND(x, [digits])')
    expect(bold('ROUND(x, [digits])', 1)).toEqual(['[digits]'])
    expect(bold('ROUND(x, [digits])', 0)).toEqual(['x'])
  })

  it('past the last named argument of a variadic function, the repeated one', () => {
    expect(bold('SUM(value1, [value2], …)', 5)).toEqual(['[value2]'])
  })

  it('no bold without an argument index', () => {
    expect(bold('exp(x)', null)).toEqual([])
  })
})

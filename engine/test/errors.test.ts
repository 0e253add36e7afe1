// Every error code of SPEC §3 from a realistic formula, and how it propagates: to
// dependents only, with the origin named, while everything else still computes.
import { describe, expect, it } from 'vitest'
import { createEngine } from '../index'
import { book, docOf, errorOf, grad, num } from './helpers'

describe('error codes', () => {
  const e = book({
    A1: '=2 *', // #PARSE!
    A2: '=Nosheet!A1 + 1', // #REF!
    A3: '=XFE1 * 2', // #REF!
    A4: 'weight', // a label
    A5: '=A4 * 2', // #VALUE!
    A6: '=1 / (A7 - 3)', // #DIV/0!
    A7: '3',
    A8: '=sqrt(-1)', // #NUM!
    A9: '=log(0)', // #NUM!
    A10: '=learning_rate * 2', // #NAME?
    A11: '=softmaxx(A7)', // #NAME?
    A12: '=A13 + 1', // #CYCLE!
    A13: '=A12 * 2',
    A14: '=A7 * 2', // fine
  })

  it('gives each code with a message in words', () => {
    expect(errorOf(e, 'A1')).toMatchObject({ code: '#PARSE!' })
    expect(errorOf(e, 'A1').message).toMatch(/syntax error: .*at character/)
    expect(errorOf(e, 'A2')).toEqual({ code: '#REF!', message: 'there is no sheet named "Nosheet"' })
    expect(errorOf(e, 'A3').code).toBe('#REF!')
    expect(errorOf(e, 'A5')).toEqual({ code: '#VALUE!', message: 'the operator * or .* got the label "weight" where a number is needed' })
    expect(errorOf(e, 'A6')).toEqual({ code: '#DIV/0!', message: 'division by zero' })
    expect(errorOf(e, 'A8').code).toBe('#NUM!')
    expect(errorOf(e, 'A9').code).toBe('#NUM!')
    expect(errorOf(e, 'A10')).toEqual({ code: '#NAME?', message: 'unknown name learning_rate' })
    expect(errorOf(e, 'A11')).toEqual({ code: '#NAME?', message: 'unknown function softmaxx' })
    expect(errorOf(e, 'A12')).toEqual({ code: '#CYCLE!', message: 'circular reference: A12 → A13 → A12' })
    expect(errorOf(e, 'A13')).toEqual({ code: '#CYCLE!', message: 'circular reference: A13 → A12 → A13' })
    expect(num(e, 'A14')).toBe(6)
  })

  it('keeps the input of cells in error verbatim', () => {
    expect(e.cell('Sheet1', 'A1').input).toBe('=2 *')
  })

  it('propagates to dependents only, naming where the error came from', () => {
    const p = book({ A1: '=1/0', A2: '=A1 + 1', A3: '=A2 * 2', A4: '5', A5: '=A4 + 1', B1: '=C1 + 1', C1: '=B1', D1: '=C1 * 3' })
    expect(errorOf(p, 'A2')).toEqual({ code: '#DIV/0!', message: 'division by zero (in A1)' })
    expect(errorOf(p, 'A3')).toEqual({ code: '#DIV/0!', message: 'division by zero (in A1)' })
    expect(num(p, 'A5')).toBe(6)
    expect(errorOf(p, 'D1')).toEqual({ code: '#CYCLE!', message: 'circular reference: C1 → B1 → C1 (in C1)' })
  })

  it('marks a self-reference as a cycle', () => {
    expect(errorOf(book({ A1: '=A1 + 1' }), 'A1')).toEqual({ code: '#CYCLE!', message: 'circular reference: A1 → A1' })
  })

  it('names cells of other sheets with their sheet', () => {
    const x = createEngine(docOf({ A1: "='My data'!A1 + 1" }, null, [{ name: 'My data', cells: { A1: '=1/0' } }]))
    expect(errorOf(x, 'A1')).toEqual({ code: '#DIV/0!', message: "division by zero (in 'My data'!A1)" })
  })

  it('error cells and labels have no gradient; the rest still differentiates', () => {
    const g = book({ A1: '2', A2: { input: '=A1 * 3', name: 'J' }, A3: '=1/0', A4: 'label' })
    expect(grad(g, 'A1')).toBe(3)
    expect(g.cell('Sheet1', 'A3').grad).toEqual({ kind: 'none' })
    expect(g.cell('Sheet1', 'A4').grad).toEqual({ kind: 'none' })
  })
})

describe('objective problems', () => {
  it('missing objective: values compute, gradients are unavailable with the reason', () => {
    const e = book({ A1: '2', A2: '=A1 * 3' })
    expect(num(e, 'A2')).toBe(6)
    expect(e.cell('Sheet1', 'A1').grad).toEqual({ kind: 'unavailable', reason: 'no objective: name a cell J or choose an objective cell' })
    expect(e.objective()).toMatchObject({ ref: null, cell: null, value: null })
  })

  it('an objective in error, not a scalar, or not a cell', () => {
    expect(book({ A1: { input: '=1/0', name: 'J' } }).objective().unavailableReason).toBe('the objective J is in error (#DIV/0!)')
    expect(book({ A1: { input: '=[1, 2]', name: 'J' } }).objective().unavailableReason).toBe('the objective J is a vector or matrix, not a single number')
    expect(book({ A1: '1' }, 'nothing').objective().unavailableReason).toBe('the objective "nothing" is not a cell of this workbook')
    expect(book({ A1: '1' }, 'B7').objective().unavailableReason).toBe('the objective B7 is empty')
  })

  it('recovers when the objective becomes usable', () => {
    const e = book({ A1: '2', A2: { input: '=1/A1', name: 'J' } })
    e.apply([{ type: 'setInput', sheet: 'Sheet1', address: 'A1', input: '0' }])
    expect(e.cell('Sheet1', 'A1').grad.kind).toBe('unavailable')
    const r = e.apply([{ type: 'setInput', sheet: 'Sheet1', address: 'A1', input: '4' }])
    expect(grad(e, 'A1')).toBe(-1 / 16)
    expect(r.objective).toEqual({ ref: null, cell: 'Sheet1!A2', value: 0.25, unavailableReason: null })
  })
})

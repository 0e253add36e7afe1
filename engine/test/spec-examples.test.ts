// SPEC §8: the reference text's two worked examples, every value and gradient exactly,
// written once with names and once with addresses.
import { describe, expect, it } from 'vitest'
import { book, grad, num } from './helpers'

describe('example 1: f(x) = ((x + 5)^3 + 1)^2 at x = -3', () => {
  const variants = {
    names: { B1: { input: '-3', name: 'x' }, B2: { input: '=x + 5', name: 'h' }, B3: { input: '=h^3 + 1', name: 'g' }, B4: { input: '=g^2', name: 'J' } },
    addresses: { B1: { input: '-3', name: 'x' }, B2: { input: '=B1 + 5', name: 'h' }, B3: { input: '=B2^3 + 1', name: 'g' }, B4: { input: '=B3^2', name: 'J' } },
  }
  for (const [how, cells] of Object.entries(variants))
    it(`gives h = 2, g = 9, f = 81 and ∂J/∂g = 18, ∂J/∂h = 216, ∂J/∂x = 216 (${how})`, () => {
      const e = book({ A1: 'x', ...cells })
      expect([num(e, 'B1'), num(e, 'B2'), num(e, 'B3'), num(e, 'B4')]).toEqual([-3, 2, 9, 81])
      expect([grad(e, 'B4'), grad(e, 'B3'), grad(e, 'B2'), grad(e, 'B1')]).toEqual([1, 18, 216, 216])
      expect(e.cell('Sheet1', 'A1').grad).toEqual({ kind: 'none' })
      expect(e.objective()).toEqual({ ref: null, cell: 'Sheet1!B4', value: 81, unavailableReason: null })
    })
})

describe('example 2: linear regression, one sample', () => {
  const names = {
    B1: { input: '-3', name: 'x' }, B2: { input: '5', name: 'y' }, B3: { input: '3', name: 'w' }, B4: { input: '1', name: 'b' },
    B5: { input: '=w*x', name: 'c' }, B6: { input: '=c + b', name: 'f' }, B7: { input: '=f - y', name: 'd' }, B8: { input: '=d^2/2', name: 'J' },
  }
  const addresses = {
    ...names,
    B5: { input: '=B3*B1', name: 'c' }, B6: { input: '=B5 + B4', name: 'f' }, B7: { input: '=B6 - B2', name: 'd' }, B8: { input: '=B7^2/2', name: 'J' },
  }
  for (const [how, cells] of Object.entries({ names, addresses }))
    it(`gives c = -9, f = -8, d = -13, J = 84.5 and the listed gradients (${how})`, () => {
      const e = book(cells, 'J')
      expect(['B5', 'B6', 'B7', 'B8'].map((a) => num(e, a))).toEqual([-9, -8, -13, 84.5])
      const g = Object.fromEntries(['B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7', 'B8'].map((a) => [e.cell('Sheet1', a).name, grad(e, a)]))
      expect(g).toEqual({ x: -39, y: 13, w: 39, b: -13, c: -13, f: -13, d: -13, J: 1 })
    })

  it('also holds with the objective given as an address on another sheet name', () => {
    const e = book(addresses, 'Sheet1!B8')
    expect(grad(e, 'B3')).toBe(39)
    expect(e.objective().cell).toBe('Sheet1!B8')
  })
})

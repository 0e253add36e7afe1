import { describe, expect, it } from 'vitest'
import type { CellView } from '../../../engine/api'
import { sameView } from './same-view'

const view = (over: Partial<CellView> = {}): CellView => ({
  sheet: 'Sheet1',
  address: 'A1',
  input: '=B1*2',
  value: { kind: 'number', value: 2 },
  grad: { kind: 'number', value: 0.5 },
  ...over,
})

describe('sameView', () => {
  it('is true only when everything a cell shows is equal', () => {
    expect(sameView(view(), view())).toBe(true)
    expect(sameView(undefined, undefined)).toBe(true)
    expect(sameView(view(), undefined)).toBe(false)
    expect(sameView(view(), view({ input: '=B1*3' }))).toBe(false)
    expect(sameView(view(), view({ name: 'w' }))).toBe(false)
    expect(sameView(view(), view({ param: true }))).toBe(false)
    expect(sameView(view({ param: false }), view())).toBe(true)
    expect(sameView(view(), view({ address: 'A2' }))).toBe(false)
    expect(sameView(view(), view({ value: { kind: 'number', value: 2.0000000001 } }))).toBe(false)
    expect(sameView(view(), view({ grad: { kind: 'number', value: -0.5 } }))).toBe(false)
    expect(sameView(view({ value: { kind: 'number', value: 0 } }), view({ value: { kind: 'number', value: -0 } }))).toBe(false)
    expect(sameView(view(), view({ value: { kind: 'text', value: '2' } }))).toBe(false)
    const tensor = (v: number): CellView['value'] => ({ kind: 'tensor', shape: [2], value: [1, v] })
    expect(sameView(view({ value: tensor(2) }), view({ value: tensor(2) }))).toBe(true)
    expect(sameView(view({ value: tensor(2) }), view({ value: tensor(3) }))).toBe(false)
    const error = (message: string): CellView['grad'] => ({ kind: 'error', error: { code: '#NUM!', message } as never })
    expect(sameView(view({ grad: error('a') }), view({ grad: error('a') }))).toBe(true)
    expect(sameView(view({ grad: error('a') }), view({ grad: error('b') }))).toBe(false)
  })
})

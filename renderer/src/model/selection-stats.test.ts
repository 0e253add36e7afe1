import { describe, expect, it } from 'vitest'
import type { CellView } from '../../../engine/api'
import { selectionStats } from './selection-stats'

function num(address: string, value: number, grad: number | null): CellView {
  return { sheet: 'Sheet1', address, input: String(value), value: { kind: 'number', value }, grad: grad === null ? { kind: 'none' } : { kind: 'number', value: grad } }
}

describe('the status bar figures of a selection', () => {
  it('sums, averages and counts the numbers and the gradients', () => {
    const s = selectionStats([num('A1', 1, 2), num('A2', 3, -5), num('A3', 8, 0.5)])
    expect(s.count).toBe(3)
    expect(s.sum).toBe(12)
    expect(s.average).toBe(4)
    expect(s.gradSum).toBe(-2.5)
    expect(s.gradMaxAbs).toBe(5)
    expect(s.gradMaxAt).toBe('A2')
  })

  it('skips labels and empty cells; vectors contribute each entry', () => {
    const label: CellView = { sheet: 'Sheet1', address: 'B1', input: 'x', value: { kind: 'text', value: 'x' }, grad: { kind: 'none' } }
    const vec: CellView = { sheet: 'Sheet1', address: 'B2', input: '=[1,2]', value: { kind: 'tensor', shape: [2], value: [1, 2] }, grad: { kind: 'tensor', value: [3, -4] } }
    const s = selectionStats([label, vec])
    expect(s.count).toBe(2)
    expect(s.sum).toBe(3)
    expect(s.gradSum).toBe(-1)
    expect(s.gradMaxAbs).toBe(4)
    expect(s.gradMaxAt).toBe('B2')
  })

  it('has no average and no gradient for a selection without numbers', () => {
    const s = selectionStats([])
    expect(s.average).toBeNull()
    expect(s.gradCount).toBe(0)
    expect(s.gradMaxAt).toBeNull()
  })
})

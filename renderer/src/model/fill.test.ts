import { describe, expect, it } from 'vitest'
import { parseAddress } from './address'
import { fillDownPlan, fillHandlePlan, fillRightPlan, pasteRect } from './fill'
import { parseRange, rangeAddress, type Rect } from './selection'

const r = (t: string) => parseRange(t)!
const show = (p: { from: Rect; to: Rect } | null) => (p ? `${rangeAddress(p.from)}→${rangeAddress(p.to)}` : null)

describe('fill plans', () => {
  it('Ctrl+D fills from the top row, or from the row above a one-row selection', () => {
    expect(show(fillDownPlan(r('B2:C9')))).toBe('B2:C2→B2:C9')
    expect(show(fillDownPlan(r('B5:C5')))).toBe('B4:C4→B4:C5')
    expect(fillDownPlan(r('B1'))).toBeNull()
  })
  it('Ctrl+R fills from the left column, or from the column to the left', () => {
    expect(show(fillRightPlan(r('B2:E3')))).toBe('B2:B3→B2:E3')
    expect(show(fillRightPlan(r('C2')))).toBe('B2→B2:C2')
    expect(fillRightPlan(r('A2'))).toBeNull()
  })
  it('the fill handle extends down, up, right or left, whichever is farthest', () => {
    expect(show(fillHandlePlan(r('A1:A2'), parseAddress('A10')!))).toBe('A1:A2→A1:A10')
    expect(show(fillHandlePlan(r('A1:B1'), parseAddress('E2')!))).toBe('A1:B1→A1:E1')
    expect(show(fillHandlePlan(r('B5:B6'), parseAddress('B2')!))).toBe('B5:B6→B2:B6')
    expect(show(fillHandlePlan(r('D2:E2'), parseAddress('A3')!))).toBe('D2:E2→A2:E2')
    expect(show(fillHandlePlan(r('C3'), parseAddress('D4')!))).toBe('C3→C3:C4')
    expect(fillHandlePlan(r('B2:C3'), parseAddress('C3')!)).toBeNull()
    expect(fillHandlePlan(r('B2:C3'), parseAddress('B2')!)).toBeNull()
  })
})

describe('paste target', () => {
  it('tiles a selection the block divides evenly, else keeps the block size', () => {
    expect(rangeAddress(pasteRect(1, 2, r('D1:G4')))).toBe('D1:G4')
    expect(rangeAddress(pasteRect(2, 2, r('D1:F4')))).toBe('D1:E2')
    expect(rangeAddress(pasteRect(3, 1, r('D5')))).toBe('D5:D7')
  })
  it('never tiles whole rows or columns', () => {
    expect(rangeAddress(pasteRect(1, 1, r('B:B')))).toBe('B1')
    expect(rangeAddress(pasteRect(2, 1, r('3:4')))).toBe('A3:A4')
  })
})

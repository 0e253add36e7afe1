// The outlines of a typed formula's references on the shown sheet: only that sheet's
// blocks (names compared without case), as rectangles with their colour and label.
import { describe, expect, it } from 'vitest'
import { referenceOutlines } from './reference-outlines'

describe('referenceOutlines', () => {
  const blocks = [
    { sheet: 'Sheet1', from: { col: 1, row: 1 }, to: { col: 1, row: 1 }, colour: 0 },
    { sheet: 'sheet1', from: { col: 0, row: 2 }, to: { col: 2, row: 5 }, colour: 1 },
    { sheet: 'Data', from: { col: 0, row: 0 }, to: { col: 0, row: 9 }, colour: 2 },
  ]
  it('keeps the shown sheet’s blocks, whatever the case of its name', () => {
    expect(referenceOutlines(blocks, 'SHEET1').map((o) => o.colour)).toEqual([0, 1])
  })
  it('labels a single cell by its address and a block by its corners', () => {
    expect(referenceOutlines(blocks, 'Sheet1')).toEqual([
      { rect: { top: 1, left: 1, bottom: 1, right: 1 }, colour: 0, label: 'B2' },
      { rect: { top: 2, left: 0, bottom: 5, right: 2 }, colour: 1, label: 'A3:C6' },
    ])
  })
  it('draws nothing when no reference names the shown sheet', () => {
    expect(referenceOutlines(blocks, 'Other')).toEqual([])
  })
})

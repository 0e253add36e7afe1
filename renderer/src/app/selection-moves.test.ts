// The filled cells along a jump's line (Ctrl+arrow): only the line's own cells with an
// input, as rows going up or down and as columns going left or right.
import { describe, expect, it } from 'vitest'
import { filledLine } from './selection-moves'

const cells = [
  { address: 'B1', input: '1' },
  { address: 'B4', input: '=B1*2' },
  { address: 'B7', input: '' },
  { address: 'D4', input: 'x' },
  { address: 'C2', input: '3' },
]

describe('filledLine', () => {
  it('lists the rows of the column that hold an input, going up or down', () => {
    expect(filledLine(cells, { col: 1, row: 0 }, true)).toEqual([0, 3])
  })
  it('lists the columns of the row that hold an input, going left or right', () => {
    expect(filledLine(cells, { col: 0, row: 3 }, false)).toEqual([1, 3])
  })
  it('is empty on a line with no data', () => {
    expect(filledLine(cells, { col: 5, row: 0 }, true)).toEqual([])
  })
})

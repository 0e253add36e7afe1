// What Enter in the name box means for the text typed: addresses, Sheet!addresses and
// ranges go there, a workbook name goes to its cell, a new valid name names the selected
// cell, an empty box removes the name, and anything else is refused with a sentence.
import { describe, expect, it } from 'vitest'
import { nameBoxTarget } from './name-box'

const sheets = ['Sheet1', 'My data']
const names: Record<string, { sheet: string; address: string }> = { rate: { sheet: 'My data', address: 'C9' } }
const target = (text: string) => nameBoxTarget(text, sheets, (name) => names[name])

describe('nameBoxTarget', () => {
  it('goes to an address on the active sheet, or on a named sheet', () => {
    expect(target(' B4 ')).toEqual({ kind: 'cell', pos: { col: 1, row: 3 } })
    expect(target("'My data'!C2")).toEqual({ kind: 'cell', pos: { col: 2, row: 1 }, sheet: 'My data' })
  })
  it('selects a range, on the active sheet or a named one', () => {
    expect(target('A1:C4')).toEqual({ kind: 'range', rect: { top: 0, left: 0, bottom: 3, right: 2 } })
    expect(target('Sheet1!B2:B3')).toEqual({ kind: 'range', rect: { top: 1, left: 1, bottom: 2, right: 1 }, sheet: 'Sheet1' })
  })
  it('goes to a name’s cell on its sheet', () => {
    expect(target('rate')).toEqual({ kind: 'named', pos: { col: 2, row: 8 }, sheet: 'My data' })
  })
  it('names the selected cell with a new valid name, and an empty box removes the name', () => {
    expect(target('learning_rate')).toEqual({ kind: 'nameCell', name: 'learning_rate' })
    expect(target('   ')).toEqual({ kind: 'removeName' })
  })
  it('refuses with a sentence: an unknown sheet, a bad address, outside the grid, not a name', () => {
    expect(target('Nope!A1')).toEqual({ kind: 'refused', message: 'There is no sheet named “Nope”.' })
    expect(target('Sheet1!zz')).toMatchObject({ kind: 'refused', message: expect.stringContaining('is not a cell address') })
    expect(target('XFE1')).toMatchObject({ kind: 'refused', message: expect.stringContaining('outside the grid') })
    expect(target('1abc')).toMatchObject({ kind: 'refused', message: expect.stringContaining('neither a cell address nor a valid name') })
  })
})

// A new sheet's name: the next SheetN after the count, skipping names already taken.
import { describe, expect, it } from 'vitest'
import { uniqueSheetName } from './sheet-commands'

describe('uniqueSheetName', () => {
  it('counts on from the number of sheets', () => {
    expect(uniqueSheetName(['Sheet1'])).toBe('Sheet2')
    expect(uniqueSheetName(['Data', 'Model'])).toBe('Sheet3')
  })
  it('skips names already taken', () => {
    expect(uniqueSheetName(['Sheet2', 'Sheet3'])).toBe('Sheet4')
    expect(uniqueSheetName(['Sheet1', 'Sheet3', 'Sheet4'])).toBe('Sheet5')
  })
})

import { describe, expect, it } from 'vitest'
import { createEngine } from '../../../engine/index'
import { restoreDocument } from '../../../engine/workbook/index'
import { columnWidthsOf } from './column-widths'

function load(columns: unknown) {
  const text = JSON.stringify({ format: 'gradsheet', version: 1, objective: null, sheets: [{ name: 'Sheet1', cells: { A1: { input: '1' } }, columns }, { name: 'Data', cells: {} }] })
  const restored = restoreDocument(text)
  if (!restored.ok) throw new Error(restored.error)
  return createEngine(restored.doc)
}

describe('the column widths the grid receives', () => {
  it('come from the file, per sheet, only where set', () => {
    expect(columnWidthsOf(load({ B: { width: 150 } }))).toEqual({ Sheet1: { B: 150 } })
  })
  it('follow a resize, an inserted column and a reset without reading the whole document', () => {
    const e = load({ B: { width: 150 } })
    // The widths are read without building the document (which costs ~0.7 s at 100k cells).
    const widthsOf = () => {
      const whole = e.toDocument
      e.toDocument = () => { throw new Error('the widths must not be read through toDocument') }
      try {
        return columnWidthsOf(e)
      } finally {
        e.toDocument = whole
      }
    }
    e.apply([{ type: 'setColumnWidth', sheet: 'Data', column: 'C', width: 90 }])
    e.apply([{ type: 'insertColumns', sheet: 'Sheet1', at: 1, count: 1 }])
    expect(widthsOf()).toEqual({ Sheet1: { C: 150 }, Data: { C: 90 } })
    e.apply([{ type: 'setColumnWidth', sheet: 'Data', column: 'C', width: null }])
    expect(widthsOf()).toEqual({ Sheet1: { C: 150 } })
  })
})

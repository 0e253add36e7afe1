import { createRoot } from 'solid-js'
import { describe, expect, it } from 'vitest'
import type { CellView } from '../../../engine/api'
import { createSheetExtents } from './sheet-extents'

const cell = (sheet: string, address: string): CellView => ({ sheet, address, input: '1', value: { kind: 'number', value: 1 }, grad: { kind: 'none' } })

describe('how far each sheet reaches', () => {
  it('is exact after a reset and grows with edits, per sheet', () => {
    createRoot((dispose) => {
      const e = createSheetExtents()
      e.reset([cell('Sheet1', 'B3'), cell('Sheet1', 'A10'), cell('Data', 'C2')])
      expect(e.of('Sheet1')).toEqual({ rows: 10, cols: 2 })
      expect(e.of('Data')).toEqual({ rows: 2, cols: 3 })
      expect(e.of('Empty')).toEqual({ rows: 0, cols: 0 })
      e.grow(cell('Sheet1', 'D200'))
      e.publish()
      expect(e.of('Sheet1')).toEqual({ rows: 200, cols: 4 })
      e.reset([])
      expect(e.of('Sheet1')).toEqual({ rows: 0, cols: 0 })
      dispose()
    })
  })
})

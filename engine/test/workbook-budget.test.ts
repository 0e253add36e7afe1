// The per-workbook memory budget (issue 10 item 7, engine/limits.ts): all cells' vector
// and matrix values together hold at most LIMITS.workbookTensorElements numbers. A cell
// that would go past it is #VALUE! naming the budget — never an exception — and the
// file still opens; freeing room lets the cell compute again.
import { describe, expect, it } from 'vitest'
import { createEngine } from '../index'
import { LIMITS } from '../limits'
import { docOf } from './helpers'

const SIDE = 1000 // each big cell is a SIDE×SIDE matrix: a column times a row
const column = `=[${Array.from({ length: SIDE }, (_, i) => `[${i % 7}]`).join(',')}]`
const row = `=[[${Array.from({ length: SIDE }, (_, i) => i % 5).join(',')}]]`

describe('the per-workbook memory budget', () => {
  it('a tensor past the budget is an error value naming it; the workbook reopens; freeing room brings it back', () => {
    const fits = Math.floor(LIMITS.workbookTensorElements / (SIDE * SIDE))
    const cells: Record<string, string> = { A1: column, A2: row }
    // The two literals hold 2·SIDE numbers, so `fits - 1` big cells fit beside them and the last one does not.
    // C reads each big cell as one number, so the test never builds a million-number view.
    for (let k = 1; k <= fits; k++) {
      cells[`B${k}`] = `=(A1 + ${k}) * A2` // a 1000×1 by 1×1000 matrix product
      cells[`C${k}`] = `=sum(B${k})`
    }
    const engine = createEngine(docOf(cells))
    const kinds = Array.from({ length: fits }, (_, k) => engine.cell('Sheet1', `C${k + 1}`).value.kind)
    expect(kinds.filter((k) => k === 'number').length).toBe(fits - 1)
    const refused = kinds.indexOf('error') + 1
    const v = engine.cell('Sheet1', `C${refused}`).value
    expect(v.kind === 'error' && v.error.code).toBe('#VALUE!')
    expect(v.kind === 'error' && v.error.message).toContain('per-workbook memory budget')
    expect(v.kind === 'error' && v.error.message).toContain(LIMITS.workbookTensorElements.toLocaleString('en-US'))
    // The file stays openable, with the same result.
    const again = createEngine(structuredClone(engine.toDocument()))
    expect(again.cell('Sheet1', `C${refused}`).value.kind).toBe('error')
    // Clearing another big cell frees room: the refused one computes on its next recompute.
    const other = refused === 1 ? 2 : 1
    engine.apply([{ type: 'setInput', sheet: 'Sheet1', address: `B${other}`, input: '' }], { views: 'none' })
    engine.apply([{ type: 'setInput', sheet: 'Sheet1', address: `B${refused}`, input: '=(A1 + 100) * A2' }], { views: 'none' })
    expect(engine.cell('Sheet1', `C${refused}`).value.kind).toBe('number')
  })
})

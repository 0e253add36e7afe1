import { describe, expect, it } from 'vitest'
import { createEngine } from '../../../engine/index'
import { filledAlong, layoutOfPositions, layoutOfViews, loadWindow } from './load-layout'

function workbook() {
  return createEngine({
    format: 'gradsheet',
    version: 1,
    objective: 'Data!C7',
    sheets: [
      { name: 'Sheet1', cells: { A1: { input: '1' }, B3: { input: '=A1*2', name: 'double' }, D2: { input: '', param: true } } },
      { name: 'Data', cells: { C7: { input: '=double+1' }, Z9: { input: '', name: 'spare' } } },
      { name: 'Empty', cells: {} },
    ],
  } as never)
}

describe('the layout of a windowed load', () => {
  it('reads positions, extents and names from the engine without views, as the views would give them', () => {
    const engine = workbook()
    const found = engine.positions!()
    const layout = layoutOfPositions(found.positions, found.names)
    expect(layout.count).toBe(5)
    // One past the last used row and column (0-based counts): Sheet1 reaches D3, Data Z9.
    expect(layout.extents).toEqual({ Sheet1: { rows: 3, cols: 4 }, Data: { rows: 9, cols: 26 } })
    expect(layout.names).toEqual({ double: { sheet: 'Sheet1', address: 'B3' }, spare: { sheet: 'Data', address: 'Z9' } })
    const cells = (l: typeof layout) => l.positions.flatMap((p) => [...p.rows].map((r, k) => `${p.sheet}:${r},${p.cols[k]}`)).sort()
    expect(cells(layout)).toEqual(['Data:7,3', 'Data:9,26', 'Sheet1:1,1', 'Sheet1:2,4', 'Sheet1:3,2'])
    // The fallback from views agrees.
    const fromViews = layoutOfViews(engine.sheets(), engine.cells())
    expect(fromViews.extents).toEqual(layout.extents)
    expect(fromViews.names).toEqual(layout.names)
    expect(cells(fromViews)).toEqual(cells(layout))
  })

  it('answers first the top left of the first sheet, the size of the screen (at least 60 × 20) plus the margin', () => {
    expect(loadWindow('S')).toEqual({ sheet: 'S', rows: [0, 99], cols: [0, 29] })
    expect(loadWindow('S', { sheet: 'Other', rows: [500, 579], cols: [3, 32] })).toEqual({ sheet: 'S', rows: [0, 119], cols: [0, 39] })
  })
})

describe('the line of travel from the engine (Ctrl+arrow while views are owed)', () => {
  it('lists the used cells along a column or a row, 0-based and ascending, from positions or from views alike', () => {
    const engine = workbook()
    expect(filledAlong(engine, 'Sheet1', true, 0)).toEqual([0]) // column A: A1
    expect(filledAlong(engine, 'Sheet1', false, 2)).toEqual([1]) // row 3: B3
    expect(filledAlong(engine, 'Data', true, 25)).toEqual([8]) // Z9 (a named empty cell counts)
    expect(filledAlong({ cells: () => engine.cells() }, 'Sheet1', false, 1)).toEqual([3]) // row 2: D2, without Engine.positions
  })
})

// Which context menu the keyboard's menu key opens for a selection (whole columns, whole
// rows, or cells), and what the header menus offer for it.
import { describe, expect, it } from 'vitest'
import { COLUMN_COUNT, ROW_COUNT } from '../model/address'
import type { Commands } from '../app/commands'
import type { SheetView } from '../app/sheet-view'
import type { MenuEntry } from '../components/ContextMenu'
import type { Rect } from '../model/selection'
import { gridMenu, menuTargetOf } from './grid-menus'

const LAST_ROW = ROW_COUNT - 1
const LAST_COL = COLUMN_COUNT - 1
const labels = (entries: MenuEntry[]) => entries.map((e) => (e === 'separator' ? '—' : e.label))
const viewOf = (r: Rect) => ({ rect: () => r }) as unknown as SheetView
const commands = { block: {}, selectedCell: () => undefined } as unknown as Commands

describe('menuTargetOf', () => {
  it('opens the column menu on whole columns and the row menu on whole rows', () => {
    expect(menuTargetOf({ top: 0, bottom: LAST_ROW, left: 1, right: 2 })).toBe('columns')
    expect(menuTargetOf({ top: 4, bottom: 4, left: 0, right: LAST_COL })).toBe('rows')
  })
  it('opens the cell menu on a block of cells and on the whole sheet', () => {
    expect(menuTargetOf({ top: 0, bottom: 3, left: 0, right: 2 })).toBe('cell')
    expect(menuTargetOf({ top: 0, bottom: LAST_ROW, left: 0, right: LAST_COL })).toBe('cell')
  })
})

describe('gridMenu', () => {
  it('counts the rows and columns it would insert or delete', () => {
    const columns = gridMenu('columns', viewOf({ top: 0, bottom: LAST_ROW, left: 1, right: 2 }), commands, undefined)
    expect(labels(columns)).toContain('Insert 2 columns left')
    const rows = gridMenu('rows', viewOf({ top: 4, bottom: 4, left: 0, right: LAST_COL }), commands, undefined)
    expect(labels(rows)).toContain('Delete row')
  })
  it('offers Explain this cell on cells, disabled when nothing can explain', () => {
    const cell = gridMenu('cell', viewOf({ top: 0, bottom: 0, left: 0, right: 0 }), commands, undefined)
    expect(cell.find((e) => e !== 'separator' && e.label === 'Explain this cell')).toMatchObject({ disabled: true })
  })
})

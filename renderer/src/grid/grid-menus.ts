// What the grid's context menus offer: on cells, the clipboard, structure, clearing,
// naming, parameter and objective marks and "Explain this cell"; on row and column
// headers, the clipboard and structure of whole rows or columns (and widths on columns);
// and which of the three the keyboard's menu key opens for a selection.
import type { Commands } from '../app/commands'
import type { SheetView } from '../app/sheet-view'
import type { MenuEntry } from '../components/ContextMenu'
import { isWholeColumns, isWholeRows, rectSize, type Rect } from '../model/selection'

export type MenuTarget = 'cell' | 'rows' | 'columns'

/** The keyboard's context menu: the header menu for whole columns or rows, else the cell menu. */
export function menuTargetOf(r: Rect): MenuTarget {
  if (isWholeColumns(r) && !isWholeRows(r)) return 'columns'
  if (isWholeRows(r) && !isWholeColumns(r)) return 'rows'
  return 'cell'
}

const MOD = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform) ? '⌘' : 'Ctrl+'

/** Puts the caret in the name box, where typing a name and Enter names the active cell. */
function focusNameBox(): void {
  const box = document.querySelector<HTMLInputElement>('[aria-label="Name box"]')
  box?.focus()
  box?.select()
}

export function gridMenu(target: MenuTarget, view: SheetView, commands: Commands, explain: (() => void) | undefined): MenuEntry[] {
  const b = commands.block
  const r = view.rect()
  const { rows, cols } = rectSize(r)
  const clipboard: MenuEntry[] = [
    { label: 'Cut', shortcut: `${MOD}X`, run: () => void b.copy(true) },
    { label: 'Copy', shortcut: `${MOD}C`, run: () => void b.copy(false) },
    { label: 'Paste', shortcut: `${MOD}V`, run: () => void b.paste(false) },
    { label: 'Paste values', shortcut: `${MOD}Shift+V`, run: () => void b.paste(true) },
  ]
  if (target === 'columns' || (target === 'cell' && isWholeColumns(r) && !isWholeRows(r))) {
    const n = cols === 1 ? 'column' : `${cols} columns`
    return [
      ...clipboard,
      'separator',
      { label: `Insert ${n} left`, shortcut: `${MOD}Plus`, run: () => b.insert('columns') },
      { label: `Delete ${n}`, shortcut: `${MOD}Minus`, run: () => b.remove('columns') },
      { label: 'Clear', shortcut: 'Delete', run: () => b.clearSelection() },
      'separator',
      { label: 'Fit width to contents', run: () => b.autofit(r.left) },
      { label: 'Default width', run: () => b.setColumnWidth(r.left, null) },
    ]
  }
  if (target === 'rows') {
    const n = rows === 1 ? 'row' : `${rows} rows`
    return [
      ...clipboard,
      'separator',
      { label: `Insert ${n} above`, shortcut: `${MOD}Plus`, run: () => b.insert('rows') },
      { label: `Delete ${n}`, shortcut: `${MOD}Minus`, run: () => b.remove('rows') },
      { label: 'Clear', shortcut: 'Delete', run: () => b.clearSelection() },
    ]
  }
  const isParam = !!commands.selectedCell()?.param
  const rowsN = rows === 1 ? 'row' : `${rows} rows`
  const colsN = cols === 1 ? 'column' : `${cols} columns`
  return [
    ...clipboard,
    'separator',
    { label: `Insert ${rowsN} above`, run: () => b.insert('rows') },
    { label: `Insert ${colsN} left`, run: () => b.insert('columns') },
    { label: `Delete ${rowsN}`, run: () => b.remove('rows') },
    { label: `Delete ${colsN}`, run: () => b.remove('columns') },
    { label: 'Clear', shortcut: 'Delete', run: () => b.clearSelection() },
    'separator',
    { label: 'Name the cell…', run: focusNameBox },
    { label: isParam ? 'Unmark parameter' : 'Mark as parameter', run: () => commands.toggleParam() },
    { label: 'Set as objective', run: () => commands.setObjectiveToSelection() },
    'separator',
    { label: 'Explain this cell', disabled: !explain, run: () => explain?.() },
  ]
}

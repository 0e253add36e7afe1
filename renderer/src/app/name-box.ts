// The name box: what it shows (the selected cell's name, its address, or the selected
// range) and what Enter in it does. What the typed text means is decided by the pure
// nameBoxTarget (tested in Node): go to an address, Sheet!address or range, go to a
// name, name the selected cell, remove its name, or a sentence saying why not.
import type { CellPos } from '../model/address'
import { isValidNameShape, looksLikeAddress, parseAddress, splitSheetRef } from '../model/address'
import { parseRange, rectLabel, selectRect, type Rect } from '../model/selection'
import type { WorkbookStore } from '../state/workbook-store'
import type { DocumentController } from './document-controller'
import type { SheetView } from './sheet-view'

/** What Enter in the name box asks for. `sheet` absent: the active sheet. */
export type NameBoxTarget =
  | { kind: 'removeName' }
  | { kind: 'cell'; pos: CellPos; sheet?: string }
  | { kind: 'range'; rect: Rect; sheet?: string }
  /** A name of the workbook; pos null when its address does not parse (nothing happens). */
  | { kind: 'named'; pos: CellPos | null; sheet: string }
  | { kind: 'nameCell'; name: string }
  | { kind: 'refused'; message: string }

/** What the typed text means, given the workbook's sheets and names. */
export function nameBoxTarget(raw: string, sheets: readonly string[], findName: (name: string) => { sheet: string; address: string } | undefined | null): NameBoxTarget {
  const text = raw.trim()
  if (text === '') return { kind: 'removeName' }
  const ref = splitSheetRef(text)
  if (ref.sheet !== null) {
    const target = sheets.find((s) => s === ref.sheet)
    const pos = parseAddress(ref.rest)
    const range = parseRange(ref.rest)
    if (!target) return { kind: 'refused', message: `There is no sheet named “${ref.sheet}”.` }
    if (!pos && !range) return { kind: 'refused', message: `“${ref.rest}” is not a cell address (A1 … XFD1048576).` }
    return pos ? { kind: 'cell', pos, sheet: target } : { kind: 'range', rect: range!, sheet: target }
  }
  const pos = parseAddress(text)
  if (pos) return { kind: 'cell', pos }
  // edit-ui: a range (A1:C4, B:D, 2:5) selects the block.
  const range = text.includes(':') ? parseRange(text) : null
  if (range) return { kind: 'range', rect: range }
  const named = findName(text)
  if (named) return { kind: 'named', pos: parseAddress(named.address), sheet: named.sheet }
  if (looksLikeAddress(text)) return { kind: 'refused', message: `“${text}” is outside the grid: columns run A … XFD and rows 1 … 1048576.` }
  if (isValidNameShape(text)) return { kind: 'nameCell', name: text }
  return { kind: 'refused', message: `“${text}” is neither a cell address nor a valid name (letters, digits and _, not starting with a digit).` }
}

export function createNameBoxCommands(store: WorkbookStore, ctl: DocumentController, view: SheetView, selection: { selectedAddress: () => string; selectedCell: () => { name?: string | null } | undefined | null }) {
  const { selectedAddress, selectedCell } = selection

  /** What the name box shows: the cell's name, its address, or the selected range (A1:C4). */
  const selectionLabel = () => {
    const label = rectLabel(view.rect())
    return label.includes(':') ? label : (selectedCell()?.name ?? selectedAddress())
  }

  /** Name box Enter: go to an address / Sheet!address / name, or name the selected cell. False (with an alert) when refused. */
  function nameBoxEnter(raw: string): boolean {
    const sheet = view.activeSheet()
    const address = selectedAddress()
    const target = nameBoxTarget(raw, store.sheets(), store.findName)
    switch (target.kind) {
      case 'removeName':
        if (selectedCell()?.name) void ctl.act('Remove name', [{ type: 'setName', sheet, address, name: null }])
        return true
      case 'cell':
        if (target.sheet !== undefined) view.select(target.pos, target.sheet)
        else view.select(target.pos)
        return true
      case 'range':
        if (target.sheet !== undefined) view.setActiveSheet(target.sheet)
        view.setRange(selectRect(target.rect), { col: target.rect.left, row: target.rect.top })
        return true
      case 'named':
        if (target.pos) view.select(target.pos, target.sheet)
        return true
      case 'nameCell':
        void ctl.act(`Name ${address}`, [{ type: 'setName', sheet, address, name: target.name }])
        return true
      case 'refused':
        ctl.setAlert(target.message)
        return false
    }
  }

  return { selectionLabel, nameBoxEnter }
}

// Moving the selection by the keyboard: an arrow, a jump over data (Ctrl+arrow, Excel's
// rule in model/navigation.ts) and the corner's jump (Ctrl+Shift+arrow). A jump needs
// the filled cells along its line: from the store when it holds every cell, else
// (appscale: a large load or edit still streaming in) from the engine, jumps kept in
// key order.
import { cellKey, formatAddress, parseAddress, type CellPos } from '../model/address'
import { jump, move, type Direction } from '../model/navigation'
import { extendJump } from '../model/selection'
import type { WorkbookStore } from '../state/workbook-store'
import type { DocumentController } from './document-controller'
import type { SheetView } from './sheet-view'

/** The rows (vertical) or columns along `pos`'s line that hold an input, from a sheet's cells. Pure. */
export function filledLine(cells: Iterable<{ address: string; input: string }>, pos: CellPos, vertical: boolean): number[] {
  const line: number[] = []
  for (const c of cells) {
    if (c.input === '') continue
    const p = parseAddress(c.address)
    if (!p) continue
    if (vertical && p.col === pos.col) line.push(p.row)
    if (!vertical && p.row === pos.row) line.push(p.col)
  }
  return line
}

export function createSelectionMoves(store: WorkbookStore, ctl: DocumentController, view: SheetView) {
  function moveSelection(dir: Direction): void {
    view.select(move(view.selection(), dir))
  }

  function jumpSelection(dir: Direction): void {
    whenDataKnown(() => view.selection(), dir, (filled, line) => view.select(jump(view.selection(), dir, filled, line)))
  }

  /** Ctrl+Shift+arrow: the selection's corner jumps over data. */
  function extendJumpSelection(dir: Direction): void {
    whenDataKnown(() => view.range().corner, dir, (filled, line) => view.setRange(extendJump(view.range(), dir, filled, line)))
  }

  // appscale (windowed views): while the store does not hold every cell (a large load or
  // edit still streaming in), the line of travel comes from the engine; jumps stay in key order.
  let jumps: Promise<void> = Promise.resolve()
  let jumpsPending = 0
  function whenDataKnown(from: () => CellPos, dir: Direction, go: (filled: (p: CellPos) => boolean, line: number[]) => void): void {
    if (store.complete() && jumpsPending === 0) {
      const { filled, line } = dataAlong(from(), dir)
      return go(filled, line)
    }
    const sheet = view.activeSheet()
    const vertical = dir === 'up' || dir === 'down'
    jumpsPending++
    jumps = jumps.then(async () => {
      const pos = from()
      const line = await ctl.filledAlong(sheet, vertical, vertical ? pos.col : pos.row)
      jumpsPending--
      if (line === null || view.activeSheet() !== sheet) return
      const set = new Set(line)
      go((p) => set.has(vertical ? p.row : p.col), line)
    })
  }

  /** The filled cells along the line of travel from `pos` (navigation.jump's inputs). */
  function dataAlong(pos: CellPos, dir: Direction): { filled: (p: CellPos) => boolean; line: number[] } {
    const sheet = view.activeSheet()
    const vertical = dir === 'up' || dir === 'down'
    const filled = (p: CellPos) => (store.cellAt(cellKey(sheet, formatAddress(p)))?.input ?? '') !== ''
    return { filled, line: filledLine(store.cellsOfSheet(sheet), pos, vertical) }
  }

  return { moveSelection, jumpSelection, extendJumpSelection }
}

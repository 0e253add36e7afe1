// The block-editing keys on the grid (model/key-actions.ts decides what a key means;
// this performs it): extend the selection, select all, fill, paste values, Ctrl+End,
// insert and delete, the context menu. Returns false for actions it does not own, so
// Grid.tsx keeps the plain ones (move, edit, undo, …).
import type { Commands } from '../app/commands'
import type { SheetView } from '../app/sheet-view'
import type { GridKeyAction } from '../model/key-actions'
import type { CellPos } from '../model/address'
import { move } from '../model/navigation'
import { extendBy, extendTo, isWholeColumns, isWholeRows, selectColumns, selectRows } from '../model/selection'

export function runBlockKey(action: GridKeyAction, view: SheetView, commands: Commands, openMenu: () => void, pageRows: () => number): boolean {
  const b = commands.block
  const extendCorner = (to: CellPos) => view.setRange(extendTo(view.range(), to))
  switch (action.type) {
    case 'page':
      if (!action.extend) return false
      extendCorner(move(view.range().corner, action.dir, pageRows()))
      return true
    case 'home':
      if (!action.extend) return false
      extendCorner(action.toOrigin ? { col: 0, row: 0 } : { col: 0, row: view.range().corner.row })
      return true
    case 'extend': view.setRange(extendBy(view.range(), action.dir)); return true
    case 'extendJump': commands.extendJumpSelection(action.dir); return true
    case 'selectAll': commands.selectAll(); return true
    // The active cell stays where it is, as in Excel.
    case 'selectColumn': view.setRange({ ...selectColumns(view.range(), view.selection().col, false), active: view.selection() }, null); return true
    case 'selectRow': view.setRange({ ...selectRows(view.range(), view.selection().row, false), active: view.selection() }, null); return true
    case 'fill': if (action.dir === 'down') b.fillDown(); else b.fillRight(); return true
    case 'pasteValues': void b.paste(true); return true
    case 'end':
      if (action.extend) extendCorner(b.lastUsed())
      else b.goToEnd()
      return true
    case 'insert': b.insert(); return true
    case 'delete': {
      const r = view.rect()
      // Plain Ctrl+Minus deletes whole rows or columns; with cells selected it stays zoom out.
      if (action.wholeOnly && !isWholeRows(r) && !isWholeColumns(r)) {
        view.zoomBy(-1)
        return true
      }
      b.remove()
      return true
    }
    case 'contextMenu': openMenu(); return true
    case 'escape':
      if (!b.clipboardSource()) return false
      b.dismissClipboard()
      return true
    case 'move':
      if (action.via) {
        commands.moveAfterCommit(action.dir)
        return true
      }
      return false
    default: return false
  }
}

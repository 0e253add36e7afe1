// The keys on the grid (model/key-actions.ts decides what a key means; this performs
// it). runGridKey is the grid's keydown: the block-editing keys first (runBlockKey:
// extend the selection, select all, fill, paste values, Ctrl+End, insert and delete, the
// context menu), then the plain ones (move, jump, page, Home, edit, type, clear, undo,
// the clipboard).
import type { Commands } from '../app/commands'
import type { SheetView } from '../app/sheet-view'
import { gridKeyAction, type GridKeyAction } from '../model/key-actions'
import type { CellPos } from '../model/address'
import { move } from '../model/navigation'
import { extendBy, extendTo, isWholeColumns, isWholeRows, selectColumns, selectRows } from '../model/selection'

/** A key pressed on the grid itself (not in an editor inside it): performs it and keeps the browser from acting on it too. */
export function runGridKey(e: KeyboardEvent, view: SheetView, commands: Commands, openMenu: () => void, pageRows: () => number): void {
  const action = gridKeyAction(e)
  if (runBlockKey(action, view, commands, openMenu, pageRows)) return void e.preventDefault()
  switch (action.type) {
    case 'none': return
    case 'move': commands.moveSelection(action.dir); break
    case 'jump': commands.jumpSelection(action.dir); break
    case 'page': view.select(move(view.selection(), action.dir, pageRows())); break
    default: return
    case 'home': view.select(action.toOrigin ? { col: 0, row: 0 } : { col: 0, row: view.selection().row }); break
    case 'edit': commands.beginEdit('cell'); break
    case 'startTyping': commands.beginEdit('cell', action.text); break
    case 'clear': commands.clearSelected(); break
    case 'undo': commands.undo(); break
    case 'redo': commands.redo(); break
    case 'clipboard': commands.runMenuCommand(action.command); break
  }
  e.preventDefault()
}

/** The block-editing keys; false for actions it does not own (runGridKey performs those). */
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

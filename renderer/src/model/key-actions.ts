// What a key press on the grid (not editing) means. Pure, so it is unit-tested; the
// grid component only performs the returned action.
import type { Direction } from './navigation'

export interface KeyInput {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

export type GridKeyAction =
  /** `via`: Tab or Enter, which follow the Tab run (model/tab-run.ts). */
  | { type: 'move'; dir: Direction; via?: 'tab' | 'enter' }
  /** Shift+arrow / Ctrl+Shift+arrow: the selection's corner moves / jumps over data. */
  | { type: 'extend'; dir: Direction }
  | { type: 'extendJump'; dir: Direction }
  | { type: 'selectAll' }
  /** Ctrl+Space / Shift+Space: the active cell's whole column / row (Excel's keys). */
  | { type: 'selectColumn' }
  | { type: 'selectRow' }
  /** Ctrl+D / Ctrl+R. */
  | { type: 'fill'; dir: 'down' | 'right' }
  | { type: 'pasteValues' }
  /** Ctrl+End: the last used cell. */
  | { type: 'end'; extend?: true }
  /** Ctrl+Plus / Ctrl+Minus; `wholeOnly`: only when whole rows or columns are selected (else the key zooms). */
  | { type: 'insert' }
  | { type: 'delete'; wholeOnly: boolean }
  /** Shift+F10 or the ContextMenu key. */
  | { type: 'contextMenu' }
  /** Escape (not editing): dismiss the copied block's outline. */
  | { type: 'escape' }
  | { type: 'jump'; dir: Direction }
  /** `extend` (Shift held): the selection's corner moves instead of the selection. */
  | { type: 'page'; dir: 'up' | 'down'; extend?: true }
  | { type: 'home'; toOrigin: boolean; extend?: true }
  | { type: 'edit' }
  | { type: 'startTyping'; text: string }
  | { type: 'clear' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'clipboard'; command: 'copy' | 'cut' | 'paste' }
  | { type: 'none' }

const ARROWS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' }

/** Shift+PageDown, Shift+Home, Ctrl+Shift+End …: the same move, extending the selection. */
function shifted<T extends GridKeyAction>(action: T, e: KeyInput): T {
  return e.shiftKey ? { ...action, extend: true } : action
}

export function gridKeyAction(e: KeyInput): GridKeyAction {
  const mod = e.ctrlKey || e.metaKey
  const key = e.key
  if (mod && !e.altKey) {
    const k = key.toLowerCase()
    if (k === 'z') return e.shiftKey ? { type: 'redo' } : { type: 'undo' }
    if (k === 'y') return { type: 'redo' }
    if (k === 'c' && !e.shiftKey) return { type: 'clipboard', command: 'copy' }
    if (k === 'x' && !e.shiftKey) return { type: 'clipboard', command: 'cut' }
    if (k === 'v' && !e.shiftKey) return { type: 'clipboard', command: 'paste' }
    if (k === 'v' && e.shiftKey) return { type: 'pasteValues' }
    if (k === 'a' && !e.shiftKey) return { type: 'selectAll' }
    if (key === ' ' && !e.shiftKey) return { type: 'selectColumn' }
    if (k === 'd' && !e.shiftKey) return { type: 'fill', dir: 'down' }
    if (k === 'r' && !e.shiftKey) return { type: 'fill', dir: 'right' }
    if (ARROWS[key]) return e.shiftKey ? { type: 'extendJump', dir: ARROWS[key] } : { type: 'jump', dir: ARROWS[key] }
    if (key === 'Home') return shifted({ type: 'home', toOrigin: true }, e)
    if (key === 'End') return shifted({ type: 'end' }, e)
    // Ctrl+Plus is Ctrl+Shift+= on most layouts (or the keypad's +).
    if (key === '+') return { type: 'insert' }
    if (key === '-' || key === '_') return { type: 'delete', wholeOnly: !e.shiftKey }
    return { type: 'none' }
  }
  if (mod && e.altKey) {
    // Google Sheets' Ctrl+Alt+= / Ctrl+Alt+-: always insert / delete.
    if (key === '=' || key === '+') return { type: 'insert' }
    if (key === '-' || key === '_') return { type: 'delete', wholeOnly: false }
    return { type: 'none' }
  }
  if ((key === 'F10' && e.shiftKey) || key === 'ContextMenu') return { type: 'contextMenu' }
  if (key === ' ' && e.shiftKey && !e.altKey) return { type: 'selectRow' }
  if (key === 'Escape') return { type: 'escape' }
  if (ARROWS[key]) return e.shiftKey ? { type: 'extend', dir: ARROWS[key] } : { type: 'move', dir: ARROWS[key] }
  switch (key) {
    case 'Enter': return { type: 'move', dir: e.shiftKey ? 'up' : 'down', via: 'enter' }
    case 'Tab': return { type: 'move', dir: e.shiftKey ? 'left' : 'right', via: 'tab' }
    case 'F2': return { type: 'edit' }
    case 'Delete':
    case 'Backspace': return { type: 'clear' }
    case 'PageDown': return shifted({ type: 'page', dir: 'down' }, e)
    case 'PageUp': return shifted({ type: 'page', dir: 'up' }, e)
    case 'Home': return shifted({ type: 'home', toOrigin: false }, e)
  }
  // A printable character starts editing with that character (replacing the input).
  if (key.length === 1 && !e.altKey) return { type: 'startTyping', text: key }
  return { type: 'none' }
}

/** While editing in a cell: which keys commit (and where the selection goes), or cancel. */
export type EditKeyAction = { type: 'commit'; then: Direction } | { type: 'cancel' } | { type: 'none' }

export function editKeyAction(e: KeyInput): EditKeyAction {
  if (e.key === 'Enter' && !e.altKey) return { type: 'commit', then: e.shiftKey ? 'up' : 'down' }
  if (e.key === 'Tab') return { type: 'commit', then: e.shiftKey ? 'left' : 'right' }
  if (e.key === 'Escape') return { type: 'cancel' }
  return { type: 'none' }
}

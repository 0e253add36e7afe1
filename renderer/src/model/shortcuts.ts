// The page's keyboard shortcuts for toolbar commands, as data: the one table the key
// handler dispatches from, the toolbar's tooltips quote, and docs/ui.md lists. Pure.
import type { KeyInput } from './key-actions'

export type ShortcutCommand =
  | 'newWorkbook' | 'open' | 'save' | 'saveAs' | 'exportAs' | 'undo' | 'redo'
  | 'setObjective' | 'toggleParam' | 'toggleTraining' | 'toggleData' | 'toggleSensitivity' | 'toggleGraph' | 'toggleGradients'
  | 'zoomIn' | 'zoomOut' | 'zoomReset' | 'formulaReference' | 'nextRegion' | 'previousRegion'

export interface Shortcut {
  command: ShortcutCommand
  /** As shown to the user: "Ctrl+Alt+J" (Cmd for Ctrl on macOS). */
  keys: string
  /** Also while typing in a text field (the region keys and help). */
  inFields: boolean
  /** What it does, in the Help menu's list of shortcuts. */
  what: string
  /** Handled by an existing handler elsewhere (listed here so docs and tooltips agree). */
  elsewhere?: boolean
}

export const SHORTCUTS: Shortcut[] = [
  { command: 'newWorkbook', keys: 'Ctrl+Alt+N', what: 'a new, empty workbook (the desktop menu’s Ctrl+N opens a window)', inFields: false },
  { command: 'open', keys: 'Ctrl+O', what: 'open a workbook', inFields: true, elsewhere: true },
  { command: 'save', keys: 'Ctrl+S', what: 'save', inFields: true, elsewhere: true },
  { command: 'saveAs', keys: 'Ctrl+Shift+S', what: 'save under a new name', inFields: true, elsewhere: true },
  { command: 'exportAs', keys: 'Ctrl+Shift+E', what: 'export as a PyTorch or NumPy module, or an Excel workbook', inFields: false },
  { command: 'undo', keys: 'Ctrl+Z', what: 'undo', inFields: false, elsewhere: true },
  { command: 'redo', keys: 'Ctrl+Y', what: 'redo', inFields: false, elsewhere: true },
  { command: 'setObjective', keys: 'Ctrl+Alt+J', what: 'make the selected cell the objective J', inFields: false },
  { command: 'toggleParam', keys: 'Ctrl+Alt+P', what: 'mark / unmark the selected cell as a parameter', inFields: false },
  { command: 'toggleTraining', keys: 'Ctrl+Alt+R', what: 'open / close the training panel', inFields: false },
  { command: 'toggleData', keys: 'Ctrl+Alt+I', what: 'open / close the CSV data panel', inFields: false },
  { command: 'toggleSensitivity', keys: 'Ctrl+Alt+S', what: 'open / close the sensitivity panel', inFields: false },
  { command: 'toggleGraph', keys: 'Ctrl+Alt+G', what: 'show / hide the graph', inFields: false },
  { command: 'toggleGradients', keys: 'Ctrl+Alt+D', what: 'show / hide ∂J/∂cell in the grid', inFields: false },
  { command: 'zoomIn', keys: 'Ctrl+=', what: 'zoom in', inFields: false, elsewhere: true },
  { command: 'zoomOut', keys: 'Ctrl+-', what: 'zoom out', inFields: false, elsewhere: true },
  { command: 'zoomReset', keys: 'Ctrl+0', what: 'reset the zoom', inFields: false, elsewhere: true },
  { command: 'formulaReference', keys: 'Shift+F1', what: 'open / close the formula reference', inFields: true },
  { command: 'nextRegion', keys: 'F6', what: 'focus the next region', inFields: true },
  { command: 'previousRegion', keys: 'Shift+F6', what: 'focus the previous region', inFields: true },
]

/** The keys of a command, for a tooltip: "Ctrl+Alt+J". */
export function keysOf(command: ShortcutCommand): string {
  return SHORTCUTS.find((s) => s.command === command)?.keys ?? ''
}

/** Whether a key press is the shortcut written `keys` (Ctrl also matches Cmd). */
export function matches(keys: string, e: KeyInput): boolean {
  const parts = keys.split('+')
  // "Ctrl+=" splits into ["Ctrl", "="]; "Ctrl++" would not occur.
  const key = parts[parts.length - 1]
  const want = new Set(parts.slice(0, -1))
  if (want.has('Ctrl') !== (e.ctrlKey || e.metaKey)) return false
  if (want.has('Alt') !== e.altKey) return false
  if (want.has('Shift') !== e.shiftKey) return false
  // With Alt held, e.key may be a composed character: compare letters case-insensitively via the key itself.
  return e.key.toLowerCase() === key.toLowerCase()
}

/** The page-handled command a key press asks for, or null. */
export function shortcutFor(e: KeyInput, inField: boolean): ShortcutCommand | null {
  for (const s of SHORTCUTS) {
    if (s.elsewhere || (inField && !s.inFields)) continue
    if (matches(s.keys, e)) return s.command
  }
  return null
}

// The keyboard shortcuts the Help menu lists (data; the handlers live with the grid, the
// app and the graph view).
import { SHORTCUTS as COMMAND_SHORTCUTS } from '../model/shortcuts'
export const SHORTCUTS: { keys: string; what: string }[] = [
  { keys: 'Arrow keys', what: 'move the selection' },
  { keys: 'Type', what: 'start editing the selected cell (replaces its input)' },
  { keys: 'F2', what: 'edit the selected cell, keeping its input' },
  { keys: 'Enter / Shift+Enter', what: 'commit and move down / up' },
  { keys: 'Tab / Shift+Tab', what: 'commit and move right / left' },
  { keys: 'Escape', what: 'cancel the edit' },
  { keys: 'Delete, Backspace', what: 'clear the selected cell' },
  { keys: 'Page Up / Page Down, Home', what: 'move by a screen, to the row start' },
  { keys: 'Ctrl+Z / Ctrl+Y (Ctrl+Shift+Z)', what: 'undo / redo' },
  { keys: 'Ctrl+S / Ctrl+Shift+S / Ctrl+O', what: 'save / save as / open' },
  { keys: 'Ctrl+V', what: 'paste a block copied from another spreadsheet' },
  { keys: 'Ctrl+= / Ctrl+− / Ctrl+0', what: 'zoom the grid in / out / reset' },
  { keys: 'F6 / Shift+F6', what: 'move the focus: grid → formula bar → name box → toolbar → open panels (the graph: its selected node)' },
  { keys: 'Shift+Tab on column A', what: 'leave the grid for the formula bar (Tab and Shift+Tab then walk every control)' },
  // formula-ui: typing formulas and the toolbar's own shortcuts (model/shortcuts.ts has the table the keys run from).
  { keys: 'Click, arrows while typing a formula', what: 'insert the cell’s reference at the caret (Shift/drag: a range; a sheet tab: Sheet2!A1)' },
  { keys: 'F4', what: 'cycle $A$1 → A$1 → $A1 → A1 on the reference at the caret' },
  { keys: 'Up / Down, Tab or Enter, Escape', what: 'choose, accept, close a completion while typing a formula' },
  ...COMMAND_SHORTCUTS.filter((s) => !s.elsewhere && !s.keys.includes('F6')).map((s) => ({ keys: s.keys, what: s.what })),
  { keys: 'Arrow keys (graph)', what: 'walk the graph: → a cell that uses this one, ← one it reads, ↑ ↓ the same layer' },
  { keys: 'Enter (graph)', what: 'open the chain-rule inspector of the focused node' },
  { keys: 'Space or click (graph)', what: 'expand a stacked node into its rows' },
  { keys: 'Ctrl+wheel / wheel (graph)', what: 'zoom the graph / pan it' },
]

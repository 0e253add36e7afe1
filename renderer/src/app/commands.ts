// The user's commands, shared by the toolbar, the keyboard, the name box and the host's
// menus (bridge.onMenuCommand), so each behaves the same wherever it is invoked. This
// file gathers them into the one Commands object and routes the host's menu commands;
// each family lives in its own module: editing a cell (cell-edit-commands.ts), moving
// the selection (selection-moves.ts), the name box (name-box.ts), sheets
// (sheet-commands.ts), files (file-commands.ts) and blocks of cells (block-commands.ts).
// Here too: the objective and parameter marks, undo and redo.
import type { GradsheetBridge, MenuCommand } from '../../../bridge/api'
import { parseAddress, quoteSheet } from '../model/address'
import type { HistoryEntry } from '../model/history'
import { setReferenceOpen } from '../formula-help/reference-state'
import { setExportAsOpen } from '../components/export-as' // app-export
import { selectAll, type Selection } from '../model/selection'
import { createBlockCommands } from './block-commands'
import { createCellEditCommands } from './cell-edit-commands'
import { createFileCommands } from './file-commands'
import { createNameBoxCommands } from './name-box'
import { createSelectionMoves } from './selection-moves'
import { createSheetCommands } from './sheet-commands'
import type { WorkbookStore } from '../state/workbook-store'
import type { DocumentController } from './document-controller'
import type { SheetView } from './sheet-view'

export type Commands = ReturnType<typeof createCommands>

export function createCommands(store: WorkbookStore, ctl: DocumentController, view: SheetView, bridge: GradsheetBridge) {
  const editing = createCellEditCommands(store, ctl, view)
  const { selectedAddress } = editing
  // edit-ui: block commands (clear, clipboard, fill, structure, widths) and the Tab run.
  const block = createBlockCommands(store, ctl, view)

  /** Delete: clears the whole selection (one clearCells edit, one undo step). */
  function clearSelected(): void {
    block.clearSelection()
  }

  function setObjectiveToSelection(): void {
    const ref = `${quoteSheet(view.activeSheet())}!${selectedAddress()}`
    void ctl.act('Set objective', [{ type: 'setObjective', ref }])
  }

  function toggleParam(): void {
    const sheet = view.activeSheet()
    const address = selectedAddress()
    const param = !(store.cell(sheet, address)?.param ?? false)
    void ctl.act(param ? 'Mark parameter' : 'Unmark parameter', [{ type: 'setParam', sheet, address, param }])
  }

  async function afterStep(entry: Promise<HistoryEntry | null>): Promise<void> {
    const done = await entry
    // Show where the change happened: the first cell the action touched.
    const first = done?.forward.find((e) => e.type === 'setInput' || e.type === 'setName' || e.type === 'setParam')
    if (first && 'address' in first) {
      const pos = parseAddress(first.address)
      if (pos && store.sheets().includes(first.sheet)) view.select(pos, first.sheet)
    }
  }

  const commands = {
    ...editing,
    ...createSelectionMoves(store, ctl, view),
    extendSelection: (next: Selection) => view.setRange(next),
    selectAll: () => view.setRange(selectAll(view.range()), view.selection()),
    ...createNameBoxCommands(store, ctl, view, editing),
    block,
    clearSelected,
    setObjectiveToSelection,
    toggleParam,
    ...createSheetCommands(store, ctl, view),
    undo: () => void afterStep(ctl.undo()),
    redo: () => void afterStep(ctl.redo()),
    ...createFileCommands(ctl, bridge),
    toggleGradients: () => void view.setShowGradients((v) => !v),
  }

  function runMenuCommand(cmd: MenuCommand): void {
    if (typeof cmd === 'object') {
      if ('example' in cmd) commands.openExample(cmd.example)
      else commands.openRecent(cmd.openRecent)
      return
    }
    switch (cmd) {
      case 'new': return commands.newWorkbook()
      case 'open': return commands.open()
      case 'save': return commands.save()
      case 'saveAs': return commands.saveAs()
      case 'undo': return commands.undo()
      case 'redo': return commands.redo()
      case 'delete': return void clearSelected()
      case 'selectAll': return commands.selectAll()
      case 'toggleGradients': return commands.toggleGradients()
      case 'zoomIn': return view.zoomBy(1)
      case 'zoomOut': return view.zoomBy(-1)
      case 'zoomReset': return view.zoomBy(0)
      case 'copy': return void block.copy(false)
      case 'paste': return void block.paste(false)
      case 'cut': return void block.copy(true)
      case 'exportAs': return void setExportAsOpen(true) // app-export: File → Export as…
      case 'formulaReference': return void setReferenceOpen(true) // formula-ui: Help › Formula Reference (F1)
      case 'close':
      case 'about':
      case 'toggleGraph':
      case 'exportGraphSvg':
      case 'exportGraphPng':
        // Handled by the host (close, dialogs), by the graph panel (renderer/src/graph), or not applicable to a single-cell selection.
        return
    }
  }

  return { ...commands, runMenuCommand }
}

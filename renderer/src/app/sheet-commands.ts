// The sheet tabs' commands: add a sheet (the next free SheetN name), rename one (the view
// follows a renamed active sheet), delete one after asking (never the last). Each is one
// undoable action.
import type { WorkbookStore } from '../state/workbook-store'
import type { DocumentController } from './document-controller'
import type { SheetView } from './sheet-view'

/** The next SheetN not taken, counting on from the number of sheets. Pure. */
export function uniqueSheetName(sheets: readonly string[]): string {
  const taken = new Set(sheets)
  let n = sheets.length + 1
  while (taken.has(`Sheet${n}`)) n++
  return `Sheet${n}`
}

export function createSheetCommands(store: WorkbookStore, ctl: DocumentController, view: SheetView) {
  async function addSheet(): Promise<void> {
    const name = uniqueSheetName(store.sheets())
    if (await ctl.act(`Add ${name}`, [{ type: 'addSheet', name }])) view.select({ col: 0, row: 0 }, name)
  }

  async function renameSheet(from: string, to: string): Promise<void> {
    const name = to.trim()
    if (name === '' || name === from) return
    // Read before the edit: once the sheets change, the view falls back to the first one.
    const wasActive = view.activeSheet() === from
    if (await ctl.act(`Rename ${from}`, [{ type: 'renameSheet', from, to: name }]) && wasActive) view.setActiveSheet(name)
  }

  function deleteSheet(name: string): void {
    if (store.sheets().length <= 1) return void ctl.setAlert('A workbook keeps at least one sheet.')
    if (!window.confirm(`Delete sheet “${name}”? You can undo this.`)) return
    void ctl.act(`Delete ${name}`, [{ type: 'deleteSheet', name }])
  }

  return { addSheet, renameSheet, deleteSheet }
}

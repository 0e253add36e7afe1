// The commands that replace or write the workbook: New, Open…, an example, Open Recent,
// Save and Save As. Replacing asks first when there is unsaved work (Undo cannot bring a
// replaced workbook back: document-session.ts mustAskBeforeReplacing), and a file the
// host could not read replaces nothing (document-session.ts fetchThenLoad).
import type { GradsheetBridge, OpenedFile } from '../../../bridge/api'
import type { DocumentController } from './document-controller'
import { UNTITLED, fetchThenLoad } from './document-session'

/** A new workbook: one empty sheet, no objective (the engine's restore step reads it). */
const BLANK = JSON.stringify({ format: 'gradsheet', version: 1, objective: null, sheets: [{ name: 'Sheet1', cells: {} }] })

export function createFileCommands(ctl: DocumentController, bridge: GradsheetBridge) {
  /**
   * Asks before anything that replaces the workbook (New, Open…, Open Recent, an example)
   * throws away unsaved work: Undo cannot bring a replaced workbook back. The decision is
   * document-session.ts mustAskBeforeReplacing.
   */
  function mayDiscard(): boolean {
    return !ctl.mustAskBeforeReplacing() || window.confirm(`${ctl.doc().name} has unsaved changes. Discard them?`)
  }

  /** recent gone helper: a file the host could not read replaces nothing (document-session.ts fetchThenLoad). */
  async function openWith(fetchFile: () => Promise<OpenedFile | null>): Promise<void> {
    if (!mayDiscard()) return
    await fetchThenLoad(fetchFile, (file) => ctl.open(file), (message) => ctl.setAlert(message))
  }

  return {
    newWorkbook: () => void openWith(async () => ({ name: UNTITLED, path: null, text: BLANK })),
    open: () => void openWith(() => bridge.showOpenDialog()),
    openExample: (id: string) => void openWith(() => bridge.openExample(id)),
    // recent gone helper: read first, then ask about unsaved work, so a recent file that was moved or deleted asks nothing.
    openRecent: (path: string) => void fetchThenLoad(() => bridge.openPath(path), (file) => ctl.open(file), (message) => ctl.setAlert(message), mayDiscard),
    save: () => void ctl.save(),
    saveAs: () => void ctl.saveAs(),
  }
}

// The bridge's window-aware side in the desktop app (ipc-handlers.ts BridgeHost): the
// native open, save and export dialogs, attached to the window that asked and starting in
// its file's folder; the file a window shows and its state (workbook-windows.ts); the
// recent list's menu; each window's backups (window-backups.ts).
import { app, dialog, type SaveDialogOptions } from 'electron'
import { basename, dirname } from 'node:path'
import type { DocumentIdentity, WorkbookExportKind } from '../../bridge/api'
import type { BridgeService, Reply } from '../../node/bridge-service'
import { exportDialogOptions, openDialogOptions, saveDialogOptions, withSuggestedExtension, withWorkbookExtension, workbookExportDialogOptions } from './dialog-options'
import type { BridgeHost } from './ipc-handlers'
import { writeWindowBackup } from './window-backups'
import type { WorkbookWindow, WorkbookWindows } from './workbook-windows'

export interface DesktopBridgeHostOptions {
  /** The bridge service (created once the app is ready). */
  service: () => BridgeService
  windows: WorkbookWindows
  dataFolder: () => string
  refreshMenu: () => Promise<void>
}

export function createDesktopBridgeHost({ service, windows, dataFolder, refreshMenu }: DesktopBridgeHostOptions): BridgeHost {
  const { stateOf } = windows
  /** Where a dialog starts: the folder of the window's file, else Documents. */
  const startFolder = (state: WorkbookWindow | undefined) => (state?.path ? dirname(state.path) : app.getPath('documents'))
  /** The save dialog, attached to the window that asked when it is still open. */
  const showSaveDialog = (state: WorkbookWindow | undefined, options: SaveDialogOptions) => (state ? dialog.showSaveDialog(state.window, options) : dialog.showSaveDialog(options))

  return {
    get service() {
      return service()
    },
    async initialFile(sender: unknown) {
      return stateOf(sender)?.initial ?? { ok: true as const, value: null }
    },
    async chooseFileToOpen(sender: unknown) {
      const state = stateOf(sender)
      const options = openDialogOptions(startFolder(state))
      const result = state ? await dialog.showOpenDialog(state.window, options) : await dialog.showOpenDialog(options)
      return result.canceled || !result.filePaths[0] ? null : result.filePaths[0]
    },
    async chooseFileToSave(sender: unknown, suggestedName: string) {
      const state = stateOf(sender)
      const result = await showSaveDialog(state, saveDialogOptions(startFolder(state), suggestedName))
      if (result.canceled || !result.filePath) {
        // A Save As cancelled from the close question means: keep the window open after all.
        if (state) state.closeAfterSave = false
        return null
      }
      return withWorkbookExtension(result.filePath)
    },
    async chooseExportPath(sender: unknown, suggestedName: string) {
      const state = stateOf(sender)
      const result = await showSaveDialog(state, exportDialogOptions(startFolder(state), suggestedName))
      return result.canceled || !result.filePath ? null : withSuggestedExtension(result.filePath, suggestedName)
    },
    async chooseWorkbookExportPath(sender: unknown, kind: WorkbookExportKind, suggestedName: string) {
      const state = stateOf(sender)
      const result = await showSaveDialog(state, workbookExportDialogOptions(startFolder(state), kind, suggestedName))
      return result.canceled || !result.filePath ? null : result.filePath
    },
    documentLocated(sender: unknown, path: string) {
      const state = stateOf(sender)
      if (state) {
        state.path = path
        state.name = basename(path)
      }
      void refreshMenu()
    },
    recentChanged() {
      void refreshMenu()
    },
    setDocumentState(sender: unknown, next: { name: string; modified: boolean }) {
      windows.setDocumentState(sender, next)
    },
    writeBackup(sender: unknown, document: DocumentIdentity, text: string | null): Promise<Reply<null>> {
      return writeWindowBackup(windows, service(), dataFolder(), sender, document, text)
    },
  }
}

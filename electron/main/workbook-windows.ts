// The workbook windows and what the main process knows about each: the file it shows,
// whether it has unsaved work, the documents whose backups it owns. Opening one (secure
// options, the app origin, the title kept ours and following the page's document state),
// asking before unsaved work is closed (close-guard.ts) and closing once it is saved, and
// removing a window's backups when it closes on purpose.
import { BrowserWindow, dialog, type WebContents } from 'electron'
import type { OpenedFile } from '../../bridge/api'
import type { BridgeService, Reply } from '../../node/bridge-service'
import { removeDocumentBackup } from '../../node/document-backups.ts'
import { documentTitle } from '../../bridge/document-title'
import { APP_ENTRY_URL } from './app-origin'
import { closeChoice, unsavedChangesQuestion } from './close-guard'
import { IPC } from './ipc-channels'
import { workbookWindowOptions } from './window-options'

/** What the main process knows about each workbook window. */
export interface WorkbookWindow {
  window: BrowserWindow
  initial: Reply<OpenedFile | null>
  /** Ids of the documents this window has shown (one backup each, node/document-backups.ts). */
  documentIds: Set<string>
  path: string | null
  name: string
  modified: boolean
  closeApproved: boolean
  closeAfterSave: boolean
}

export interface WorkbookWindowsOptions {
  preloadPath: string
  dataFolder: () => string
  /** The bridge service (created once the app is ready). */
  service: () => BridgeService
}

export type WorkbookWindows = ReturnType<typeof createWorkbookWindows>

export function createWorkbookWindows({ preloadPath, dataFolder, service }: WorkbookWindowsOptions) {
  const windows = new Map<number, WorkbookWindow>()
  /** Document id → the window it belongs to: no window may write another's backup. */
  const documentOwners = new Map<string, number>()

  /** The window an IPC message came from (undefined: a window that has closed, or none of ours). */
  function stateOf(sender: unknown): WorkbookWindow | undefined {
    const window = BrowserWindow.fromWebContents(sender as WebContents)
    return window ? windows.get(window.id) : undefined
  }

  function createWorkbookWindow(initial: Reply<OpenedFile | null>): BrowserWindow {
    const window = new BrowserWindow(workbookWindowOptions(preloadPath))
    const opened = initial.ok ? initial.value : null
    const state: WorkbookWindow = {
      window,
      initial,
      documentIds: new Set(),
      path: opened?.path ?? null,
      name: opened?.name ?? 'Untitled.gradsheet',
      modified: opened?.recovered === true,
      closeApproved: false,
      closeAfterSave: false,
    }
    windows.set(window.id, state)
    if (opened?.recovered && opened.documentId) {
      // Recovered work stays this window's document, and may be saved back where it was.
      state.documentIds.add(opened.documentId)
      documentOwners.set(opened.documentId, window.id)
      if (opened.path) service().grants.grant(opened.path)
    }
    window.setTitle(documentTitle(state))
    // The title is ours (name + modified marker), not the page's <title>.
    window.on('page-title-updated', (event) => event.preventDefault())
    window.once('ready-to-show', () => window.show())
    window.on('close', (event) => {
      if (!state.modified || state.closeApproved) return
      event.preventDefault()
      void dialog.showMessageBox(window, unsavedChangesQuestion(state.name)).then(({ response }) => {
        const choice = closeChoice(response)
        if (choice === 'discard') {
          state.closeApproved = true
          window.close()
        } else if (choice === 'save') {
          // The renderer holds the workbook: it saves (or asks where), then reports
          // modified=false, which closes the window. A cancelled Save As keeps it open.
          state.closeAfterSave = true
          window.webContents.send(IPC.menuCommand, state.path ? 'save' : 'saveAs')
        }
      })
    })
    window.on('closed', () => {
      windows.delete(window.id)
      // A window that closed on purpose (after asking) leaves no backup behind; a crash does.
      for (const id of state.documentIds) {
        documentOwners.delete(id)
        void removeDocumentBackup(dataFolder(), id)
      }
    })
    void window.loadURL(APP_ENTRY_URL)
    return window
  }

  /** The page reports its document's name and modified state: the title follows, and a close that waited for a save goes ahead. */
  function setDocumentState(sender: unknown, next: { name: string; modified: boolean }): void {
    const state = stateOf(sender)
    if (!state) return
    state.name = next.name
    state.modified = next.modified
    state.window.setTitle(documentTitle(next))
    state.window.setDocumentEdited(next.modified)
    if (!next.modified && state.closeAfterSave) {
      state.closeApproved = true
      state.window.close()
    }
  }

  return { createWorkbookWindow, stateOf, setDocumentState, documentOwners }
}

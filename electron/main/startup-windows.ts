// The windows the app opens by itself: at start (the FILE on the command line and files
// macOS asked for before ready, else unsaved work a crash left, else the first worked
// example), and later for a FILE from a second launch or the Finder. A file with unsaved
// work from a crash opens as that work (the page's banner offers Keep or Discard).
import { app, dialog } from 'electron'
import type { OpenedFile } from '../../bridge/api'
import type { BridgeService, Reply } from '../../node/bridge-service'
import { backupsOfFile, findDocumentBackups, removeDocumentBackup, type DocumentBackup } from '../../node/document-backups.ts'
import { restoreBackupQuestion, restoreChoice } from './close-guard'
import { fileFromCommandLine } from './command-line'
import type { WorkbookWindows } from './workbook-windows'

export interface StartupWindowsOptions {
  /** The bridge service (created once the app is ready). */
  service: () => BridgeService
  windows: WorkbookWindows
  dataFolder: () => string
  refreshMenu: () => Promise<void>
}

/** A backup as the window that restores it opens it: modified, keeping its document id. */
export function recoveredFile({ documentId, backup }: DocumentBackup): Reply<OpenedFile> {
  return { ok: true, value: { path: backup.path, name: backup.name, text: backup.text, recovered: true, documentId } }
}

export function createStartupWindows({ service, windows, dataFolder, refreshMenu }: StartupWindowsOptions) {
  const { createWorkbookWindow, documentOwners } = windows
  /** Files macOS asked us to open (double-click in Finder) before the app was ready. */
  const filesOpenedBeforeReady: string[] = []
  let started = false

  /** Unsaved work from a crash: ask, per backup, whether to restore it. Returns the windows opened. */
  async function offerLeftoverBackups(found: DocumentBackup[]): Promise<number> {
    let restored = 0
    for (const leftover of found) {
      const { response } = await dialog.showMessageBox(restoreBackupQuestion(leftover.backup.name, leftover.backup.savedAt))
      if (restoreChoice(response) === 'discard') {
        await removeDocumentBackup(dataFolder(), leftover.documentId)
        continue
      }
      // The restored window keeps the document id, so the backup survives until it is saved or closed.
      createWorkbookWindow(recoveredFile(leftover))
      restored++
    }
    return restored
  }

  /** A file to open at start: its unsaved work from a crash if there is some (the banner offers Keep/Discard), else the file. */
  async function openAtStart(path: string, backups: DocumentBackup[]): Promise<void> {
    const ofFile = backupsOfFile(backups, path).filter((b) => !documentOwners.has(b.documentId))
    const latest = ofFile[ofFile.length - 1]
    createWorkbookWindow(latest ? recoveredFile(latest) : await service().openPath(path))
    // openPath put the file on the recent list (or took it off, moved or deleted): File → Open Recent shows it from the start.
    void refreshMenu()
  }

  /** The first windows, once the app is ready. */
  async function openStartupWindows(argv: readonly string[], workingDirectory: string): Promise<void> {
    // From here on, open-file events open their window directly.
    const early = filesOpenedBeforeReady.splice(0)
    started = true
    const file = fileFromCommandLine(argv, app.isPackaged, workingDirectory)
    const files = [...(file ? [file] : []), ...early]
    const { found, problems } = await findDocumentBackups(dataFolder())
    for (const problem of problems) console.error(problem)
    if (files.length > 0) {
      for (const path of files) await openAtStart(path, found)
      return
    }
    if ((await offerLeftoverBackups(found)) > 0) return
    createWorkbookWindow({ ok: true, value: await service().defaultExample() })
  }

  /** A file to open later (a second launch's FILE, or macOS's open-file), with its unsaved work if a crash left some. */
  function openLater(path: string): void {
    void findDocumentBackups(dataFolder()).then(({ found }) => openAtStart(path, found))
  }

  /** macOS's open-file: before the first windows, it joins them; after, it opens at once. */
  function openFileEvent(path: string): void {
    if (started) openLater(path)
    else filesOpenedBeforeReady.push(path)
  }

  return { openStartupWindows, openLater, openFileEvent }
}

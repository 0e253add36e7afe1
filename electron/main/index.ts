// The Electron main process: thin glue. Windows, menus, dialogs and IPC wiring live
// here; every decision (security handlers, window options, menu template, argument
// checks, file operations) is a plain module that is tested on its own.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, type WebContents } from 'electron'
import { basename, dirname, join, resolve } from 'node:path'
import type { DocumentIdentity, ExampleInfo, MenuCommand, OpenedFile } from '../../bridge/api'
import { createBridgeService, type Reply } from '../../node/bridge-service'
import { createFileSystemStorage } from '../../node/bridge-storage'
import { documentTitle } from '../../renderer/src/bridge/document-title'
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES } from './app-origin'
import { appProtocolResponse } from './app-protocol'
import { backupsOfFile, findDocumentBackups, removeDocumentBackup, writeDocumentBackup, type DocumentBackup } from '../../node/document-backups.ts'
import { closeChoice, restoreBackupQuestion, restoreChoice, unsavedChangesQuestion } from './close-guard'
import { fileFromCommandLine } from './command-line'
import { exportDialogOptions, workbookExportDialogOptions, openDialogOptions, saveDialogOptions, withWorkbookExtension } from './dialog-options'
import { IPC } from './ipc-channels'
import { registerBridgeHandlers } from './ipc-handlers'
import { buildMenuTemplate } from './menu-template'
import {
  handleWillAttachWebview,
  handleWillNavigate,
  permissionCheckHandler,
  permissionRequestHandler,
  windowOpenHandler,
  isAllowedExternalUrl,
} from './security'
import { workbookWindowOptions } from './window-options'

// Tests and e2e runs point the data folder (recent list, backups) somewhere private.
if (process.env.GRADSHEET_DATA_DIR) app.setPath('userData', resolve(process.env.GRADSHEET_DATA_DIR))
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])
// Every renderer is sandboxed, whatever options a future window might be given.
app.enableSandbox()

const dataFolder = () => app.getPath('userData')
const rendererRoot = join(import.meta.dirname, '..', 'renderer')
const preloadPath = join(import.meta.dirname, '..', 'preload', 'index.cjs')
const examplesFolder = () => (app.isPackaged ? join(process.resourcesPath, 'examples') : join(app.getAppPath(), 'examples'))

/** What the main process knows about each workbook window. */
interface WorkbookWindow {
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

const windows = new Map<number, WorkbookWindow>()
/** Document id → the window it belongs to: no window may write another's backup. */
const documentOwners = new Map<string, number>()
let service: ReturnType<typeof createBridgeService>
let examples: ExampleInfo[] = []
let recent: string[] = []

function stateOf(sender: unknown): WorkbookWindow | undefined {
  const window = BrowserWindow.fromWebContents(sender as WebContents)
  return window ? windows.get(window.id) : undefined
}

function openExternal(url: string): void {
  if (isAllowedExternalUrl(url)) void shell.openExternal(url)
}

function lockDown(contents: WebContents): void {
  contents.on('will-navigate', handleWillNavigate)
  contents.on('will-redirect', handleWillNavigate)
  contents.on('will-attach-webview', handleWillAttachWebview)
  contents.setWindowOpenHandler((details) => windowOpenHandler(details, openExternal))
}

async function refreshMenu(): Promise<void> {
  recent = await service.recentFiles()
  const template = buildMenuTemplate({
    platform: process.platform,
    recentFiles: recent,
    examples,
    actions: {
      send: sendMenuCommand,
      newWindow: () => createWorkbookWindow({ ok: true, value: null }),
      closeWindow: () => BrowserWindow.getFocusedWindow()?.close(),
      quit: () => app.quit(),
      clearRecent: () => void service.clearRecent().then(refreshMenu),
    },
  })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}

function sendMenuCommand(command: MenuCommand): void {
  const target = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]
  if (target) {
    target.webContents.send(IPC.menuCommand, command)
    return
  }
  // No window open (macOS keeps running): open what was asked for in a new one.
  if (typeof command === 'object' && 'example' in command) {
    void service.openExample(command.example).then((opened) => createWorkbookWindow(opened))
  } else if (typeof command === 'object' && 'openRecent' in command) {
    void service.openPath(command.openRecent).then((opened) => {
      createWorkbookWindow(opened)
      // A moved or deleted file left the list (node/bridge-service.ts): rebuild the menu.
      if (!opened.ok && opened.reason === 'missing') void refreshMenu()
    })
  } else if (command === 'open') {
    void dialog.showOpenDialog(openDialogOptions(undefined)).then(async (result) => {
      if (!result.canceled && result.filePaths[0]) createWorkbookWindow(await service.openPath(result.filePaths[0]))
    })
  } else if (command === 'new') {
    createWorkbookWindow({ ok: true, value: null })
  }
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
    if (opened.path) service.grants.grant(opened.path)
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

const bridgeHost = {
  get service() {
    return service
  },
  async initialFile(sender: unknown) {
    return stateOf(sender)?.initial ?? { ok: true as const, value: null }
  },
  async chooseFileToOpen(sender: unknown) {
    const state = stateOf(sender)
    const options = openDialogOptions(state?.path ? dirname(state.path) : app.getPath('documents'))
    const result = state ? await dialog.showOpenDialog(state.window, options) : await dialog.showOpenDialog(options)
    return result.canceled || !result.filePaths[0] ? null : result.filePaths[0]
  },
  async chooseFileToSave(sender: unknown, suggestedName: string) {
    const state = stateOf(sender)
    const options = saveDialogOptions(state?.path ? dirname(state.path) : app.getPath('documents'), suggestedName)
    const result = state ? await dialog.showSaveDialog(state.window, options) : await dialog.showSaveDialog(options)
    if (result.canceled || !result.filePath) {
      // A Save As cancelled from the close question means: keep the window open after all.
      if (state) state.closeAfterSave = false
      return null
    }
    return withWorkbookExtension(result.filePath)
  },
  async chooseExportPath(sender: unknown, suggestedName: string) {
    const state = stateOf(sender)
    const options = exportDialogOptions(state?.path ? dirname(state.path) : app.getPath('documents'), suggestedName)
    const result = state ? await dialog.showSaveDialog(state.window, options) : await dialog.showSaveDialog(options)
    if (result.canceled || !result.filePath) return null
    const ext = suggestedName.slice(suggestedName.lastIndexOf('.'))
    return result.filePath.toLowerCase().endsWith(ext.toLowerCase()) ? result.filePath : result.filePath + ext
  },
  async chooseWorkbookExportPath(sender: unknown, kind: 'pytorch' | 'numpy' | 'xlsx', suggestedName: string) {
    const state = stateOf(sender)
    const options = workbookExportDialogOptions(state?.path ? dirname(state.path) : app.getPath('documents'), kind, suggestedName)
    const result = state ? await dialog.showSaveDialog(state.window, options) : await dialog.showSaveDialog(options)
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
  },
  async writeBackup(sender: unknown, document: DocumentIdentity, text: string | null): Promise<Reply<null>> {
    const state = stateOf(sender)
    if (!state) return { ok: false, error: 'The window that sent the backup has closed.' }
    const owner = documentOwners.get(document.id)
    if (owner !== undefined && owner !== state.window.id) return { ok: false, error: 'That document belongs to another window.' }
    if (document.path !== null && !service.grants.allows(document.path)) {
      return { ok: false, error: 'The backup names a file this window did not open or save; it was not written.' }
    }
    try {
      if (text === null) {
        await removeDocumentBackup(dataFolder(), document.id)
      } else {
        documentOwners.set(document.id, state.window.id)
        state.documentIds.add(document.id)
        await writeDocumentBackup(dataFolder(), document.id, text, { path: document.path, name: document.name })
      }
      return { ok: true, value: null }
    } catch (error) {
      return { ok: false, error: `The backup of unsaved work could not be written: ${error instanceof Error ? error.message : String(error)}` }
    }
  },
}

/** A backup as the window that restores it opens it: modified, keeping its document id. */
function recoveredFile({ documentId, backup }: DocumentBackup): Reply<OpenedFile> {
  return { ok: true, value: { path: backup.path, name: backup.name, text: backup.text, recovered: true, documentId } }
}

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
  createWorkbookWindow(latest ? recoveredFile(latest) : await service.openPath(path))
  // openPath put the file on the recent list (or took it off, moved or deleted): File → Open Recent shows it from the start.
  void refreshMenu()
}

/** Files macOS asked us to open (double-click in Finder) before the app was ready. */
const filesOpenedBeforeReady: string[] = []
let started = false

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
  createWorkbookWindow({ ok: true, value: await service.defaultExample() })
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const file = fileFromCommandLine(argv, app.isPackaged, workingDirectory)
    if (file) void findDocumentBackups(dataFolder()).then(({ found }) => openAtStart(file, found))
    else BrowserWindow.getAllWindows()[0]?.focus()
  })

  app.on('web-contents-created', (_event, contents) => lockDown(contents))

  app.on('open-file', (event, path) => {
    event.preventDefault()
    if (started) void findDocumentBackups(dataFolder()).then(({ found }) => openAtStart(path, found))
    else filesOpenedBeforeReady.push(path)
  })

  app.whenReady().then(async () => {
    session.defaultSession.setPermissionRequestHandler(permissionRequestHandler)
    session.defaultSession.setPermissionCheckHandler(permissionCheckHandler)
    protocol.handle(APP_SCHEME, async (request) => {
      const response = await appProtocolResponse(request.url, rendererRoot)
      return new Response(response.body as BodyInit, { status: response.status, headers: response.headers })
    })
    service = createBridgeService(createFileSystemStorage(dataFolder()), examplesFolder())
    registerBridgeHandlers(ipcMain, bridgeHost)
    examples = await service.listExamples()
    await refreshMenu()
    await openStartupWindows(process.argv, process.cwd())
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWorkbookWindow({ ok: true, value: null })
    })
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}

// The renderer's one way to its host. In Electron the preload has already installed
// window.gradsheet; in a plain browser (`npm run web`) this installs a bridge of the
// same type backed by the server's /api endpoints. Browsers have no native dialogs, so
// Open… and Save As… ask for a path on the server machine in a small in-page dialog,
// and there is no native menu: onMenuCommand is a subscription that never fires (the
// app's own toolbar and keyboard shortcuts cover those commands).
//
// The tab keeps two things in sessionStorage (per tab, kept across a reload): the run's
// secret, taken from the address's `token` once and then removed from the address bar,
// and the id of the document it shows, so a reloaded tab gets its own unsaved work back.
import type { GradsheetBridge, MenuCommand, OpenedFile, SaveOutcome, ExampleInfo, WorkbookText } from '../../../bridge/api'
import { documentTitle } from '../../../bridge/document-title'
import { createHttpCaller, type FetchLike } from './http-bridge-client'
import { promptForPath, type PathPromptOptions } from './path-prompt'

export interface WebBridgeDeps {
  fetch: FetchLike
  promptForPath(options: PathPromptOptions): Promise<string | null>
  setTitle(title: string): void
  /** Ask the browser to confirm leaving the page while there are unsaved changes. */
  setLeaveGuard(active: boolean): void
  /** The run's secret (from the address); '' when the page was opened without it. */
  secret(): string
  /** Remembers, per tab and across reloads, the id of the document shown (null: none). */
  rememberDocument(id: string | null): void
  rememberedDocument(): string | null
}

const EXTENSION = '.gradsheet'
/** Workbooks come with their text apart from the JSON (bridge/text-apart.ts): no escaping of megabytes. */
const TEXT_APART = { textApart: true }

function joinPath(folder: string, name: string): string {
  return folder.endsWith('/') || folder.endsWith('\\') ? folder + name : `${folder}/${name}`
}

export function createWebBridge(deps: WebBridgeDeps): GradsheetBridge {
  const call = createHttpCaller(deps.fetch, '', deps.secret)
  let lastFolder: string | null = null

  async function defaultFolder(): Promise<string> {
    if (lastFolder) return lastFolder
    return call<string>('defaultDirectory')
  }

  function remember(path: string | null): void {
    if (!path) return
    const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'))
    if (cut > 0) lastFolder = path.slice(0, cut + 1)
  }

  const openPath = async (path: string): Promise<OpenedFile> => {
    const opened = await call<OpenedFile>('openPath', { path }, TEXT_APART)
    remember(opened.path)
    return opened
  }

  const save = async (path: string, text: WorkbookText): Promise<SaveOutcome> => {
    const outcome = await call<SaveOutcome>('save', { path, text }, TEXT_APART)
    if (outcome.ok) remember(outcome.path)
    return outcome
  }

  return {
    host: 'web',
    initialFile: async () => {
      const opened = await call<OpenedFile | null>('initialFile', { documentId: deps.rememberedDocument() }, TEXT_APART)
      remember(opened?.path ?? null)
      return opened
    },
    async showOpenDialog() {
      const path = await deps.promptForPath({
        title: 'Open workbook',
        hint: 'Type the path of a .gradsheet file on the computer running the Gradsheet web server.',
        initialPath: await defaultFolder(),
      })
      return path === null ? null : openPath(path)
    },
    openPath,
    save,
    async saveAs(text, suggestedName) {
      const name = suggestedName.trim() === '' ? `Untitled${EXTENSION}` : suggestedName
      const typed = await deps.promptForPath({
        title: 'Save workbook as',
        hint: 'Type the path to save to on the computer running the Gradsheet web server.',
        initialPath: joinPath(await defaultFolder(), name.toLowerCase().endsWith(EXTENSION) ? name : name + EXTENSION),
      })
      if (typed === null) return null
      // The prompt's answer is the user's choice: the server lets later saves go there.
      const outcome = await call<SaveOutcome>('saveAs', { path: typed.toLowerCase().endsWith(EXTENSION) ? typed : typed + EXTENSION, text }, TEXT_APART)
      if (outcome.ok) remember(outcome.path)
      return outcome
    },
    async exportFile(suggestedName, data, encoding) {
      const typed = await deps.promptForPath({
        title: 'Export graph',
        hint: 'Type the path to write the image to on the computer running the Gradsheet web server.',
        initialPath: joinPath(await defaultFolder(), suggestedName),
      })
      if (typed === null) return null
      const outcome = await call<SaveOutcome>('exportFile', { path: typed, data, encoding })
      if (outcome.ok) remember(outcome.path)
      return outcome
    },
    // File → Export as…: the prompt's answer is this export's path (its extension added when
    // missing); the server restores the text and writes the file (node/export-workbook.ts).
    async exportWorkbook(kind, documentText, options) {
      const extension = kind === 'xlsx' ? '.xlsx' : '.py'
      const stem = (options.workbookName ?? '').replace(/\.(gradsheet|xlsx)$/i, '').trim() || 'model'
      const typed = await deps.promptForPath({
        title: kind === 'xlsx' ? 'Export as Excel workbook' : `Export as ${kind === 'pytorch' ? 'PyTorch' : 'NumPy'} module`,
        hint: kind === 'xlsx'
          ? 'Type the path of the .xlsx file to write on the computer running the Gradsheet web server.'
          : 'Type the path of the .py file to write on the computer running the Gradsheet web server (large data goes beside it as NAME.data.csv).',
        initialPath: joinPath(await defaultFolder(), stem + extension),
      })
      if (typed === null) return null
      const path = typed.toLowerCase().endsWith(extension) ? typed : typed + extension
      const outcome = await call<SaveOutcome>('exportWorkbook', { path, kind, text: documentText, options })
      if (outcome.ok) remember(outcome.path)
      return outcome
    },
    listExamples: () => call<ExampleInfo[]>('listExamples'),
    openExample: (id) => call<OpenedFile>('openExample', { id }, TEXT_APART),
    recentFiles: () => call<string[]>('recentFiles'),
    forgetRecent: async (path) => {
      await call<null>('forgetRecent', { path })
    },
    setDocumentState(state) {
      deps.setTitle(documentTitle(state))
      deps.setLeaveGuard(state.modified)
    },
    writeBackup: async (document, text) => {
      await call<null>('writeBackup', { document, text }, TEXT_APART)
      if (text !== null) deps.rememberDocument(document.id)
      else if (deps.rememberedDocument() === document.id) deps.rememberDocument(null)
    },
    onMenuCommand(_listener: (command: MenuCommand) => void) {
      return () => {}
    },
  }
}

const SECRET_KEY = 'gradsheet-secret'
const DOCUMENT_KEY = 'gradsheet-document'

function browserDeps(): WebBridgeDeps {
  const warnBeforeLeaving = (event: BeforeUnloadEvent) => {
    event.preventDefault()
    event.returnValue = ''
  }
  let guarded = false
  const store = (key: string, value: string | null) => {
    try {
      if (value === null) sessionStorage.removeItem(key)
      else sessionStorage.setItem(key, value)
    } catch {
      // Storage disabled: a reload then starts like a new tab.
    }
  }
  const stored = (key: string): string | null => {
    try {
      return sessionStorage.getItem(key)
    } catch {
      return null
    }
  }
  // The secret arrives once in the address (?token=…); keep it for this tab and take it
  // out of the address bar, so it is not left in history or a screenshot.
  const url = new URL(window.location.href)
  const token = url.searchParams.get('token')
  if (token) {
    store(SECRET_KEY, token)
    url.searchParams.delete('token')
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash)
  }
  return {
    secret: () => stored(SECRET_KEY) ?? '',
    rememberDocument: (id) => store(DOCUMENT_KEY, id),
    rememberedDocument: () => stored(DOCUMENT_KEY),
    fetch: (input, init) => window.fetch(input, init),
    promptForPath: (options) => promptForPath(options),
    setTitle: (title) => {
      document.title = title
    },
    setLeaveGuard(active) {
      if (active === guarded) return
      guarded = active
      if (active) window.addEventListener('beforeunload', warnBeforeLeaving)
      else window.removeEventListener('beforeunload', warnBeforeLeaving)
    },
  }
}

/** The host bridge: Electron's preload one if present, else the HTTP one (installed once). */
export function ensureBridge(): GradsheetBridge {
  if (window.gradsheet) return window.gradsheet
  const bridge = createWebBridge(browserDeps())
  Object.defineProperty(window, 'gradsheet', { value: bridge, writable: false, configurable: false, enumerable: true })
  return bridge
}

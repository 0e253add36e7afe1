// The renderer's one way to its host. In Electron the preload has already installed
// window.gradsheet; in a plain browser (`npm run web`) this installs a bridge of the
// same type backed by the server's /api endpoints. Browsers have no native dialogs, so
// Open… and Save As… ask for a path on the server machine in a small in-page dialog,
// and there is no native menu: onMenuCommand is a subscription that never fires (the
// app's own toolbar and keyboard shortcuts cover those commands).
import type { GradsheetBridge, MenuCommand, OpenedFile, SaveOutcome, ExampleInfo } from '../../../bridge/api'
import { documentTitle } from './document-title'
import { createHttpCaller, type FetchLike } from './http-bridge-client'
import { promptForPath, type PathPromptOptions } from './path-prompt'

export interface WebBridgeDeps {
  fetch: FetchLike
  promptForPath(options: PathPromptOptions): Promise<string | null>
  setTitle(title: string): void
  /** Ask the browser to confirm leaving the page while there are unsaved changes. */
  setLeaveGuard(active: boolean): void
}

const EXTENSION = '.gradsheet'

function joinPath(folder: string, name: string): string {
  return folder.endsWith('/') || folder.endsWith('\\') ? folder + name : `${folder}/${name}`
}

export function createWebBridge(deps: WebBridgeDeps): GradsheetBridge {
  const call = createHttpCaller(deps.fetch)
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
    const opened = await call<OpenedFile>('openPath', { path })
    remember(opened.path)
    return opened
  }

  const save = async (path: string, text: string): Promise<SaveOutcome> => {
    const outcome = await call<SaveOutcome>('save', { path, text })
    if (outcome.ok) remember(outcome.path)
    return outcome
  }

  return {
    host: 'web',
    initialFile: async () => {
      const opened = await call<OpenedFile | null>('initialFile')
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
      return save(typed.toLowerCase().endsWith(EXTENSION) ? typed : typed + EXTENSION, text)
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
    listExamples: () => call<ExampleInfo[]>('listExamples'),
    openExample: (id) => call<OpenedFile>('openExample', { id }),
    recentFiles: () => call<string[]>('recentFiles'),
    setDocumentState(state) {
      deps.setTitle(documentTitle(state))
      deps.setLeaveGuard(state.modified)
    },
    writeBackup: async (text) => {
      await call<null>('writeBackup', { text })
    },
    onMenuCommand(_listener: (command: MenuCommand) => void) {
      return () => {}
    },
  }
}

function browserDeps(): WebBridgeDeps {
  const warnBeforeLeaving = (event: BeforeUnloadEvent) => {
    event.preventDefault()
    event.returnValue = ''
  }
  let guarded = false
  return {
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

// A recording stand-in for Electron (no Electron binary can run here): the main process
// (electron/main/index.ts) runs for real against it, and tests read what it registered,
// the windows it opened, and the message boxes it showed. One instance per test file
// (vitest isolates modules per file).
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const repoRoot = join(import.meta.dirname, '..', '..')

export const rec = {
  order: [] as string[],
  appEvents: new Map<string, (...args: unknown[]) => unknown>(),
  userData: '',
  privileged: [] as unknown[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  permissionRequest: null as null | ((...args: unknown[]) => void),
  permissionCheck: null as null | ((...args: unknown[]) => boolean),
  ipcHandlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  ipcListeners: new Map<string, (event: unknown, ...args: unknown[]) => void>(),
  menus: [] as unknown[],
  windows: [] as any[],
  messageBoxResponses: [] as number[],
  messageBoxes: [] as any[],
  /** Paths the next native save dialogs answer (empty: cancelled). */
  saveDialogAnswers: [] as string[],
}

export function electronStandIn() {
  class FakeWebContents {
    sent: unknown[][] = []
    events = new Map<string, (...args: unknown[]) => void>()
    openHandler: ((details: { url: string }) => unknown) | null = null
    send(...args: unknown[]) { this.sent.push(args) }
    on(event: string, fn: (...args: unknown[]) => void) { this.events.set(event, fn) }
    setWindowOpenHandler(fn: (details: { url: string }) => unknown) { this.openHandler = fn }
  }
  let nextId = 1
  class BrowserWindow {
    static fromWebContents(contents: unknown) { return rec.windows.find((w) => w.webContents === contents) ?? null }
    static getFocusedWindow() { return rec.windows.find((w) => !w.closed) ?? null }
    static getAllWindows() { return rec.windows.filter((w) => !w.closed) }
    id = nextId++
    webContents = new FakeWebContents()
    events = new Map<string, Array<(...args: unknown[]) => void>>()
    title = ''
    loaded = ''
    closed = false
    constructor(public options: any) { rec.windows.push(this); rec.order.push('window') }
    on(event: string, fn: (...args: unknown[]) => void) { this.events.set(event, [...(this.events.get(event) ?? []), fn]) }
    once(event: string, fn: (...args: unknown[]) => void) { this.on(event, fn) }
    emit(event: string, ...args: unknown[]) { for (const fn of this.events.get(event) ?? []) fn(...args) }
    setTitle(title: string) { this.title = title }
    setDocumentEdited() {}
    show() {}
    focus() {}
    async loadURL(url: string) { this.loaded = url }
    close() {
      let prevented = false
      this.emit('close', { preventDefault: () => { prevented = true } })
      if (!prevented) { this.closed = true; this.emit('closed') }
    }
  }
  return {
    app: {
      setPath: (_name: string, path: string) => { rec.userData = path },
      getPath: (name: string) => (name === 'userData' ? rec.userData : tmpdir()),
      getAppPath: () => repoRoot,
      isPackaged: false,
      requestSingleInstanceLock: () => true,
      enableSandbox: () => { rec.order.push('enableSandbox') },
      on: (event: string, fn: (...args: unknown[]) => unknown) => { rec.appEvents.set(event, fn) },
      whenReady: () => { rec.order.push('whenReady'); return Promise.resolve() },
      quit: () => {},
    },
    BrowserWindow,
    dialog: {
      showMessageBox: async (...args: unknown[]) => { rec.messageBoxes.push(args.at(-1)); return { response: rec.messageBoxResponses.shift() ?? 2 } },
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => (rec.saveDialogAnswers.length > 0 ? { canceled: false, filePath: rec.saveDialogAnswers.shift() } : { canceled: true }),
    },
    ipcMain: {
      handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => { rec.ipcHandlers.set(channel, fn) },
      on: (channel: string, fn: (event: unknown, ...args: unknown[]) => void) => { rec.ipcListeners.set(channel, fn) },
    },
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: (menu: unknown) => { rec.menus.push(menu) } },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => { rec.order.push('privileged'); rec.privileged.push(...schemes) },
      handle: (scheme: string, fn: (request: Request) => Promise<Response>) => { rec.protocolHandlers.set(scheme, fn) },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: (...args: unknown[]) => void) => { rec.permissionRequest = fn },
        setPermissionCheckHandler: (fn: (...args: unknown[]) => boolean) => { rec.permissionCheck = fn },
      },
    },
    shell: { openExternal: async () => {} },
  }
}

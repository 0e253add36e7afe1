// The Electron main process: its lifecycle and nothing else. Settings that must precede
// ready (data folder, the app:// scheme, the sandbox for every renderer), one instance
// only, every web contents locked down, then at ready: the session's permission handlers,
// the app:// protocol, the bridge service and its IPC handlers, the menu, the first
// windows. Each part is its own module, most of them plain and tested on their own:
// windows (workbook-windows.ts), the menu (app-menu.ts), the bridge's window-aware side
// (bridge-host.ts, window-backups.ts), the windows opened at start (startup-windows.ts),
// security handlers, window options, menu template, argument checks.
import { app, BrowserWindow, ipcMain, protocol, session, shell, type WebContents } from 'electron'
import { join, resolve } from 'node:path'
import { createBridgeService, type BridgeService } from '../../node/bridge-service'
import { createFileSystemStorage } from '../../node/bridge-storage'
import { APP_SCHEME, APP_SCHEME_PRIVILEGES } from './app-origin'
import { appProtocolResponse } from './app-protocol'
import { createAppMenu } from './app-menu'
import { createDesktopBridgeHost } from './bridge-host'
import { fileFromCommandLine } from './command-line'
import { registerBridgeHandlers } from './ipc-handlers'
import {
  handleWillAttachWebview,
  handleWillNavigate,
  permissionCheckHandler,
  permissionRequestHandler,
  windowOpenHandler,
  isAllowedExternalUrl,
} from './security'
import { createStartupWindows } from './startup-windows'
import { createWorkbookWindows } from './workbook-windows'

// Tests and e2e runs point the data folder (recent list, backups) somewhere private.
if (process.env.GRADSHEET_DATA_DIR) app.setPath('userData', resolve(process.env.GRADSHEET_DATA_DIR))
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])
// Every renderer is sandboxed, whatever options a future window might be given.
app.enableSandbox()

const dataFolder = () => app.getPath('userData')
const rendererRoot = join(import.meta.dirname, '..', 'renderer')
const preloadPath = join(import.meta.dirname, '..', 'preload', 'index.cjs')
const examplesFolder = () => (app.isPackaged ? join(process.resourcesPath, 'examples') : join(app.getAppPath(), 'examples'))

let service: BridgeService
const currentService = () => service
const windows = createWorkbookWindows({ preloadPath, dataFolder, service: currentService })
const menu = createAppMenu({ service: currentService, openWindow: windows.createWorkbookWindow })
const startup = createStartupWindows({ service: currentService, windows, dataFolder, refreshMenu: menu.refreshMenu })
const bridgeHost = createDesktopBridgeHost({ service: currentService, windows, dataFolder, refreshMenu: menu.refreshMenu })

function openExternal(url: string): void {
  if (isAllowedExternalUrl(url)) void shell.openExternal(url)
}

function lockDown(contents: WebContents): void {
  contents.on('will-navigate', handleWillNavigate)
  contents.on('will-redirect', handleWillNavigate)
  contents.on('will-attach-webview', handleWillAttachWebview)
  contents.setWindowOpenHandler((details) => windowOpenHandler(details, openExternal))
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const file = fileFromCommandLine(argv, app.isPackaged, workingDirectory)
    if (file) startup.openLater(file)
    else BrowserWindow.getAllWindows()[0]?.focus()
  })

  app.on('web-contents-created', (_event, contents) => lockDown(contents))

  app.on('open-file', (event, path) => {
    event.preventDefault()
    startup.openFileEvent(path)
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
    menu.setExamples(await service.listExamples())
    await menu.refreshMenu()
    await startup.openStartupWindows(process.argv, process.cwd())
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) windows.createWorkbookWindow({ ok: true, value: null })
    })
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}

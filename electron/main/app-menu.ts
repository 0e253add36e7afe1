// The application menu, live: built from its template (menu-template.ts) with the recent
// files and examples of the moment, rebuilt whenever the recent list may have changed,
// and the route of a menu command: to the focused window's page, or, with no window open
// (macOS keeps running), to a new window for what was asked.
import { app, BrowserWindow, dialog, Menu } from 'electron'
import type { ExampleInfo, MenuCommand, OpenedFile } from '../../bridge/api'
import type { BridgeService, Reply } from '../../node/bridge-service'
import { openDialogOptions } from './dialog-options'
import { IPC } from './ipc-channels'
import { buildMenuTemplate } from './menu-template'

export interface AppMenuOptions {
  /** The bridge service (created once the app is ready). */
  service: () => BridgeService
  openWindow: (initial: Reply<OpenedFile | null>) => unknown
}

export type AppMenu = ReturnType<typeof createAppMenu>

export function createAppMenu({ service, openWindow }: AppMenuOptions) {
  let examples: ExampleInfo[] = []

  async function refreshMenu(): Promise<void> {
    const recent = await service().recentFiles()
    const template = buildMenuTemplate({
      platform: process.platform,
      recentFiles: recent,
      examples,
      actions: {
        send: sendMenuCommand,
        newWindow: () => openWindow({ ok: true, value: null }),
        closeWindow: () => BrowserWindow.getFocusedWindow()?.close(),
        quit: () => app.quit(),
        clearRecent: () => void service().clearRecent().then(refreshMenu),
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
      void service().openExample(command.example).then((opened) => openWindow(opened))
    } else if (typeof command === 'object' && 'openRecent' in command) {
      void service().openPath(command.openRecent).then((opened) => {
        openWindow(opened)
        // A moved or deleted file left the list (node/bridge-service.ts): rebuild the menu.
        if (!opened.ok && opened.reason === 'missing') void refreshMenu()
      })
    } else if (command === 'open') {
      void dialog.showOpenDialog(openDialogOptions(undefined)).then(async (result) => {
        if (!result.canceled && result.filePaths[0]) openWindow(await service().openPath(result.filePaths[0]))
      })
    } else if (command === 'new') {
      openWindow({ ok: true, value: null })
    }
  }

  /** The examples File → Examples lists (read once at start). */
  function setExamples(list: ExampleInfo[]): void {
    examples = list
  }

  return { refreshMenu, setExamples }
}

// The application menu as data. Items that act on the workbook send a MenuCommand to
// the focused window's renderer (bridge/api.ts); window- and app-level items (New,
// Close, Quit) are handled in the main process. Editing shortcuts (Ctrl+Z, Ctrl+C, …)
// are shown but not registered as accelerators, so the keystrokes reach the page: the
// grid handles them itself and text fields keep their native editing.
import type { MenuItemConstructorOptions } from 'electron'
import type { ExampleInfo, MenuCommand } from '../../bridge/api'
import { fileNameOf } from '../../bridge/file-name'

export interface MenuActions {
  send(command: MenuCommand): void
  newWindow(): void
  closeWindow(): void
  quit(): void
  clearRecent(): void
}

export interface MenuContext {
  platform: NodeJS.Platform
  recentFiles: string[]
  examples: ExampleInfo[]
  actions: MenuActions
}


export function buildMenuTemplate(context: MenuContext): MenuItemConstructorOptions[] {
  const { actions } = context
  const send = (command: MenuCommand) => () => actions.send(command)
  const pageKey = (label: string, accelerator: string, command: MenuCommand): MenuItemConstructorOptions => ({
    label,
    accelerator,
    registerAccelerator: false,
    click: send(command),
  })

  const recentItems: MenuItemConstructorOptions[] =
    context.recentFiles.length === 0
      ? [{ label: 'No Recent Files', enabled: false }]
      : context.recentFiles.map((path) => ({ label: fileNameOf(path), sublabel: path, toolTip: path, click: send({ openRecent: path }) }))

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'New', accelerator: 'CmdOrCtrl+N', click: () => actions.newWindow() },
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: send('open') },
      {
        label: 'Open Recent',
        submenu: [...recentItems, { type: 'separator' }, { label: 'Clear Recent', enabled: context.recentFiles.length > 0, click: () => actions.clearRecent() }],
      },
      { type: 'separator' },
      { label: 'Save', accelerator: 'CmdOrCtrl+S', click: send('save') },
      { label: 'Save As…', accelerator: 'CmdOrCtrl+Shift+S', click: send('saveAs') },
      { label: 'Export as…', accelerator: 'CmdOrCtrl+Shift+E', click: send('exportAs') },
      { type: 'separator' },
      { label: 'Close', accelerator: 'CmdOrCtrl+W', click: () => actions.closeWindow() },
      { label: 'Quit', accelerator: context.platform === 'darwin' ? 'Cmd+Q' : 'Ctrl+Q', click: () => actions.quit() },
    ],
  }

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      pageKey('Undo', 'CmdOrCtrl+Z', 'undo'),
      pageKey('Redo', context.platform === 'darwin' ? 'Cmd+Shift+Z' : 'Ctrl+Y', 'redo'),
      { type: 'separator' },
      pageKey('Cut', 'CmdOrCtrl+X', 'cut'),
      pageKey('Copy', 'CmdOrCtrl+C', 'copy'),
      pageKey('Paste', 'CmdOrCtrl+V', 'paste'),
      pageKey('Delete', 'Delete', 'delete'),
      { type: 'separator' },
      pageKey('Select All', 'CmdOrCtrl+A', 'selectAll'),
    ],
  }

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { label: 'Show/Hide Gradients', accelerator: 'CmdOrCtrl+G', click: send('toggleGradients') },
      { type: 'separator' },
      { label: 'Show/Hide Graph', click: send('toggleGraph') },
      { label: 'Export Graph as SVG…', click: send('exportGraphSvg') },
      { label: 'Export Graph as PNG…', click: send('exportGraphPng') },
      { type: 'separator' },
      // edit-ui: page keys, so Ctrl+Minus reaches the grid (delete selected rows/columns; zoom out otherwise).
      pageKey('Zoom In', 'CmdOrCtrl+=', 'zoomIn'),
      pageKey('Zoom Out', 'CmdOrCtrl+-', 'zoomOut'),
      pageKey('Actual Size', 'CmdOrCtrl+0', 'zoomReset'),
    ],
  }

  const exampleItems: MenuItemConstructorOptions[] =
    context.examples.length === 0
      ? [{ label: 'No Examples Found', enabled: false }]
      : context.examples.map((example) => ({ label: example.title, click: send({ example: example.id }) }))

  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [
      { label: 'Examples', submenu: exampleItems },
      { label: 'Formula Reference', accelerator: 'F1', click: send('formulaReference') },
      { type: 'separator' },
      { label: 'About Gradsheet', click: send('about') },
    ],
  }

  if (context.platform !== 'darwin') return [file, edit, view, help]
  // On macOS the first menu is the application menu, named after the app.
  const appMenu: MenuItemConstructorOptions = {
    label: 'Gradsheet',
    submenu: [
      { label: 'About Gradsheet', click: send('about') },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { label: 'Quit Gradsheet', accelerator: 'Cmd+Q', click: () => actions.quit() },
    ],
  }
  return [appMenu, file, edit, view, help]
}

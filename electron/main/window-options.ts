// The BrowserWindow options of every workbook window. Kept as data so the security
// settings are asserted by tests exactly as the main process uses them.
import type { BrowserWindowConstructorOptions } from 'electron'

export function workbookWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 640,
    minHeight: 400,
    show: false,
    title: 'Gradsheet',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  }
}

// The sandboxed preload (built as CommonJS): exposes exactly the GradsheetBridge of
// bridge/api.ts as window.gradsheet, through contextBridge. Nothing else crosses.
import { contextBridge, ipcRenderer } from 'electron'
import { createIpcBridge } from './create-bridge'

contextBridge.exposeInMainWorld('gradsheet', createIpcBridge(ipcRenderer))

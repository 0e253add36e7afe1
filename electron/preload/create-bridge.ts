// Builds the GradsheetBridge the preload exposes as window.gradsheet, from a handful of
// named IPC calls. The page never sees ipcRenderer, an IPC event, or a channel name it
// could choose: only these methods, each with a fixed channel.
import type { GradsheetBridge, MenuCommand, WorkbookText } from '../../bridge/api'
import { IPC, type BridgeReply, type InvokeChannel } from '../main/ipc-channels'
import { isMenuCommand } from '../main/menu-command'

/** The part of Electron's ipcRenderer the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  send(channel: string, ...args: unknown[]): void
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
}

function isReply(value: unknown): value is BridgeReply<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean'
}

/** A workbook's Blob (bridge/api.ts WorkbookText) crosses IPC as its bytes (a Blob cannot); the host checks them as UTF-8. */
async function forIpc(text: WorkbookText): Promise<string | Uint8Array> {
  return typeof text === 'string' ? text : new Uint8Array(await text.arrayBuffer())
}

export function createIpcBridge(ipc: IpcRendererLike): GradsheetBridge {
  async function call<T>(channel: InvokeChannel, ...args: unknown[]): Promise<T> {
    const reply = await ipc.invoke(channel, ...args)
    if (!isReply(reply)) throw new Error('The app host sent an answer the window does not understand.')
    if (!reply.ok) throw new Error(reply.error)
    return reply.value as T
  }

  return {
    host: 'electron',
    initialFile: () => call(IPC.initialFile),
    showOpenDialog: () => call(IPC.showOpenDialog),
    openPath: (path) => call(IPC.openPath, path),
    save: async (path, text) => call(IPC.save, path, await forIpc(text)),
    saveAs: async (text, suggestedName) => call(IPC.saveAs, await forIpc(text), suggestedName),
    listExamples: () => call(IPC.listExamples),
    openExample: (id) => call(IPC.openExample, id),
    recentFiles: () => call(IPC.recentFiles),
    forgetRecent: (path) => call(IPC.forgetRecent, path),
    setDocumentState: (state) => ipc.send(IPC.setDocumentState, { name: state?.name, modified: state?.modified }),
    writeBackup: async (document, text) => call(IPC.writeBackup, document, text === null ? null : await forIpc(text)),
    exportFile: (suggestedName, data, encoding) => call(IPC.exportFile, suggestedName, data, encoding),
    exportWorkbook: (kind, documentText, options) => call(IPC.exportWorkbook, kind, documentText, options),
    onMenuCommand(listener: (command: MenuCommand) => void) {
      const forward = (_event: unknown, command: unknown) => {
        if (isMenuCommand(command)) listener(command)
      }
      ipc.on(IPC.menuCommand, forward)
      return () => {
        ipc.removeListener(IPC.menuCommand, forward)
      }
    },
  }
}

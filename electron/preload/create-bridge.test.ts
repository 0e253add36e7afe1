import { describe, expect, it } from 'vitest'
import type { GradsheetBridge, MenuCommand } from '../../bridge/api'
import { IPC } from '../main/ipc-channels'
import { createIpcBridge, type IpcRendererLike } from './create-bridge'

function fakeIpcRenderer(replies: Record<string, unknown> = {}) {
  const invoked: Array<[string, unknown[]]> = []
  const sent: Array<[string, unknown[]]> = []
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>()
  const ipc: IpcRendererLike = {
    invoke: async (channel, ...args) => {
      invoked.push([channel, args])
      return replies[channel] ?? { ok: true, value: null }
    },
    send: (channel, ...args) => void sent.push([channel, args]),
    on: (channel, listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set())
      listeners.get(channel)!.add(listener)
    },
    removeListener: (channel, listener) => void listeners.get(channel)?.delete(listener),
  }
  const emit = (channel: string, ...args: unknown[]) => listeners.get(channel)?.forEach((l) => l({ sender: 'ipc internals' }, ...args))
  return { ipc, invoked, sent, emit, listeners }
}

const BRIDGE_MEMBERS: Array<keyof GradsheetBridge> = [
  'host', 'initialFile', 'showOpenDialog', 'openPath', 'save', 'saveAs', 'listExamples', 'openExample',
  'recentFiles', 'forgetRecent', 'setDocumentState', 'writeBackup', 'onMenuCommand', 'exportFile', 'exportWorkbook',
]

describe('preload bridge', () => {
  it('exposes exactly the GradsheetBridge members, as plain functions, with host "electron"', () => {
    const bridge = createIpcBridge(fakeIpcRenderer().ipc)
    expect(Object.keys(bridge).sort()).toEqual([...BRIDGE_MEMBERS].sort())
    expect(bridge.host).toBe('electron')
    for (const key of BRIDGE_MEMBERS.filter((k) => k !== 'host')) expect(typeof bridge[key], key).toBe('function')
    expect(JSON.stringify(Object.values(bridge))).not.toContain('ipc')
  })

  it('each method uses its own fixed channel and passes only its arguments', async () => {
    const { ipc, invoked, sent } = fakeIpcRenderer()
    const bridge = createIpcBridge(ipc)
    await bridge.initialFile()
    await bridge.showOpenDialog()
    await bridge.openPath('/a.gradsheet')
    await bridge.save('/a.gradsheet', 'text')
    await bridge.saveAs('text', 'a.gradsheet')
    await bridge.listExamples()
    await bridge.openExample('reference-example-1')
    await bridge.recentFiles()
    await bridge.forgetRecent('/refused.gradsheet')
    await bridge.writeBackup({ id: 'd1', path: null, name: 'a.gradsheet' }, null)
    bridge.setDocumentState({ name: 'a.gradsheet', modified: true, extra: 'dropped' } as never)
    expect(invoked).toEqual([
      [IPC.initialFile, []], [IPC.showOpenDialog, []], [IPC.openPath, ['/a.gradsheet']], [IPC.save, ['/a.gradsheet', 'text']],
      [IPC.saveAs, ['text', 'a.gradsheet']], [IPC.listExamples, []], [IPC.openExample, ['reference-example-1']],
      [IPC.recentFiles, []], [IPC.forgetRecent, ['/refused.gradsheet']], [IPC.writeBackup, [{ id: 'd1', path: null, name: 'a.gradsheet' }, null]],
    ])
    expect(sent).toEqual([[IPC.setDocumentState, [{ name: 'a.gradsheet', modified: true }]]])
  })

  it('sends a workbook the worker wrote as a Blob (Save, Save As, backup) across IPC as its UTF-8 bytes (a Blob cannot cross)', async () => {
    const { ipc, invoked } = fakeIpcRenderer()
    const bridge = createIpcBridge(ipc)
    await bridge.writeBackup({ id: 'd1', path: null, name: 'a.gradsheet' }, new Blob(['é ✓']))
    await bridge.save('/a.gradsheet', new Blob(['é ✓']))
    await bridge.saveAs(new Blob(['é ✓']), 'a.gradsheet')
    expect(invoked.map(([channel]) => channel)).toEqual([IPC.writeBackup, IPC.save, IPC.saveAs])
    const sentBytes = [invoked[0][1][1], invoked[1][1][1], invoked[2][1][0]] as Uint8Array[]
    for (const bytes of sentBytes) {
      expect(bytes).toBeInstanceOf(Uint8Array)
      expect(new TextDecoder().decode(bytes)).toBe('é ✓')
    }
  })

  it('unwraps replies: values resolve, refusals reject with the host’s sentence', async () => {
    const { ipc } = fakeIpcRenderer({
      [IPC.openPath]: { ok: false, error: '/x.gradsheet does not exist.' },
      [IPC.recentFiles]: { ok: true, value: ['/a.gradsheet'] },
      [IPC.listExamples]: 'garbage',
      [IPC.forgetRecent]: { ok: false, error: 'The file path must be absolute.' },
    })
    const bridge = createIpcBridge(ipc)
    await expect(bridge.openPath('/x.gradsheet')).rejects.toThrow('/x.gradsheet does not exist.')
    await expect(bridge.recentFiles()).resolves.toEqual(['/a.gradsheet'])
    await expect(bridge.listExamples()).rejects.toThrow(/does not understand/)
    await expect(bridge.forgetRecent('x')).rejects.toThrow('The file path must be absolute.')
  })

  it('forwards only well-formed menu commands, without the IPC event, and unsubscribes', () => {
    const { ipc, emit, listeners } = fakeIpcRenderer()
    const bridge = createIpcBridge(ipc)
    const received: unknown[][] = []
    const unsubscribe = bridge.onMenuCommand((...args: unknown[]) => void received.push(args))
    emit(IPC.menuCommand, 'save')
    emit(IPC.menuCommand, { example: 'reference-example-2' })
    emit(IPC.menuCommand, 'rm -rf')
    emit(IPC.menuCommand, { openRecent: 5 })
    emit(IPC.menuCommand, { example: 'a', extra: true })
    expect(received).toEqual([['save'], [{ example: 'reference-example-2' } satisfies MenuCommand]])
    unsubscribe()
    emit(IPC.menuCommand, 'undo')
    expect(received).toHaveLength(2)
    expect(listeners.get(IPC.menuCommand)?.size).toBe(0)
  })
})

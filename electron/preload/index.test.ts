import { describe, expect, it, vi } from 'vitest'

// The preload's only Electron calls: contextBridge.exposeInMainWorld and ipcRenderer.
const exposed: Array<[string, Record<string, unknown>]> = []
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.push([key, api]) },
  ipcRenderer: { invoke: async () => ({ ok: true, value: null }), send: () => {}, on: () => {}, removeListener: () => {} },
}))

describe('preload entry', () => {
  it('exposes one object, window.gradsheet, and never ipcRenderer itself', async () => {
    await import('./index')
    expect(exposed.map(([key]) => key)).toEqual(['gradsheet'])
    const api = exposed[0][1]
    expect(api.host).toBe('electron')
    for (const value of Object.values(api)) {
      expect(value).not.toHaveProperty('invoke')
      expect(value).not.toHaveProperty('send')
    }
    expect(Object.keys(api)).not.toContain('ipcRenderer')
  })
})

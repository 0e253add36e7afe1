// The main process's wiring, with Electron replaced by a recording stand-in (no
// Electron binary exists here): what it registers before and after ready, the window it
// opens, and how the close guard and title react to the renderer's document state.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { IPC } from './ipc-channels'
import { rec } from './electron-stand-in.test-support'

const repoRoot = join(import.meta.dirname, '..', '..')
const dataDir = mkdtempSync(join(tmpdir(), 'gradsheet-main-'))

vi.mock('electron', async () => (await import('./electron-stand-in.test-support')).electronStandIn())

describe('main process wiring (Electron stood in)', () => {
  beforeAll(async () => {
    process.env.GRADSHEET_DATA_DIR = dataDir
    process.argv = [process.argv[0], join(repoRoot, 'out', 'main', 'index.js')]
    await import('./index')
    await vi.waitFor(() => expect(rec.windows.length).toBe(1), { timeout: 20_000 })
  })

  it('registers app:// as privileged before the app is ready, and uses the data folder it was given', () => {
    expect(rec.order.indexOf('privileged')).toBeLessThan(rec.order.indexOf('whenReady'))
    expect(rec.privileged).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })])
    expect(rec.userData).toBe(dataDir)
  })

  it('sandboxes every renderer process before the app is ready', () => {
    expect(rec.order.indexOf('enableSandbox')).toBeGreaterThanOrEqual(0)
    expect(rec.order.indexOf('enableSandbox')).toBeLessThan(rec.order.indexOf('whenReady'))
  })

  it('denies every permission for the session', () => {
    const callback = vi.fn()
    rec.permissionRequest!({}, 'media', callback)
    expect(callback).toHaveBeenCalledWith(false)
    expect(rec.permissionCheck!({}, 'notifications')).toBe(false)
  })

  it('serves app:// with the CSP header', async () => {
    const response = await rec.protocolHandlers.get('app')!(new Request('app://gradsheet/index.html'))
    expect(response.headers.get('Content-Security-Policy')).toContain("script-src 'self'")
  })

  it('opens one secure window on the app origin, with the CommonJS preload', () => {
    const [window] = rec.windows
    expect(window.loaded).toBe('app://gradsheet/index.html')
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true })
    expect(window.options.webPreferences.preload).toMatch(/preload[\\/]index\.cjs$/)
  })

  it('locks down every web contents: navigation, window.open, webviews', () => {
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() }
    rec.appEvents.get('web-contents-created')!({}, contents)
    expect(contents.on.mock.calls.map(([event]) => event).sort()).toEqual(['will-attach-webview', 'will-navigate', 'will-redirect'])
    const handler = contents.setWindowOpenHandler.mock.calls[0][0]
    expect(handler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
  })

  it('installs the menu and answers every bridge channel', () => {
    expect(rec.menus.length).toBeGreaterThan(0)
    expect([...rec.ipcHandlers.keys(), ...rec.ipcListeners.keys()].sort()).toEqual(Object.values(IPC).filter((c) => c !== IPC.menuCommand).sort())
  })

  it('without a FILE, the window starts on the first worked example', async () => {
    const [window] = rec.windows
    const reply = (await rec.ipcHandlers.get(IPC.initialFile)!({ senderFrame: { url: 'app://gradsheet/index.html', parent: null }, sender: window.webContents })) as any
    expect(reply.ok).toBe(true)
    expect(reply.value).toMatchObject({ path: null, name: 'reference-example-1.gradsheet' })
  })

  it('titles the window from the document state and asks before closing unsaved work', async () => {
    const [window] = rec.windows
    const event = { senderFrame: { url: 'app://gradsheet/index.html', parent: null }, sender: window.webContents }
    rec.ipcListeners.get(IPC.setDocumentState)!(event, { name: 'model.gradsheet', modified: true })
    expect(window.title).toBe('● model.gradsheet — Gradsheet')

    rec.messageBoxResponses.push(2) // Cancel
    window.close()
    await vi.waitFor(() => expect(rec.messageBoxes).toHaveLength(1))
    expect(rec.messageBoxes[0].message).toContain('model.gradsheet')
    expect(window.closed).toBe(false)

    rec.messageBoxResponses.push(0) // Save, then cancel the Save As dialog: the window stays, and a later save does not close it
    window.close()
    await vi.waitFor(() => expect(window.webContents.sent).toContainEqual([IPC.menuCommand, 'saveAs']))
    expect(await rec.ipcHandlers.get(IPC.saveAs)!(event, '{}', 'model.gradsheet')).toEqual({ ok: true, value: null })
    rec.ipcListeners.get(IPC.setDocumentState)!(event, { name: 'model.gradsheet', modified: false })
    expect(window.closed).toBe(false)
    rec.ipcListeners.get(IPC.setDocumentState)!(event, { name: 'model.gradsheet', modified: true })

    rec.messageBoxResponses.push(0) // Save: the renderer is asked to save, and the window closes once it reports saved
    window.webContents.sent.length = 0
    window.close()
    await vi.waitFor(() => expect(window.webContents.sent).toContainEqual([IPC.menuCommand, 'saveAs']))
    expect(window.closed).toBe(false)
    rec.ipcListeners.get(IPC.setDocumentState)!(event, { name: 'model.gradsheet', modified: false })
    expect(window.title).toBe('model.gradsheet — Gradsheet')
    expect(window.closed).toBe(true)
  })
})

// The desktop app started with a FILE that was moved or deleted (Electron stood in, real
// disk): the window opens with a clear error instead of a crash (the page shows it and a
// blank workbook), and the FILE, listed in Open Recent by an earlier run, is off the list
// and off File → Open Recent from the start; the other listed file stays.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { MenuItemConstructorOptions } from 'electron'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { recentFiles } from '../../node/recent-files'
import { IPC } from './ipc-channels'
import { rec } from './electron-stand-in.test-support'

vi.mock('electron', async () => (await import('./electron-stand-in.test-support')).electronStandIn())

const repoRoot = join(import.meta.dirname, '..', '..')
const root = mkdtempSync(join(tmpdir(), 'gradsheet-main-missing-'))
const dataDir = join(root, 'data')
const kept = join(root, 'kept.gradsheet')
const gone = join(root, 'gone.gradsheet')
const APP = { url: 'app://gradsheet/index.html', parent: null }

function menuRecent(): string[] {
  const template = rec.menus.at(-1) as MenuItemConstructorOptions[]
  const file = template.find((item) => item.label?.replace('&', '') === 'File')!.submenu as MenuItemConstructorOptions[]
  const recent = file.find((item) => item.label === 'Open Recent')!.submenu as MenuItemConstructorOptions[]
  return recent.filter((item) => typeof item.sublabel === 'string').map((item) => item.sublabel!)
}

describe('a FILE argument that was moved or deleted (main process, Electron stood in)', () => {
  beforeAll(async () => {
    writeFileSync(kept, JSON.stringify({ format: 'gradsheet', version: 1, objective: null, sheets: [{ name: 'Sheet1', cells: {} }] }))
    // An earlier run listed both; gone.gradsheet has since been deleted.
    await recentFiles(dataDir).add(kept)
    await recentFiles(dataDir).add(gone)
    process.env.GRADSHEET_DATA_DIR = dataDir
    process.argv = [process.argv[0], join(repoRoot, 'out', 'main', 'index.js'), gone]
    await import('./index')
    await vi.waitFor(() => expect(rec.windows.length).toBe(1), { timeout: 20_000 })
  })

  it('opens a window whose starting file is a refusal in words, not a crash', async () => {
    const reply = await rec.ipcHandlers.get(IPC.initialFile)!({ senderFrame: APP, sender: rec.windows[0].webContents })
    expect(reply).toEqual({ ok: false, error: `${gone} was moved or deleted; it was removed from Open Recent.`, reason: 'missing' })
  })

  it('the FILE is off the list and off File → Open Recent from the start; the other file stays', async () => {
    expect(await recentFiles(dataDir).list()).toEqual([kept])
    await vi.waitFor(() => expect(menuRecent()).toEqual([kept]))
  })
})

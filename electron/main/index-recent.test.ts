// File → Open Recent through the real main process (Electron stood in, real disk): the
// FILE a window starts with is listed from the start, a file the page's worker refused
// leaves the list when the page says so (forgetRecent), and the menu is rebuilt then, so
// picking the refused file again is no longer offered; a good file opened before stays.
// A listed file moved or deleted on disk leaves the list when the page asks for it (the
// host sees the read fail, forgets it and rebuilds the menu); a listed path that is there
// but unreadable (now a folder) stays.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { MenuItemConstructorOptions } from 'electron'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { IPC } from './ipc-channels'
import { rec } from './electron-stand-in.test-support'

vi.mock('electron', async () => (await import('./electron-stand-in.test-support')).electronStandIn())

const repoRoot = join(import.meta.dirname, '..', '..')
const root = mkdtempSync(join(tmpdir(), 'gradsheet-main-recent-'))
const workbook = (version: number) => JSON.stringify({ format: 'gradsheet', version, objective: null, sheets: [{ name: 'Sheet1', cells: {} }] })
const good = join(root, 'good.gradsheet')
// Declared a Gradsheet workbook (so the host reads and remembers it), refused by the page's restore step.
const refused = join(root, 'newer.gradsheet')
const APP = { url: 'app://gradsheet/index.html', parent: null }
const invoke = (channel: string, window: any, ...args: unknown[]) =>
  rec.ipcHandlers.get(channel)!({ senderFrame: APP, sender: window.webContents }, ...args) as Promise<any>

/** The paths File → Open Recent lists in the menu installed last. */
function menuRecent(): string[] {
  const template = rec.menus.at(-1) as MenuItemConstructorOptions[]
  const file = template.find((item) => item.label?.replace('&', '') === 'File')!.submenu as MenuItemConstructorOptions[]
  const recent = file.find((item) => item.label === 'Open Recent')!.submenu as MenuItemConstructorOptions[]
  return recent.filter((item) => typeof item.sublabel === 'string').map((item) => item.sublabel!)
}

describe('Open Recent in the desktop menu (main process, Electron stood in)', () => {
  beforeAll(async () => {
    writeFileSync(good, workbook(1))
    writeFileSync(refused, workbook(99))
    process.env.GRADSHEET_DATA_DIR = join(root, 'data')
    process.argv = [process.argv[0], join(repoRoot, 'out', 'main', 'index.js'), good]
    await import('./index')
    await vi.waitFor(() => expect(rec.windows.length).toBe(1), { timeout: 20_000 })
  })

  it('lists the FILE the app started with', async () => {
    await vi.waitFor(() => expect(menuRecent()).toEqual([good]))
  })

  it('drops a refused file from the menu once the page forgets it; the good file stays', async () => {
    const [window] = rec.windows
    expect(await invoke(IPC.openPath, window, refused)).toMatchObject({ ok: true, value: { path: refused } })
    await vi.waitFor(() => expect(menuRecent()).toEqual([refused, good]))
    const menusBefore = rec.menus.length
    expect(await invoke(IPC.forgetRecent, window, refused)).toEqual({ ok: true, value: null })
    await vi.waitFor(() => expect(rec.menus.length).toBeGreaterThan(menusBefore))
    await vi.waitFor(() => expect(menuRecent()).toEqual([good]))
    expect((await invoke(IPC.recentFiles, window)).value).toEqual([good])
  })

  it('drops a file moved or deleted on disk once the page picks it, and says so; an unreadable one stays', async () => {
    const [window] = rec.windows
    const gone = join(root, 'gone.gradsheet')
    const folderNow = join(root, 'folder-now.gradsheet')
    writeFileSync(gone, workbook(1))
    writeFileSync(folderNow, workbook(1))
    for (const path of [gone, folderNow]) expect(await invoke(IPC.openPath, window, path)).toMatchObject({ ok: true })
    await vi.waitFor(() => expect(menuRecent()).toEqual([folderNow, gone, good]))
    rmSync(gone)
    rmSync(folderNow)
    mkdirSync(folderNow)
    const menusBefore = rec.menus.length
    expect(await invoke(IPC.openPath, window, gone)).toEqual({ ok: false, error: `${gone} was moved or deleted; it was removed from Open Recent.`, reason: 'missing' })
    await vi.waitFor(() => expect(rec.menus.length).toBeGreaterThan(menusBefore))
    await vi.waitFor(() => expect(menuRecent()).toEqual([folderNow, good]))
    expect(await invoke(IPC.openPath, window, folderNow)).toEqual({ ok: false, error: `${folderNow} is a folder, not a file.` })
    expect((await invoke(IPC.recentFiles, window)).value).toEqual([folderNow, good])
  })
})

// The desktop app's documents, through the real main process (Electron stood in, real
// disk): started with a FILE that has unsaved work from a crash, the window gets that
// work back with its document id and path; each window's backups are its own (another
// window cannot write them, nor name a path it never opened); Save goes only to chosen
// or opened paths; a window closed on purpose removes its backups, a crash's are kept.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { findDocumentBackups, writeDocumentBackup } from '../../node/document-backups'
import { IPC } from './ipc-channels'
import { rec } from './electron-stand-in.test-support'

vi.mock('electron', async () => (await import('./electron-stand-in.test-support')).electronStandIn())

const repoRoot = join(import.meta.dirname, '..', '..')
const root = mkdtempSync(join(tmpdir(), 'gradsheet-main-docs-'))
const dataDir = join(root, 'data')
const workbook = (a1: string) => JSON.stringify({ format: 'gradsheet', version: 1, objective: null, sheets: [{ name: 'Sheet1', cells: { A1: { input: a1 } } }] })
const fileA = join(root, 'a.gradsheet')
const fileB = join(root, 'b.gradsheet')
const APP = { url: 'app://gradsheet/index.html', parent: null }
const from = (window: any) => ({ senderFrame: APP, sender: window.webContents })
const invoke = (channel: string, window: any, ...args: unknown[]) => rec.ipcHandlers.get(channel)!(from(window), ...args) as Promise<any>
const backupIds = async () => (await findDocumentBackups(dataDir)).found.map((f) => f.documentId).sort()

describe('desktop documents (main process, Electron stood in)', () => {
  beforeAll(async () => {
    writeFileSync(fileA, workbook('saved A'))
    writeFileSync(fileB, workbook('saved B'))
    // A crash left unsaved work of a.gradsheet, and of an untitled workbook.
    await writeDocumentBackup(dataDir, 'doc-of-a', workbook('unsaved A'), { path: fileA, name: 'a.gradsheet' })
    await writeDocumentBackup(dataDir, 'doc-untitled', workbook('unsaved untitled'), { path: null, name: 'Untitled.gradsheet' })
    process.env.GRADSHEET_DATA_DIR = dataDir
    process.argv = [process.argv[0], join(repoRoot, 'out', 'main', 'index.js'), fileA]
    await import('./index')
    await vi.waitFor(() => expect(rec.windows.length).toBe(1), { timeout: 20_000 })
  })

  it('started with a FILE, offers that file’s unsaved work, with its document id and path', async () => {
    const reply = await invoke(IPC.initialFile, rec.windows[0])
    expect(reply).toEqual({ ok: true, value: { path: fileA, name: 'a.gradsheet', text: workbook('unsaved A'), recovered: true, documentId: 'doc-of-a' } })
    // The other crash's work is not thrown away; it waits for a start without a FILE.
    expect(await backupIds()).toEqual(['doc-of-a', 'doc-untitled'])
    expect(rec.messageBoxes).toEqual([])
  })

  it('saves recovered work back to its own file, and never to a path nobody chose', async () => {
    const [window] = rec.windows
    expect((await invoke(IPC.save, window, fileA, workbook('kept A'))).value).toMatchObject({ ok: true, path: fileA })
    expect(readFileSync(fileA, 'utf8')).toBe(workbook('kept A'))
    const unchosen = join(root, 'unchosen.gradsheet')
    expect((await invoke(IPC.save, window, unchosen, workbook('x'))).value).toMatchObject({ ok: false, error: expect.stringMatching(/Save As/) })
    expect(existsSync(unchosen)).toBe(false)
    // Chosen in the Save As dialog: written, and later saves may go there.
    rec.saveDialogAnswers.push(unchosen)
    expect((await invoke(IPC.saveAs, window, workbook('chosen'), 'x.gradsheet')).value).toMatchObject({ ok: true, path: unchosen })
    expect((await invoke(IPC.save, window, unchosen, workbook('again'))).value).toMatchObject({ ok: true })
  })

  it('keeps each window’s backups apart, and refuses another window’s document or an unopened path', async () => {
    rec.appEvents.get('second-instance')!({}, [process.argv[0], 'out/main/index.js', fileB], root)
    await vi.waitFor(() => expect(rec.windows.length).toBe(2))
    const [first, second] = rec.windows
    expect((await invoke(IPC.initialFile, second)).value).toEqual({ path: fileB, name: 'b.gradsheet', text: workbook('saved B') })
    const docA = { id: 'doc-of-a', path: fileA, name: 'a.gradsheet' }
    const docB = { id: 'window-two-doc', path: fileB, name: 'b.gradsheet' }
    expect(await invoke(IPC.writeBackup, first, docA, workbook('edit in one'))).toEqual({ ok: true, value: null })
    expect(await invoke(IPC.writeBackup, second, docB, workbook('edit in two'))).toEqual({ ok: true, value: null })
    expect((await invoke(IPC.writeBackup, second, { ...docA }, workbook('hijack'))).error).toMatch(/another window/)
    expect((await invoke(IPC.writeBackup, second, { ...docB, id: 'other', path: join(root, 'never.gradsheet') }, 'x')).error).toMatch(/did not open or save/)
    const found = (await findDocumentBackups(dataDir)).found
    expect(found.find((f) => f.documentId === 'doc-of-a')?.backup).toMatchObject({ text: workbook('edit in one'), path: fileA })
    expect(found.find((f) => f.documentId === 'window-two-doc')?.backup).toMatchObject({ text: workbook('edit in two'), path: fileB })
  })

  it('a window closed on purpose removes its backups; the others stay', async () => {
    const [first] = rec.windows
    rec.ipcListeners.get(IPC.setDocumentState)!(from(first), { name: 'a.gradsheet', modified: false })
    first.close()
    expect(first.closed).toBe(true)
    await vi.waitFor(async () => expect(await backupIds()).toEqual(['doc-untitled', 'window-two-doc']))
  })
})

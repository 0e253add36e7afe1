// File → Export as… on the desktop host (issue 11), through the real main process with
// Electron stood in: the path comes only from this export's save dialog (the page never
// names one), the kind's extension is added to the answer, a cancelled dialog writes
// nothing, a foreign sender and bad arguments are refused before any dialog opens, and a
// workbook the exporter refuses writes nothing.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { IPC } from './ipc-channels'
import { REFUSED_SENDER } from './ipc-handlers'
import { rec } from './electron-stand-in.test-support'

vi.mock('electron', async () => (await import('./electron-stand-in.test-support')).electronStandIn())

const repoRoot = join(import.meta.dirname, '..', '..')
const root = mkdtempSync(join(tmpdir(), 'gradsheet-main-export-'))
const APP = { url: 'app://gradsheet/index.html', parent: null }
const workbook = (cells: Record<string, unknown>) => JSON.stringify({ format: 'gradsheet', version: 1, objective: 'J', sheets: [{ name: 'Sheet1', cells }] })
const VALID = workbook({ B1: { input: '-3', name: 'x', param: true }, B2: { input: '=x^2', name: 'J' } })
const invoke = (frame: unknown, ...args: unknown[]) => rec.ipcHandlers.get(IPC.exportWorkbook)!({ senderFrame: frame, sender: rec.windows[0].webContents }, ...args) as Promise<any>

describe('Export as… in the desktop app (main process, Electron stood in)', () => {
  beforeAll(async () => {
    process.env.GRADSHEET_DATA_DIR = join(root, 'data')
    process.argv = [process.argv[0], join(repoRoot, 'out', 'main', 'index.js')]
    await import('./index')
    await vi.waitFor(() => expect(rec.windows.length).toBe(1), { timeout: 20_000 })
  })

  it('writes the module to the path picked in the save dialog, adding .py', async () => {
    rec.saveDialogAnswers.push(join(root, 'model'))
    expect(await invoke(APP, 'pytorch', VALID, { workbookName: 'model.gradsheet' })).toEqual({ ok: true, value: { ok: true, path: join(root, 'model.py'), name: 'model.py' } })
    expect(readFileSync(join(root, 'model.py'), 'utf8')).toMatch(/torch\.nn\.Parameter/)
    rec.saveDialogAnswers.push(join(root, 'book.xlsx'))
    expect((await invoke(APP, 'xlsx', VALID, { gradients: true })).value).toMatchObject({ ok: true, path: join(root, 'book.xlsx') })
    expect(existsSync(join(root, 'book.xlsx'))).toBe(true)
  })

  it('writes nothing when the dialog is cancelled', async () => {
    expect(await invoke(APP, 'numpy', VALID, {})).toEqual({ ok: true, value: null })
  })

  it('refuses a foreign sender and bad arguments before any dialog opens', async () => {
    rec.saveDialogAnswers.push(join(root, 'never.py'))
    expect(await invoke({ url: 'https://evil.example/', parent: null }, 'pytorch', VALID, {})).toEqual({ ok: false, error: REFUSED_SENDER })
    expect(await invoke({ ...APP, parent: {} }, 'pytorch', VALID, {})).toEqual({ ok: false, error: REFUSED_SENDER })
    expect((await invoke(APP, 'shell', VALID, {})).error).toMatch(/"pytorch", "numpy" or "xlsx"/)
    expect((await invoke(APP, 'pytorch', { text: VALID }, {})).error).toMatch(/must be text/)
    expect((await invoke(APP, 'pytorch', VALID, { path: '/etc/cron.d/x' })).error).toMatch(/unknown field/)
    // The dialog was never shown: its answer is still waiting, and nothing was written.
    expect(rec.saveDialogAnswers).toEqual([join(root, 'never.py')])
    rec.saveDialogAnswers.length = 0
    expect(existsSync(join(root, 'never.py'))).toBe(false)
  })

  it('says which cell and function the exporter refuses, and writes nothing', async () => {
    rec.saveDialogAnswers.push(join(root, 'refused.py'))
    const reply = await invoke(APP, 'numpy', workbook({ A1: { input: '12' }, B1: { input: '=gcd(A1, 8)', name: 'J' } }), {})
    expect(reply.value).toMatchObject({ ok: false, error: expect.stringMatching(/Sheet1!B1 uses gcd/) })
    expect(existsSync(join(root, 'refused.py'))).toBe(false)
  })
})

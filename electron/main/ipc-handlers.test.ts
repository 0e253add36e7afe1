import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { createBridgeService } from '../../node/bridge-service'
import { createFileSystemStorage } from '../../node/bridge-storage'
import { IPC } from './ipc-channels'
import { REFUSED_SENDER, registerBridgeHandlers, type BridgeHost, type BridgeIpcEvent } from './ipc-handlers'

const VALID = JSON.stringify({ format: 'gradsheet', version: 1, objective: null, sheets: [{ name: 'Sheet1', cells: { A1: { input: '2' } } }] })
const APP = { url: 'app://gradsheet/index.html', parent: null }
const DOC = { id: 'doc-1', path: null, name: 'Untitled.gradsheet' }
const FOREIGN = { url: 'https://evil.example/', parent: null }

/** A stand-in for ipcMain that records the handlers and lets a test invoke them. */
function fakeIpcMain() {
  const handlers = new Map<string, (event: BridgeIpcEvent, ...args: unknown[]) => unknown>()
  const listeners = new Map<string, (event: BridgeIpcEvent, ...args: unknown[]) => void>()
  return {
    handle: (channel: string, fn: (event: BridgeIpcEvent, ...args: unknown[]) => unknown) => void handlers.set(channel, fn),
    on: (channel: string, fn: (event: BridgeIpcEvent, ...args: unknown[]) => void) => void listeners.set(channel, fn),
    invoke: (channel: string, frame: typeof APP | null, ...args: unknown[]) => handlers.get(channel)!({ senderFrame: frame, sender: 'window-1' }, ...args),
    emit: (channel: string, frame: typeof APP | null, ...args: unknown[]) => listeners.get(channel)!({ senderFrame: frame, sender: 'window-1' }, ...args),
    channels: () => [...handlers.keys(), ...listeners.keys()],
  }
}

describe('bridge IPC handlers', () => {
  let folder: string
  let ipc: ReturnType<typeof fakeIpcMain>
  let calls: string[]
  let states: Array<{ name: string; modified: boolean }>
  let nextSavePath: string | null

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'gradsheet-ipc-'))
    const examples = join(folder, 'examples')
    ipc = fakeIpcMain()
    calls = []
    states = []
    nextSavePath = null
    const host: BridgeHost = {
      service: createBridgeService(createFileSystemStorage(join(folder, 'data')), examples),
      initialFile: async () => ({ ok: true, value: null }),
      chooseFileToOpen: async () => {
        calls.push('open dialog')
        return null
      },
      chooseFileToSave: async (_sender, name) => {
        calls.push(`save dialog ${name}`)
        return nextSavePath
      },
      chooseExportPath: async (_sender, name) => {
        calls.push(`export dialog ${name}`)
        return nextSavePath
      },
      documentLocated: (_sender, path) => void calls.push(`located ${path}`),
      recentChanged: () => void calls.push('recent changed'),
      setDocumentState: (_sender, state) => void states.push(state),
      writeBackup: async (_sender, _document, text) => {
        calls.push(`backup ${text === null ? 'discard' : text.length}`)
        return { ok: true, value: null }
      },
    }
    registerBridgeHandlers(ipc, host)
  })

  it('registers a handler for every bridge channel', () => {
    expect(ipc.channels().sort()).toEqual(Object.values(IPC).filter((c) => c !== IPC.menuCommand).sort())
  })

  it('refuses every request from a foreign origin, a sub-frame or a vanished frame, before doing anything', async () => {
    const path = join(folder, 'a.gradsheet')
    writeFileSync(path, VALID)
    for (const frame of [FOREIGN, { url: 'app://gradsheet/index.html', parent: APP }, { url: 'file:///tmp/x.html', parent: null }, null]) {
      for (const [channel, args] of [
        [IPC.openPath, [path]],
        [IPC.save, [path, VALID]],
        [IPC.saveAs, [VALID, 'x.gradsheet']],
        [IPC.showOpenDialog, []],
        [IPC.writeBackup, [DOC, 'text']],
        [IPC.listExamples, []],
        [IPC.recentFiles, []],
        [IPC.forgetRecent, [path]],
        [IPC.initialFile, []],
        [IPC.openExample, ['x']],
        [IPC.exportFile, ['graph.svg', '<svg></svg>', 'utf8']],
      ] as const) {
        expect(await ipc.invoke(channel, frame as typeof APP, ...args)).toEqual({ ok: false, error: REFUSED_SENDER })
      }
      ipc.emit(IPC.setDocumentState, frame as typeof APP, { name: 'x', modified: true })
    }
    expect(calls).toEqual([])
    expect(states).toEqual([])
    expect(readFileSync(path, 'utf8')).toBe(VALID)
  })

  it('exports a graph through the save dialog, checking name, data and encoding first', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"></svg>'
    expect(await ipc.invoke(IPC.exportFile, APP, 'graph.sh', svg, 'utf8')).toMatchObject({ ok: false, error: expect.stringMatching(/\.svg or \.png/) })
    expect(await ipc.invoke(IPC.exportFile, APP, 'graph.svg', svg, 'base64')).toMatchObject({ ok: false, error: expect.stringMatching(/utf8/) })
    expect(await ipc.invoke(IPC.exportFile, APP, 'graph.png', 'aGVsbG8=', 'base64')).toMatchObject({ ok: false, error: expect.stringMatching(/not a PNG/) })
    expect(calls).toEqual([])
    expect(await ipc.invoke(IPC.exportFile, APP, 'graph.svg', svg, 'utf8')).toEqual({ ok: true, value: null })
    nextSavePath = join(folder, 'graph.svg')
    expect(await ipc.invoke(IPC.exportFile, APP, 'graph.svg', svg, 'utf8')).toEqual({ ok: true, value: { ok: true, path: nextSavePath, name: 'graph.svg' } })
    expect(readFileSync(nextSavePath, 'utf8')).toBe(svg)
    expect(calls).toEqual(['export dialog graph.svg', 'export dialog graph.svg'])
  })

  it('opens and saves for the app page, and records where the document lives', async () => {
    const path = join(folder, 'model.gradsheet')
    writeFileSync(path, VALID)
    expect(await ipc.invoke(IPC.openPath, APP, path)).toEqual({ ok: true, value: { path, name: 'model.gradsheet', text: VALID } })
    const saved = await ipc.invoke(IPC.save, APP, path, VALID.replace('"2"', '"3"'))
    expect(saved).toEqual({ ok: true, value: { ok: true, path, name: 'model.gradsheet' } })
    expect(readFileSync(path, 'utf8')).toContain('"3"')
    expect(calls).toEqual([`located ${path}`, `located ${path}`])
    expect(await ipc.invoke(IPC.recentFiles, APP)).toEqual({ ok: true, value: [path] })
  })

  it('saves a workbook that came as UTF-8 bytes (the preload reads the worker’s Blob), refusing bytes that are not UTF-8', async () => {
    const path = join(folder, 'bytes.gradsheet')
    writeFileSync(path, VALID)
    await ipc.invoke(IPC.openPath, APP, path)
    const text = VALID.replace('"2"', '"é"')
    expect(await ipc.invoke(IPC.save, APP, path, new TextEncoder().encode(text))).toEqual({ ok: true, value: { ok: true, path, name: 'bytes.gradsheet' } })
    expect(readFileSync(path, 'utf8')).toBe(text)
    expect(await ipc.invoke(IPC.save, APP, path, new Uint8Array([0x7b, 0xff]))).toEqual({ ok: true, value: { ok: false, error: 'The workbook text is not valid UTF-8.' } })
    expect(readFileSync(path, 'utf8')).toBe(text)
  })

  it('rejects arguments of the wrong type or size with a sentence, touching nothing', async () => {
    const cases: Array<[string, unknown[], RegExp]> = [
      [IPC.openPath, [42], /must be text/],
      [IPC.openPath, [{ path: '/x' }], /must be text, not an object/],
      [IPC.openPath, ['relative/file.gradsheet'], /must be absolute/],
      [IPC.openPath, ['/' + 'a'.repeat(5000)], /too long/],
      [IPC.openPath, ['/tmp/a\0b'], /NUL/],
      [IPC.save, [join(folder, 'x.gradsheet'), 12], /workbook text must be text/],
      [IPC.save, [join(folder, 'x.txt'), VALID], /\.gradsheet files/],
      [IPC.save, [join(folder, 'big.gradsheet'), 'x'.repeat(64 * 1024 * 1024 + 1)], /too large/],
      [IPC.saveAs, [null, 'x.gradsheet'], /workbook text must be text/],
      [IPC.saveAs, [VALID, '../../etc/x.gradsheet'], /bare name/],
      [IPC.saveAs, [VALID, 'n'.repeat(300)], /too long/],
      [IPC.writeBackup, [DOC, 123], /must be text/],
      [IPC.writeBackup, [{ ...DOC, id: '../x' }, 'text'], /document id/],
      [IPC.writeBackup, [{ ...DOC, path: 'relative.gradsheet' }, 'text'], /absolute/],
      [IPC.openExample, ['../secret'], /not a valid example id/],
      [IPC.openExample, [{}], /must be text/],
      [IPC.forgetRecent, [7], /must be text/],
      [IPC.forgetRecent, ['relative/file.gradsheet'], /must be absolute/],
      [IPC.forgetRecent, ['/tmp/a\0b'], /NUL/],
    ]
    for (const [channel, args, message] of cases) {
      const reply = (await ipc.invoke(channel, APP, ...args)) as { ok: boolean; value?: { ok: boolean; error?: string }; error?: string }
      const error = reply.ok ? reply.value?.error : reply.error
      expect(reply.ok && reply.value?.ok, `${channel} ${String(args[0]).slice(0, 40)}`).toBeFalsy()
      expect(error, channel).toMatch(message)
    }
    expect(calls).toEqual([])
  })

  it('ignores malformed document states', () => {
    ipc.emit(IPC.setDocumentState, APP, { name: 5, modified: true })
    ipc.emit(IPC.setDocumentState, APP, { name: 'a', modified: 'yes' })
    ipc.emit(IPC.setDocumentState, APP, 'a.gradsheet')
    ipc.emit(IPC.setDocumentState, APP, { name: 'a.gradsheet', modified: true })
    expect(states).toEqual([{ name: 'a.gradsheet', modified: true }])
  })

  it('Save As asks for a path, adds nothing when cancelled, saves when given one', async () => {
    expect(await ipc.invoke(IPC.saveAs, APP, VALID, 'model.gradsheet')).toEqual({ ok: true, value: null })
    nextSavePath = join(folder, 'chosen.gradsheet')
    expect(await ipc.invoke(IPC.saveAs, APP, VALID, 'model.gradsheet')).toEqual({ ok: true, value: { ok: true, path: nextSavePath, name: 'chosen.gradsheet' } })
    expect(readFileSync(nextSavePath, 'utf8')).toBe(VALID)
  })

  it('an invalid workbook file is refused with a clear message', async () => {
    const path = join(folder, 'broken.gradsheet')
    writeFileSync(path, '{"format": "something-else"')
    const reply = (await ipc.invoke(IPC.openPath, APP, path)) as { ok: boolean; error: string }
    expect(reply.ok).toBe(false)
    expect(reply.error).toContain('broken.gradsheet')
    expect(calls).toEqual([])
  })

  it('passes backups and discards through after checking them', async () => {
    expect(await ipc.invoke(IPC.writeBackup, APP, DOC, VALID)).toEqual({ ok: true, value: null })
    expect(await ipc.invoke(IPC.writeBackup, APP, DOC, null)).toEqual({ ok: true, value: null })
    expect(calls).toEqual([`backup ${VALID.length}`, 'backup discard'])
  })

  it('forgetRecent takes a refused file off Open Recent and asks for the menu to be rebuilt', async () => {
    const good = join(folder, 'good.gradsheet')
    const refused = join(folder, 'newer.gradsheet')
    writeFileSync(good, VALID)
    // Declared a workbook, so the host passes it on (and remembers it); the page's restore step refuses version 99.
    writeFileSync(refused, VALID.replace('"version":1', '"version":99'))
    expect((await ipc.invoke(IPC.openPath, APP, good)) as { ok: boolean }).toMatchObject({ ok: true })
    expect((await ipc.invoke(IPC.openPath, APP, refused)) as { ok: boolean }).toMatchObject({ ok: true })
    expect(await ipc.invoke(IPC.recentFiles, APP)).toEqual({ ok: true, value: [refused, good] })
    calls = []
    expect(await ipc.invoke(IPC.forgetRecent, APP, refused)).toEqual({ ok: true, value: null })
    expect(calls).toEqual(['recent changed'])
    expect(await ipc.invoke(IPC.recentFiles, APP)).toEqual({ ok: true, value: [good] })
    // A second forget, and a forget of a path this session never opened: the same answer, nothing else changes.
    expect(await ipc.invoke(IPC.forgetRecent, APP, refused)).toEqual({ ok: true, value: null })
    expect(await ipc.invoke(IPC.forgetRecent, APP, join(folder, 'never-opened.gradsheet'))).toEqual({ ok: true, value: null })
    expect(await ipc.invoke(IPC.recentFiles, APP)).toEqual({ ok: true, value: [good] })
    expect(readFileSync(good, 'utf8')).toBe(VALID)
  })

  it('openPath of a listed file moved or deleted: the service forgot it, so the menu is rebuilt; any other failure rebuilds nothing', async () => {
    const gone = join(folder, 'gone.gradsheet')
    const folderNow = join(folder, 'folder-now.gradsheet')
    for (const path of [gone, folderNow]) {
      writeFileSync(path, VALID)
      expect((await ipc.invoke(IPC.openPath, APP, path)) as { ok: boolean }).toMatchObject({ ok: true })
    }
    rmSync(gone)
    rmSync(folderNow)
    mkdirSync(folderNow)
    calls = []
    expect(await ipc.invoke(IPC.openPath, APP, folderNow)).toEqual({ ok: false, error: `${folderNow} is a folder, not a file.` })
    expect(calls).toEqual([])
    expect(await ipc.invoke(IPC.openPath, APP, gone)).toMatchObject({ ok: false, reason: 'missing', error: expect.stringMatching(/was moved or deleted; it was removed from Open Recent\.$/) })
    expect(calls).toEqual(['recent changed'])
    expect(await ipc.invoke(IPC.recentFiles, APP)).toEqual({ ok: true, value: [folderNow] })
  })
})

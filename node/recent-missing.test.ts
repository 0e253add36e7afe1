// A recent file moved or deleted on disk, against the real file system: when the host's
// read of a path on the recent list fails because nothing is there (ENOENT, ENOTDIR), the
// host takes it off the list itself and says so (reason 'missing'); any other failure
// (a folder, permission denied, an I/O error) keeps it listed, with its own words, since
// the file may come back. A path not on the list learns nothing new (one sentence), and
// nothing here ever adds to the list. (Tests run as root: denied permissions and I/O
// errors are injected as the errors the OS raises.)
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { promises as fsp } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { createBridgeService, movedOrDeletedMessage, type BridgeService } from './bridge-service'
import { createFileSystemStorage, unreadableMessage } from './bridge-storage'
import { RECENT_FILES_NAME, recentFiles } from './recent-files'
import { createWebDocuments } from './web-documents'

const workbook = JSON.stringify({ format: 'gradsheet', version: 1, objective: null, sheets: [{ name: 'Sheet1', cells: {} }] })

let folder: string
let data: string
let first: string
let second: string

/** A service whose file system fails to open `path` with `code`, as the OS would for a normal user. */
function serviceFailingOn(path: string, code: string): BridgeService {
  const open = ((target: string, ...rest: unknown[]) =>
    target === path ? Promise.reject(Object.assign(new Error(`${code}: simulated, open '${target}'`), { code })) : (fsp.open as (...a: unknown[]) => unknown)(target, ...rest)) as typeof fsp.open
  return createBridgeService(createFileSystemStorage(data, { open }), join(folder, 'examples'))
}

const service = () => createBridgeService(createFileSystemStorage(data), join(folder, 'examples'))

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'gradsheet-recent-missing-'))
  data = join(folder, 'data')
  first = join(folder, 'first.gradsheet')
  second = join(folder, 'second.gradsheet')
  writeFileSync(first, workbook)
  writeFileSync(second, workbook)
  // An earlier run's list: this session never opened either file (no save grants).
  await recentFiles(data).add(first)
  await recentFiles(data).add(second)
})

describe('a recent file that is gone', () => {
  it('deleted: the host refuses with reason "missing", takes it off the list (on disk too), keeps the rest', async () => {
    rmSync(first)
    const bridge = service()
    expect(await bridge.openPath(first)).toEqual({ ok: false, error: movedOrDeletedMessage(first), reason: 'missing' })
    expect(movedOrDeletedMessage(first)).toBe(`${first} was moved or deleted; it was removed from Open Recent.`)
    expect(await bridge.recentFiles()).toEqual([second])
    expect(await recentFiles(data).list()).toEqual([second])
    // Asked again, it is a path like any other: one sentence, nothing else changes.
    expect(await bridge.openPath(first)).toEqual({ ok: false, error: unreadableMessage(first) })
    expect(await bridge.recentFiles()).toEqual([second])
  })

  it('moved (its folder too: ENOTDIR, a file where a folder was): it leaves the list', async () => {
    const sub = join(folder, 'project')
    mkdirSync(sub)
    const nested = join(sub, 'nested.gradsheet')
    writeFileSync(nested, workbook)
    await recentFiles(data).add(nested)
    renameSync(second, join(folder, 'renamed.gradsheet'))
    rmSync(sub, { recursive: true })
    writeFileSync(sub, 'a file now')
    const bridge = service()
    expect(await bridge.openPath(second)).toMatchObject({ ok: false, reason: 'missing' })
    expect(await bridge.openPath(nested)).toMatchObject({ ok: false, reason: 'missing', error: movedOrDeletedMessage(nested) })
    expect(await bridge.recentFiles()).toEqual([first])
  })

  it('spelled with ".." it is still the listed file', async () => {
    rmSync(first)
    expect(await service().openPath(`${folder}/x/../first.gradsheet`)).toMatchObject({ ok: false, reason: 'missing' })
    expect(await recentFiles(data).list()).toEqual([second])
  })
})

describe('a recent file that is there but cannot be read stays listed', () => {
  for (const [code, words] of [
    ['EACCES', 'permission denied'],
    ['EPERM', 'permission denied'],
    ['EIO', 'EIO: simulated'],
    ['EBUSY', 'in use by another program'],
  ] as const) {
    it(`${code}: its own words, no reason, the list as it was`, async () => {
      const bridge = serviceFailingOn(first, code)
      const reply = await bridge.openPath(first)
      expect(reply).toEqual({ ok: false, error: expect.stringContaining(words) })
      expect(reply).not.toHaveProperty('reason')
      expect((reply as { error: string }).error).toContain(first)
      expect(await bridge.recentFiles()).toEqual([second, first])
    })
  }

  it('a folder where the file was: says so, stays listed', async () => {
    rmSync(first)
    mkdirSync(first)
    const bridge = service()
    expect(await bridge.openPath(first)).toEqual({ ok: false, error: `${first} is a folder, not a file.` })
    expect(await bridge.recentFiles()).toEqual([second, first])
  })
})

describe('the FILE argument of `npm run web`, moved or deleted', () => {
  it('the tab gets the refusal in words (no crash), and the listed FILE leaves Open Recent', async () => {
    rmSync(first)
    const bridge = service()
    const documents = createWebDocuments({ dataFolder: data, service: bridge, file: first })
    expect(await documents.initialFile(null)).toEqual({ ok: false, error: movedOrDeletedMessage(first), reason: 'missing' })
    expect(await bridge.recentFiles()).toEqual([second])
    // Not listed (any more, or ever): one sentence, and the app still starts.
    expect(await documents.initialFile(null)).toEqual({ ok: false, error: unreadableMessage(first) })
  })
})

describe('a path that is not on the list', () => {
  it('missing or unreadable: one sentence either way, no reason, and the list file is not even written', async () => {
    const gone = join(folder, 'never-listed.gradsheet')
    const listFile = join(data, RECENT_FILES_NAME)
    const before = (await fsp.stat(listFile)).mtimeMs
    const bridge = service()
    expect(await bridge.openPath(gone)).toEqual({ ok: false, error: unreadableMessage(gone) })
    expect(await bridge.openPath(folder)).toEqual({ ok: false, error: unreadableMessage(folder) })
    expect(await serviceFailingOn(gone, 'EACCES').openPath(gone)).toEqual({ ok: false, error: unreadableMessage(gone) })
    expect((await fsp.stat(listFile)).mtimeMs).toBe(before)
    expect(await bridge.recentFiles()).toEqual([second, first])
  })

  it('nothing is ever added: a fresh data folder gets no list file from a missing path', async () => {
    const fresh = createBridgeService(createFileSystemStorage(join(folder, 'fresh')), join(folder, 'examples'))
    expect(await fresh.openPath(join(folder, 'nope.gradsheet'))).toMatchObject({ ok: false })
    expect(existsSync(join(folder, 'fresh', RECENT_FILES_NAME))).toBe(false)
  })
})

// forgetRecent, the one bridge call that edits Open Recent on the page's word, against
// the real file system: the host remembers a declared workbook when it reads it (before
// the page's worker can refuse it), and the page's forget takes it off again. It only
// removes, only paths this session opened or saved, checks its argument like every path,
// and answers the same whether or not anything changed.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { createBridgeService, type BridgeService } from './bridge-service'
import { createFileSystemStorage } from './bridge-storage'
import { RECENT_FILES_NAME, recentFiles } from './recent-files'

const workbook = (version: number) => JSON.stringify({ format: 'gradsheet', version, objective: null, sheets: [{ name: 'Sheet1', cells: {} }] })
const NULL_REPLY = { ok: true, value: null }

let folder: string
let data: string
let service: BridgeService
let good: string
let refused: string

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'gradsheet-forget-'))
  data = join(folder, 'data')
  service = createBridgeService(createFileSystemStorage(data), join(folder, 'examples'))
  good = join(folder, 'good.gradsheet')
  refused = join(folder, 'newer.gradsheet')
  writeFileSync(good, workbook(1))
  // Declared a Gradsheet workbook, so the host passes it to the page; the restore step refuses version 99.
  writeFileSync(refused, workbook(99))
})

describe('forgetRecent', () => {
  it('takes a file the page refused off the list that opening it put it on; the good file stays', async () => {
    expect(await service.openPath(good)).toMatchObject({ ok: true })
    expect(await service.openPath(refused)).toMatchObject({ ok: true, value: { path: refused } })
    expect(await service.recentFiles()).toEqual([refused, good])
    expect(await service.forgetRecent(refused)).toEqual(NULL_REPLY)
    expect(await service.recentFiles()).toEqual([good])
    // On disk, for the next start too.
    expect(await recentFiles(data).list()).toEqual([good])
    expect(readFileSync(refused, 'utf8')).toBe(workbook(99))
  })

  it('refuses a malformed path in words and touches nothing', async () => {
    await service.openPath(good)
    for (const [path, message] of [
      [42, /must be text, not a number/],
      [{ path: good }, /must be text, not an object/],
      ['', /empty/],
      ['good.gradsheet', /must be absolute/],
      ['/' + 'a'.repeat(5000), /too long/],
      [good + '\0', /NUL/],
    ] as const) {
      expect(await service.forgetRecent(path)).toEqual({ ok: false, error: expect.stringMatching(message) })
    }
    expect(await service.recentFiles()).toEqual([good])
  })

  it('forgets only a path this session opened or saved: a page cannot empty the list of files it never had', async () => {
    // An earlier run's list (another session's files).
    await recentFiles(data).add(good)
    expect(await service.forgetRecent(good)).toEqual(NULL_REPLY)
    expect(await service.recentFiles()).toEqual([good])
    // A file this session saved (granted) may be forgotten.
    const saved = join(folder, 'saved.gradsheet')
    expect(await service.saveChosen(saved, workbook(1))).toMatchObject({ ok: true })
    expect(await service.recentFiles()).toEqual([saved, good])
    expect(await service.forgetRecent(saved)).toEqual(NULL_REPLY)
    expect(await service.recentFiles()).toEqual([good])
  })

  it('never adds: a granted path that is not listed changes nothing, not even a first list file', async () => {
    // Opening a refused file grants it; the list file appears only because openPath remembers.
    expect(await service.openPath(refused)).toMatchObject({ ok: true })
    expect(await service.forgetRecent(refused)).toEqual(NULL_REPLY)
    expect(await service.forgetRecent(refused)).toEqual(NULL_REPLY)
    expect(await service.recentFiles()).toEqual([])
    // A fresh data folder: forgetting writes nothing.
    const fresh = createBridgeService(createFileSystemStorage(join(folder, 'fresh')), join(folder, 'examples'))
    expect(await fresh.forgetRecent(good)).toEqual(NULL_REPLY)
    expect(existsSync(join(folder, 'fresh', RECENT_FILES_NAME))).toBe(false)
  })

  it('names the listed file however the path is spelled (".." segments)', async () => {
    await service.openPath(refused)
    expect(await service.forgetRecent(`${folder}/sub/../newer.gradsheet`)).toEqual(NULL_REPLY)
    expect(await service.recentFiles()).toEqual([])
  })
})

import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RECENT_FILES_NAME, recentFiles } from './recent-files.ts'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gradsheet-recent-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('recentFiles', () => {
  it('starts empty, puts the latest first, deduplicates and caps the list', async () => {
    const recent = recentFiles(join(dir, 'data'), 3)
    expect(await recent.list()).toEqual([])
    await recent.add('/w/a.gradsheet')
    await recent.add('/w/b.gradsheet')
    await recent.add('/w/a.gradsheet')
    expect(await recent.list()).toEqual(['/w/a.gradsheet', '/w/b.gradsheet'])
    await recent.add('/w/c.gradsheet')
    expect(await recent.add('/w/d.gradsheet')).toEqual(['/w/d.gradsheet', '/w/c.gradsheet', '/w/a.gradsheet'])
  })

  it('stores absolute paths and survives a restart (a new instance reads the file)', async () => {
    await recentFiles(dir).add('relative/x.gradsheet')
    expect(await recentFiles(dir).list()).toEqual([join(process.cwd(), 'relative/x.gradsheet')])
    expect(JSON.parse(await readFile(join(dir, RECENT_FILES_NAME), 'utf8')).version).toBe(1)
  })

  it('removes and clears', async () => {
    const recent = recentFiles(dir)
    await recent.add('/w/a.gradsheet')
    await recent.add('/w/b.gradsheet')
    expect(await recent.remove('/w/a.gradsheet')).toEqual(['/w/b.gradsheet'])
    expect(await recent.clear()).toEqual([])
  })

  it('removing a path that is not listed is a no-op: no list file is created, an existing one is not rewritten', async () => {
    const data = join(dir, 'data')
    expect(await recentFiles(data).remove('/w/never.gradsheet')).toEqual([])
    expect(await readdir(dir)).toEqual([])
    const recent = recentFiles(data)
    await recent.add('/w/a.gradsheet')
    const file = join(data, RECENT_FILES_NAME)
    const before = await stat(file)
    expect(await recent.remove('/w/b.gradsheet')).toEqual(['/w/a.gradsheet'])
    // The list is written atomically (a new file renamed over the old): a rewrite shows as a new inode.
    expect((await stat(file)).ino).toBe(before.ino)
    // The same file named another way (".." segments) is the listed one.
    expect(await recent.remove('/w/x/../a.gradsheet')).toEqual([])
  })

  it('treats a corrupt list as empty and replaces it on the next change', async () => {
    const file = join(dir, RECENT_FILES_NAME)
    for (const junk of ['{not json', '[1,2]', '{"files": "x"}', 'null']) {
      await writeFile(file, junk)
      expect(await recentFiles(dir).list()).toEqual([])
    }
    await writeFile(file, '{"files": ["/ok.gradsheet", 3, "", "/ok.gradsheet"]}')
    expect(await recentFiles(dir).list()).toEqual(['/ok.gradsheet'])
    await writeFile(file, '{oops')
    expect(await recentFiles(dir).add('/n.gradsheet')).toEqual(['/n.gradsheet'])
  })

  it('loses no entry when many are added at once, and leaves no temporary files', async () => {
    const recent = recentFiles(dir, 50)
    const paths = Array.from({ length: 20 }, (_, i) => `/w/${i}.gradsheet`)
    await Promise.all(paths.map((p) => recent.add(p)))
    expect(await recent.list()).toEqual([...paths].reverse())
    expect(await readdir(dir)).toEqual([RECENT_FILES_NAME])
  })
})

import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
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

import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BACKUP_FILE_NAME, discardBackup, readBackup, writeBackup } from './backups.ts'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gradsheet-backup-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('hot-exit backups', () => {
  it('no backup reads as null', async () => {
    expect(await readBackup(join(dir, 'never-created'))).toEqual({ ok: true, backup: null })
  })

  it('writes, reads back verbatim, replaces and discards', async () => {
    const data = join(dir, 'data')
    const text = '{"format":"gradsheet", "weird spacing": "kept ✓"}'
    await writeBackup(data, text, { path: '/w/a.gradsheet', name: 'a.gradsheet' }, new Date('2026-01-02T03:04:05Z'))
    expect(await readBackup(data)).toEqual({
      ok: true,
      backup: { text, path: '/w/a.gradsheet', name: 'a.gradsheet', savedAt: '2026-01-02T03:04:05.000Z' },
    })
    await writeBackup(data, 'second')
    const second = await readBackup(data)
    expect(second.ok && second.backup).toMatchObject({ text: 'second', path: null, name: 'Untitled' })
    expect(await readdir(data)).toEqual([BACKUP_FILE_NAME])
    await discardBackup(data)
    expect(await readBackup(data)).toEqual({ ok: true, backup: null })
    await discardBackup(data)
  })

  it('a discard issued after a write is never overtaken by it', async () => {
    const pending = writeBackup(dir, 'unsaved')
    const discard = discardBackup(dir)
    await Promise.all([pending, discard])
    expect(await readBackup(dir)).toEqual({ ok: true, backup: null })
  })

  it('reports a damaged or foreign backup in words instead of failing', async () => {
    const file = join(dir, BACKUP_FILE_NAME)
    const cases: [string, RegExp][] = [
      ['{oops', /is damaged: it is not valid JSON\.$/],
      ['{"format":"other","version":1,"text":"x"}', /is damaged: it is not a Gradsheet backup\.$/],
      ['{"format":"gradsheet-backup","version":9,"text":"x"}', /written by a newer Gradsheet \(backup version 9\)/],
      ['{"format":"gradsheet-backup","version":1,"text":5}', /it holds no workbook text/],
    ]
    for (const [content, message] of cases) {
      await writeFile(file, content)
      const r = await readBackup(dir)
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.error).toMatch(message)
    }
  })
})

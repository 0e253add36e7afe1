import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { backupsOfFile, documentFolder, findDocumentBackups, removeDocumentBackup, writeDocumentBackup } from '../../node/document-backups'
import { closeChoice, restoreChoice, unsavedChangesQuestion } from './close-guard'
import { fileFromCommandLine } from './command-line'

describe('command line', () => {
  it('finds the workbook after the entry script in development', () => {
    expect(fileFromCommandLine(['/x/electron', 'out/main/index.js', 'model.gradsheet'], false, '/home/me')).toBe('/home/me/model.gradsheet')
    expect(fileFromCommandLine(['/x/electron', 'out/main/index.js', '--no-sandbox', '/abs/m.gradsheet'], false, '/home/me')).toBe('/abs/m.gradsheet')
    expect(fileFromCommandLine(['/x/electron', 'out/main/index.js'], false, '/home/me')).toBeNull()
    // Launchers put their switches first (Playwright: --inspect=0 --remote-debugging-port=0).
    expect(fileFromCommandLine(['/x/electron', '--inspect=0', '--remote-debugging-port=0', 'out/main/index.js', 'm.gradsheet'], false, '/w')).toBe('/w/m.gradsheet')
    expect(fileFromCommandLine(['/x/electron', '--inspect=0', 'out/main/index.js'], false, '/w')).toBeNull()
  })

  it('finds it right after the executable when packaged', () => {
    expect(fileFromCommandLine(['/opt/Gradsheet/gradsheet', 'a.gradsheet'], true, '/w')).toBe('/w/a.gradsheet')
    expect(fileFromCommandLine(['/opt/Gradsheet/gradsheet', '--enable-logging'], true, '/w')).toBeNull()
  })
})

describe('close guard', () => {
  it('asks Save / Don’t Save / Cancel, naming the workbook, with Cancel as the escape answer', () => {
    const question = unsavedChangesQuestion('model.gradsheet')
    expect(question.buttons).toEqual(['Save', "Don't Save", 'Cancel'])
    expect(question.message).toContain('model.gradsheet')
    expect(question.cancelId).toBe(2)
    expect([0, 1, 2, 7, -1].map(closeChoice)).toEqual(['save', 'discard', 'cancel', 'cancel', 'cancel'])
  })

  it('restores a backup unless the person chooses Discard', () => {
    expect([0, 1, 5].map(restoreChoice)).toEqual(['restore', 'discard', 'restore'])
  })
})

describe('backups per document', () => {
  it('finds leftover backups of each document, reports damaged ones, and removes one', async () => {
    const data = mkdtempSync(join(tmpdir(), 'gradsheet-slots-'))
    expect(await findDocumentBackups(data)).toEqual({ found: [], problems: [] })
    await writeDocumentBackup(data, 'aaa', 'text A', { path: '/w/a.gradsheet', name: 'a.gradsheet' })
    await new Promise((r) => setTimeout(r, 5))
    await writeDocumentBackup(data, 'bbb', 'text B', { path: null, name: 'Untitled.gradsheet' })
    const { writeFileSync, mkdirSync } = await import('node:fs')
    mkdirSync(documentFolder(data, 'ccc'), { recursive: true })
    writeFileSync(join(documentFolder(data, 'ccc'), 'hot-exit-backup.json'), '{not json')
    const { found, problems } = await findDocumentBackups(data)
    expect(found.map((f) => [f.documentId, f.backup.text, f.backup.path, f.backup.name])).toEqual([
      ['aaa', 'text A', '/w/a.gradsheet', 'a.gradsheet'],
      ['bbb', 'text B', null, 'Untitled.gradsheet'],
    ])
    expect(backupsOfFile(found, '/w/a.gradsheet').map((f) => f.documentId)).toEqual(['aaa'])
    expect(backupsOfFile(found, '/w/b.gradsheet')).toEqual([])
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/damaged/)
    await removeDocumentBackup(data, 'aaa')
    expect((await findDocumentBackups(data)).found.map((f) => f.documentId)).toEqual(['bbb'])
    expect(() => documentFolder(data, '../escape')).toThrow()
  })
})

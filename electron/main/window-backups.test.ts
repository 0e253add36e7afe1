// Each desktop window's backups, on a real data folder with the windows stood in: a
// window writes and removes its own document's backup, never another window's, never
// one naming a path it did not open or choose, and nothing for a window that closed.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { BridgeService } from '../../node/bridge-service'
import { findDocumentBackups } from '../../node/document-backups'
import { createPathGrants } from '../../node/path-grants'
import { writeWindowBackup } from './window-backups'
import type { WorkbookWindow, WorkbookWindows } from './workbook-windows'

function standIn() {
  const senders = new Map<string, WorkbookWindow>()
  const windowOf = (id: number) => ({ window: { id }, documentIds: new Set<string>() }) as unknown as WorkbookWindow
  senders.set('first', windowOf(1))
  senders.set('second', windowOf(2))
  const windows = { stateOf: (sender: unknown) => senders.get(sender as string), documentOwners: new Map<string, number>() } as unknown as WorkbookWindows
  const grants = createPathGrants()
  return { windows, service: { grants } as unknown as BridgeService, grants, senders }
}
const doc = (id: string, path: string | null = null) => ({ id, path, name: 'model.gradsheet' })
const ids = async (folder: string) => (await findDocumentBackups(folder)).found.map((f) => f.documentId).sort()

describe('writeWindowBackup', () => {
  it('writes a window’s backup, claims the document for it, and removes it on null', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'gradsheet-window-backups-'))
    const { windows, service, senders } = standIn()
    expect(await writeWindowBackup(windows, service, folder, 'first', doc('doc-1'), '{}')).toEqual({ ok: true, value: null })
    expect(await ids(folder)).toEqual(['doc-1'])
    expect(windows.documentOwners.get('doc-1')).toBe(1)
    expect(senders.get('first')!.documentIds.has('doc-1')).toBe(true)
    expect(await writeWindowBackup(windows, service, folder, 'first', doc('doc-1'), null)).toEqual({ ok: true, value: null })
    expect(await ids(folder)).toEqual([])
  })

  it('refuses another window’s document, and writes nothing', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'gradsheet-window-backups-'))
    const { windows, service } = standIn()
    await writeWindowBackup(windows, service, folder, 'first', doc('doc-1'), '{"mine":1}')
    expect(await writeWindowBackup(windows, service, folder, 'second', doc('doc-1'), '{"theirs":1}')).toEqual({ ok: false, error: 'That document belongs to another window.' })
    expect((await findDocumentBackups(folder)).found[0].backup.text).toBe('{"mine":1}')
  })

  it('refuses a backup naming a path the window did not open or choose; a granted one is written', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'gradsheet-window-backups-'))
    const { windows, service, grants } = standIn()
    const reply = await writeWindowBackup(windows, service, folder, 'first', doc('doc-2', '/home/me/secret.gradsheet'), '{}')
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining('did not open or save') })
    expect(await ids(folder)).toEqual([])
    grants.grant('/home/me/secret.gradsheet')
    expect(await writeWindowBackup(windows, service, folder, 'first', doc('doc-2', '/home/me/secret.gradsheet'), '{}')).toEqual({ ok: true, value: null })
  })

  it('writes nothing for a window that has closed', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'gradsheet-window-backups-'))
    const { windows, service } = standIn()
    expect(await writeWindowBackup(windows, service, folder, 'gone', doc('doc-3'), '{}')).toEqual({ ok: false, error: 'The window that sent the backup has closed.' })
    expect(await ids(folder)).toEqual([])
  })
})

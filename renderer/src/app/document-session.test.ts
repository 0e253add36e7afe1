// The document session's rules on their own, with a recording host: which document a
// backup belongs to, where Save goes, and when a backup is written or deleted.
import { describe, expect, it } from 'vitest'
import type { DocumentIdentity, SaveOutcome } from '../../../bridge/api'
import { createDocumentSession, fetchThenLoad, identityFor, mustAskBeforeReplacing, pathToForget, saveTarget } from './document-session'

function recordingHost(saveAsAnswer: string | null = null) {
  const calls: string[] = []
  const host = {
    async save(path: string): Promise<SaveOutcome> {
      calls.push(`save ${path}`)
      return { ok: true, path, name: path.split('/').pop()! }
    },
    async saveAs(_text: string, suggested: string): Promise<SaveOutcome | null> {
      calls.push(`ask ${suggested}`)
      return saveAsAnswer ? { ok: true, path: saveAsAnswer, name: saveAsAnswer.split('/').pop()! } : null
    },
    async writeBackup(document: DocumentIdentity, text: string | null) {
      calls.push(`${text === null ? 'delete' : 'backup'} ${document.id} ${document.path ?? '-'}`)
    },
    async forgetRecent(path: string) {
      calls.push(`forget ${path}`)
    },
  }
  return { host, calls }
}

const ids = () => {
  let n = 0
  return () => `doc-${++n}`
}

describe('document session', () => {
  it('gives each loaded workbook a new id; recovered work keeps its backup’s id and path', () => {
    const next = ids()
    expect(identityFor(null, next)).toEqual({ id: 'doc-1', path: null, name: 'Untitled.gradsheet' })
    expect(identityFor({ path: '/w/a.gradsheet', name: 'a.gradsheet', text: '' }, next)).toEqual({ id: 'doc-2', path: '/w/a.gradsheet', name: 'a.gradsheet' })
    expect(identityFor({ path: null, name: 'x.gradsheet', text: '', recovered: true, documentId: 'old' }, next)).toEqual({ id: 'old', path: null, name: 'x.gradsheet' })
    // A documentId without "recovered" is not adopted.
    expect(identityFor({ path: null, name: 'x', text: '', documentId: 'old' }, next).id).toBe('doc-3')
  })

  it('Save writes to the document’s path; a never-saved one asks; replacing unsaved work asks first', () => {
    expect(saveTarget({ id: 'd', path: '/w/a.gradsheet', name: 'a.gradsheet' }, false)).toEqual({ ask: false, path: '/w/a.gradsheet' })
    expect(saveTarget({ id: 'd', path: null, name: 'ex.gradsheet' }, false)).toEqual({ ask: true, suggestedName: 'ex.gradsheet' })
    expect(saveTarget({ id: 'd', path: '/w/a.gradsheet', name: 'a.gradsheet' }, true)).toEqual({ ask: true, suggestedName: 'a.gradsheet' })
    expect(mustAskBeforeReplacing(true)).toBe(true)
    expect(mustAskBeforeReplacing(false)).toBe(false)
  })

  it('loading another workbook deletes the previous document’s backup; its pending backup is never written', async () => {
    const { host, calls } = recordingHost()
    const session = createDocumentSession(host, ids())
    await session.loaded({ path: '/w/a.gradsheet', name: 'a.gradsheet', text: '' })
    const ticket = session.ticket()
    await session.backup(ticket, 'edit', true)
    await session.loaded({ path: null, name: 'example.gradsheet', text: '' })
    await session.backup(ticket, 'late text of a', true)
    expect(calls).toEqual(['delete doc-1 -', 'backup doc-2 /w/a.gradsheet', 'delete doc-2 /w/a.gradsheet'])
  })

  it('a save’s text taken before another workbook was loaded is never written to the new one’s path', async () => {
    const { host, calls } = recordingHost('/w/chosen.gradsheet')
    const session = createDocumentSession(host, ids())
    await session.loaded({ path: '/w/a.gradsheet', name: 'a.gradsheet', text: '' })
    const ticket = session.ticket()
    await session.loaded({ path: '/w/b.gradsheet', name: 'b.gradsheet', text: '' }) // opened while a's text was written
    expect(await session.save('text of a', false, ticket)).toEqual({ ok: false, error: expect.stringMatching(/nothing was saved/) })
    expect(await session.save('text of a', true, ticket)).toEqual({ ok: false, error: expect.stringMatching(/nothing was saved/) })
    expect(calls.filter((c) => c.startsWith('save') || c.startsWith('ask'))).toEqual([])
    expect(await session.save('text of b', false, session.ticket())).toMatchObject({ ok: true, path: '/w/b.gradsheet' })
  })

  it('recovered untitled work: Save asks where, then the backup goes; unmodified work deletes its backup', async () => {
    const { host, calls } = recordingHost('/w/new.gradsheet')
    const session = createDocumentSession(host, ids())
    await session.loaded({ path: null, name: 'example.gradsheet', text: '', recovered: true, documentId: 'rec' })
    expect(await session.save('text', false)).toMatchObject({ ok: true, path: '/w/new.gradsheet' })
    expect(session.identity()).toEqual({ id: 'rec', path: '/w/new.gradsheet', name: 'new.gradsheet' })
    await session.backup(session.ticket(), 'same as saved', false)
    await session.discardBackup()
    expect(calls).toEqual(['delete doc-1 -', 'ask example.gradsheet', 'delete rec /w/new.gradsheet', 'delete rec /w/new.gradsheet', 'delete rec /w/new.gradsheet'])
  })

  it('a refused file read from a path leaves the recent list; recovered work, examples and new workbooks forget nothing', async () => {
    expect(pathToForget({ path: '/w/bad.gradsheet', name: 'bad.gradsheet', text: '{}' })).toBe('/w/bad.gradsheet')
    // Recovered work came from a backup: its file may be fine, and stays on the list.
    expect(pathToForget({ path: '/w/a.gradsheet', name: 'a.gradsheet', text: '{}', recovered: true, documentId: 'rec' })).toBeNull()
    expect(pathToForget({ path: null, name: 'example.gradsheet', text: '{}' })).toBeNull()
    expect(pathToForget(null)).toBeNull()

    const { host, calls } = recordingHost()
    const session = createDocumentSession(host, ids())
    await session.loaded({ path: '/w/good.gradsheet', name: 'good.gradsheet', text: '' })
    await session.refused({ path: '/w/bad.gradsheet', name: 'bad.gradsheet', text: '{}' })
    await session.refused({ path: '/w/a.gradsheet', name: 'a.gradsheet', text: '{}', recovered: true, documentId: 'rec' })
    await session.refused({ path: null, name: 'example.gradsheet', text: '{}' })
    // The shown document is untouched: same identity, no backup deleted.
    expect(session.identity()).toEqual({ id: 'doc-2', path: '/w/good.gradsheet', name: 'good.gradsheet' })
    expect(calls).toEqual(['delete doc-1 -', 'forget /w/bad.gradsheet'])
  })

  it('a recent file the host could not read (moved or deleted) replaces nothing: same document, its backup kept, the host’s words shown', async () => {
    const { host, calls } = recordingHost()
    const session = createDocumentSession(host, ids())
    await session.loaded({ path: '/w/shown.gradsheet', name: 'shown.gradsheet', text: '' })
    await session.backup(session.ticket(), 'unsaved edit', true)
    const alerts: string[] = []
    const loaded: string[] = []
    const load = async (file: { name: string } | null) => {
      loaded.push(file?.name ?? 'blank')
      await session.loaded(null)
    }
    const gone = '/w/gone.gradsheet was moved or deleted; it was removed from Open Recent.'
    await fetchThenLoad(() => Promise.reject(new Error(gone)), load, (message) => alerts.push(message))
    await fetchThenLoad(() => Promise.reject(new Error('Cannot open /w/locked.gradsheet: permission denied.')), load, (message) => alerts.push(message))
    expect(alerts).toEqual([
      'Could not open the file: /w/gone.gradsheet was moved or deleted; it was removed from Open Recent.',
      'Could not open the file: Cannot open /w/locked.gradsheet: permission denied.',
    ])
    // No blank workbook over it, no backup deleted, no forget asked of the host (it already forgot).
    expect(loaded).toEqual([])
    expect(session.identity()).toEqual({ id: 'doc-2', path: '/w/shown.gradsheet', name: 'shown.gradsheet' })
    expect(calls).toEqual(['delete doc-1 -', 'backup doc-2 /w/shown.gradsheet'])
    // A file that arrives is loaded; a cancelled dialog (null) loads nothing.
    await fetchThenLoad(async () => null, load, (message) => alerts.push(message))
    await fetchThenLoad(async () => ({ path: '/w/b.gradsheet', name: 'b.gradsheet', text: '' }), load, (message) => alerts.push(message))
    expect(loaded).toEqual(['b.gradsheet'])
    expect(alerts).toHaveLength(2)
  })

  it('Open Recent asks about unsaved work only once the file has arrived: a gone file asks nothing; "no" loads nothing', async () => {
    const asked: string[] = []
    const loaded: string[] = []
    const ask = (answer: boolean) => () => (asked.push('discard?'), answer)
    const load = async (file: { name: string }) => void loaded.push(file.name)
    await fetchThenLoad(() => Promise.reject(new Error('/w/gone.gradsheet was moved or deleted')), load, () => undefined, ask(true))
    expect(asked).toEqual([])
    await fetchThenLoad(async () => ({ path: '/w/b.gradsheet', name: 'b.gradsheet', text: '' }), load, () => undefined, ask(false))
    expect(loaded).toEqual([])
    await fetchThenLoad(async () => ({ path: '/w/b.gradsheet', name: 'b.gradsheet', text: '' }), load, () => undefined, ask(true))
    expect(asked).toEqual(['discard?', 'discard?'])
    expect(loaded).toEqual(['b.gradsheet'])
  })

  it('a host that cannot forget does not turn the refusal into a crash', async () => {
    const { host } = recordingHost()
    const session = createDocumentSession({ ...host, forgetRecent: async () => { throw new Error('host gone') } }, ids())
    await expect(session.refused({ path: '/w/bad.gradsheet', name: 'bad.gradsheet', text: '{}' })).resolves.toBeUndefined()
  })
})

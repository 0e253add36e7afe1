// The decisions of a window's document life, as plain code (no Solid, no DOM, no worker)
// so the model-based test (node/document-lifecycle.test.ts) drives exactly what the app
// runs: which document a backup belongs to, where Save writes, when a backup is written
// or deleted, and when replacing the workbook must ask first.
//
// Every workbook loaded into the window is a new document with a fresh id; recovered
// work keeps the id of the backup it came from. The previous document's backup is
// deleted when another is loaded (it was saved, unmodified, or the user agreed to drop
// it), so discarded work never comes back. Backups are written one at a time, in order,
// and a backup taken for a document that is no longer shown is never written.
//
// A file whose text the worker refuses leaves the host's recent list: the host put it
// there when it read the file, before the worker could say it is no workbook it can open.
// A file the host could not read at all (a recent file moved or deleted) replaces nothing:
// the host has already judged it (the OS error code) and taken it off the list if it is
// gone; the page only shows the host's words (fetchThenLoad).
import type { DocumentIdentity, OpenedFile, SaveOutcome, WorkbookText } from '../../../bridge/api'

/** What the session needs from the host (a subset of bridge/api.ts GradsheetBridge). */
export interface DocumentSessionHost {
  save(path: string, text: WorkbookText): Promise<SaveOutcome>
  saveAs(text: WorkbookText, suggestedName: string): Promise<SaveOutcome | null>
  writeBackup(document: DocumentIdentity, text: WorkbookText | null): Promise<void>
  forgetRecent(path: string): Promise<void>
}

export const UNTITLED = 'Untitled.gradsheet'

/** The identity a loaded file gets: recovered work keeps its backup's document id. */
export function identityFor(file: OpenedFile | null, newId: () => string): DocumentIdentity {
  if (!file) return { id: newId(), path: null, name: UNTITLED }
  const id = file.recovered && typeof file.documentId === 'string' && file.documentId !== '' ? file.documentId : newId()
  return { id, path: file.path, name: file.name }
}

/** Save writes to the document's path; a never-saved document (new, example, recovered untitled) asks. */
export function saveTarget(identity: DocumentIdentity, asNew: boolean): { ask: true; suggestedName: string } | { ask: false; path: string } {
  return !asNew && identity.path ? { ask: false, path: identity.path } : { ask: true, suggestedName: identity.name }
}

/**
 * The path to take off the recent list when the worker refuses `file`'s text: the file it
 * was read from. Recovered work came from a backup, not from its file (which may be fine),
 * and an example, a new workbook or an .xlsx import has no path on the list.
 */
export function pathToForget(file: OpenedFile | null): string | null {
  return file && !file.recovered && file.path ? file.path : null
}

/**
 * Open…, Open Recent, an example, New: the file is fetched from the host first, and only a
 * file that arrived is loaded, once `mayReplace` agrees (Open Recent asks "Discard them?"
 * here, after the read, so a file that is gone asks nothing). A fetch that fails (a recent
 * file moved or deleted, permission denied) replaces nothing: the shown workbook, its
 * unsaved work and its backup stay as they were, and the alert gives the host's words,
 * which name the path (for a moved or deleted recent file: that it left Open Recent,
 * which the host already did).
 */
export async function fetchThenLoad(
  fetchFile: () => Promise<OpenedFile | null>,
  load: (file: OpenedFile) => Promise<unknown>,
  alert: (message: string) => void,
  mayReplace: () => boolean = () => true,
): Promise<void> {
  try {
    const file = await fetchFile()
    if (file && mayReplace()) await load(file)
  } catch (err) {
    alert(`Could not open the file: ${err instanceof Error ? err.message : String(err)}`)
  }
}

/** Replacing the shown workbook (New, Open, Open Recent, an example) asks while it has unsaved work. */
export function mustAskBeforeReplacing(modified: boolean): boolean {
  return modified
}

export type DocumentSession = ReturnType<typeof createDocumentSession>

export function createDocumentSession(host: DocumentSessionHost, newId: () => string = () => crypto.randomUUID()) {
  let identity: DocumentIdentity = { id: newId(), path: null, name: UNTITLED }
  /** Bumps on every load: a backup or save begun for an earlier document is not applied to this one. */
  let generation = 0
  // Host backup calls go one at a time, so a delete is never overtaken by an earlier write.
  let backups: Promise<unknown> = Promise.resolve()
  function backupInOrder(document: DocumentIdentity, text: WorkbookText | null): Promise<void> {
    const run = backups.then(() => host.writeBackup(document, text))
    backups = run.catch(() => undefined)
    return run
  }

  return {
    identity: () => identity,
    /** A token for "the document shown now"; pass it back to `backup` and `save`. */
    ticket: () => generation,

    /** A workbook is now shown: a new document (or recovered work, keeping its id). */
    async loaded(file: OpenedFile | null): Promise<void> {
      const previous = identity
      identity = identityFor(file, newId)
      generation++
      if (previous.id !== identity.id) await backupInOrder(previous, null).catch(() => undefined)
    },

    /**
     * Saves `text` (serialised by the caller when `ticket` was current) to the document's
     * path, or asks where. null: the person cancelled. On success the document is at its
     * new path and its backup is deleted. A text taken before another workbook was loaded
     * is refused, never written to the new one's path (the worker writes a large workbook's
     * text while the window goes on: the person may open another meanwhile).
     */
    async save(text: WorkbookText, asNew: boolean, ticket = generation): Promise<SaveOutcome | null> {
      if (ticket !== generation) return { ok: false, error: 'another workbook was opened before this one was written; nothing was saved' }
      const started = generation
      const target = saveTarget(identity, asNew)
      const outcome = target.ask ? await host.saveAs(text, target.suggestedName) : await host.save(target.path, text)
      if (outcome?.ok && started === generation) {
        identity = { ...identity, path: outcome.path, name: outcome.name }
        await backupInOrder(identity, null).catch(() => undefined)
      }
      return outcome
    },

    /**
     * Writes a backup of `text`, taken when `ticket` was current; unmodified work deletes
     * the backup instead (undone back to the saved state). Skipped when another workbook
     * has been loaded since: that text would belong to the wrong document.
     */
    async backup(ticket: number, text: WorkbookText, modified: boolean): Promise<void> {
      if (ticket !== generation) return
      await backupInOrder(identity, modified ? text : null)
    },

    /**
     * The worker refused `file` (the shown document stays as it was): its path leaves the
     * recent list. A host that cannot forget is no reason to fail the open's report.
     */
    async refused(file: OpenedFile | null): Promise<void> {
      const path = pathToForget(file)
      if (path) await host.forgetRecent(path).catch(() => undefined)
    },

    /** The person discarded this document's unsaved work: delete its backup now. */
    discardBackup: (): Promise<void> => backupInOrder(identity, null),
  }
}

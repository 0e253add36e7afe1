// The bridge operations that do not need a native dialog, shared by both hosts: the
// Electron IPC handlers and the `npm run web` endpoints call these after the same
// argument checks (node/bridge-arguments.ts). Nothing here throws: every outcome is a
// value, and every failure a sentence a user can act on.
import { readdir } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import type { ExampleInfo, OpenedFile, OpenFailureReason, SaveOutcome } from '../bridge/api'
import { checkExampleId, checkPath, checkSavePath, checkWorkbookText } from './bridge-arguments'
import { writeExportFile } from './export-file'
import { writeWorkbookExport } from './export-workbook'
import { createPathGrants, NOT_PICKED, type PathGrants } from './path-grants'
import { restoreDocument } from '../engine/workbook/restore'

/** `reason`: only on an open's refusal, when the host may say why (bridge/api.ts OpenFailureReason). */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string; reason?: OpenFailureReason }

/**
 * A read that failed. `error` is what any page may be told (one sentence for every
 * missing, unreadable or special path: node/bridge-storage.ts); `detail` (the file store's
 * own words) and `missing` (ENOENT/ENOTDIR) are acted on and told only for a path on the
 * recent list, which the page may read anyway (recentFiles).
 */
export type ReadFailure = { ok: false; error: string; detail?: string; missing?: true }

/** Where workbooks, the recent list and backups live (node/file-store, recent-files, backups). */
export interface WorkbookStorage {
  /** The file's text, or why it cannot be read. */
  read(path: string): Promise<{ ok: true; value: string } | ReadFailure>
  /** Atomic write; the old file is intact on failure. */
  write(path: string, text: string): Promise<Reply<void>>
  recent(): Promise<string[]>
  remember(path: string): Promise<void>
  /** Drops `path` from the recent list; a path not in it changes nothing. */
  forget(path: string): Promise<void>
  clearRecent(): Promise<void>
}

export const FILE_EXTENSION = '.gradsheet'

/** "reference-example-1" → "Reference example 1". */
export function exampleTitle(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

export function movedOrDeletedMessage(path: string): string {
  return `${path} was moved or deleted; it was removed from Open Recent.`
}

export interface BridgeService {
  /**
   * Reads a workbook and puts it on the recent list. A path on the list whose file is gone
   * (moved or deleted) is taken off it here, by the host that saw the read fail, and the
   * refusal says so with `reason: 'missing'`; any other failure keeps it listed (the file
   * may come back) and names the failure. Other paths get one sentence for every failure.
   */
  openPath(path: unknown): Promise<Reply<OpenedFile>>
  /** Saves to a path this session opened or chose (node/path-grants.ts); any other path is refused. */
  save(path: unknown, text: unknown): Promise<SaveOutcome>
  /** Saves to a path the user just chose in a Save As dialog or prompt, and grants it. */
  saveChosen(path: unknown, text: unknown): Promise<SaveOutcome>
  /** The paths this session may save to. */
  readonly grants: PathGrants
  listExamples(): Promise<ExampleInfo[]>
  openExample(id: unknown): Promise<Reply<OpenedFile>>
  recentFiles(): Promise<string[]>
  /**
   * The renderer refused the text of a file this session opened (its worker's restore
   * step): the path leaves the recent list that openPath put it on. Only removes, only a
   * path this session opened or saved (node/path-grants.ts), and answers the same for
   * every well-formed path (listed or not, granted or not), so a page learns nothing from it.
   */
  forgetRecent(path: unknown): Promise<Reply<null>>
  clearRecent(): Promise<void>
  /** The example a new window shows when no file was named: reference-example-1, else the first. */
  defaultExample(): Promise<OpenedFile | null>
  /** Writes an exported graph (.svg as utf8 text, .png as base64) atomically; see node/export-file.ts. */
  exportFile(path: unknown, data: unknown, encoding: unknown): Promise<SaveOutcome>
  /** File → Export as…: the workbook text as .py or .xlsx at a path the user picked for it; see node/export-workbook.ts. */
  exportWorkbook(path: unknown, kind: unknown, text: unknown, options: unknown): Promise<SaveOutcome>
}

export function createBridgeService(storage: WorkbookStorage, examplesDir: string, grants: PathGrants = createPathGrants()): BridgeService {
  async function listExamples(): Promise<ExampleInfo[]> {
    let names: string[]
    try {
      names = await readdir(examplesDir)
    } catch {
      return []
    }
    const ids = names
      .filter((name) => name.endsWith(FILE_EXTENSION) && checkExampleId(name.slice(0, -FILE_EXTENSION.length)).ok)
      .map((name) => name.slice(0, -FILE_EXTENSION.length))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    return Promise.all(ids.map(async (id) => ({ id, title: await storedTitle(id) ?? exampleTitle(id) })))
  }

  /** An example's own `title` field (kept by the restore step as an extra field), if it has one. */
  async function storedTitle(id: string): Promise<string | null> {
    const read = await storage.read(join(examplesDir, id + FILE_EXTENSION))
    if (!read.ok) return null
    const restored = restoreDocument(read.value)
    return restored.ok && typeof restored.doc.title === 'string' && restored.doc.title.trim() !== '' ? restored.doc.title : null
  }

  async function openExample(id: unknown): Promise<Reply<OpenedFile>> {
    const checked = checkExampleId(id)
    if (!checked.ok) return checked
    const known = await listExamples()
    if (!known.some((example) => example.id === checked.value)) {
      return { ok: false, error: `There is no example called "${checked.value}".` }
    }
    const read = await storage.read(join(examplesDir, checked.value + FILE_EXTENSION))
    if (!read.ok) return { ok: false, error: read.error }
    // Examples open untitled (path null): Save asks where to keep the user's copy.
    return { ok: true, value: { path: null, name: checked.value + FILE_EXTENSION, text: read.value } }
  }

  async function write(path: unknown, text: unknown, chosen: boolean): Promise<SaveOutcome> {
    const checkedPath = checkSavePath(path)
    if (!checkedPath.ok) return checkedPath
    const checkedText = checkWorkbookText(text)
    if (!checkedText.ok) return checkedText
    if (!chosen && !grants.allows(checkedPath.value)) return { ok: false, error: NOT_PICKED }
    const written = await storage.write(checkedPath.value, checkedText.value)
    if (!written.ok) return written
    grants.grant(checkedPath.value)
    await storage.remember(checkedPath.value).catch(() => undefined)
    return { ok: true, path: checkedPath.value, name: basename(checkedPath.value) }
  }

  /**
   * recent gone helper: what a failed read of `path` answers. The judgement "is it gone?" is
   * the file store's (the OS error code), never a guess from words; a listed path that is
   * gone leaves the list, told as reason 'missing'. Only the host's own read can remove an
   * entry this way, and only one whose file is really not there: a page cannot use it to
   * empty the list (forgetRecent keeps its own, stricter rule).
   */
  async function refusedRead(path: string, read: ReadFailure): Promise<Reply<OpenedFile>> {
    const listed = (await storage.recent().catch(() => [] as string[])).includes(resolve(path))
    if (listed && read.missing) {
      await storage.forget(path).catch(() => undefined)
      return { ok: false, error: movedOrDeletedMessage(path), reason: 'missing' }
    }
    return { ok: false, error: listed && read.detail ? read.detail : read.error }
  }

  return {
    grants,
    async openPath(path) {
      const checked = checkPath(path)
      if (!checked.ok) return checked
      // excel helper: an .xlsx is converted here; the renderer restores the result like any workbook text.
      // (loaded on first use: ExcelJS is large and most sessions never open an .xlsx)
      if (/\.xlsx$/i.test(checked.value)) return (await import('./xlsx/open-xlsx')).openXlsxAsWorkbook(checked.value)
      const read = await storage.read(checked.value)
      if (!read.ok) return refusedRead(checked.value, read)
      grants.grant(checked.value)
      await storage.remember(checked.value).catch(() => undefined)
      return { ok: true, value: { path: checked.value, name: basename(checked.value), text: read.value } }
    },

    save: (path, text) => write(path, text, false),
    saveChosen: (path, text) => write(path, text, true),

    listExamples,
    openExample,
    exportFile: writeExportFile,
    exportWorkbook: writeWorkbookExport,

    async recentFiles() {
      try {
        return await storage.recent()
      } catch {
        return []
      }
    },

    async forgetRecent(path) {
      const checked = checkPath(path)
      if (!checked.ok) return checked
      if (grants.allows(checked.value)) await storage.forget(checked.value).catch(() => undefined)
      return { ok: true, value: null }
    },

    async clearRecent() {
      await storage.clearRecent().catch(() => undefined)
    },

    async defaultExample() {
      const examples = await listExamples()
      const preferred = examples.find((example) => example.id === 'reference-example-1') ?? examples[0]
      if (!preferred) return null
      const opened = await openExample(preferred.id)
      return opened.ok ? opened.value : null
    },
  }
}

// The WorkbookStorage of both hosts, on the real file system: node/file-store for
// reads and atomic writes, node/recent-files for the Open Recent list in the app's data folder.
//
// What a page learns from a refused open is kept to what a person needs: a file that is
// not a Gradsheet workbook is called that, without quoting any of its content, and a
// missing, unreadable or special path gets one sentence, so the bridge cannot be used to
// read other files or to probe which paths exist. Only the declaration is checked here
// (node/workbook-declaration.ts: JSON whose top level says "format": "gradsheet"); the
// worker restores the text (validates and builds it) and names a workbook's own problems.
//
// The file store's own words (permission denied, does not exist) and whether the file is
// missing ride along as `detail` and `missing`: node/bridge-service.ts tells them only
// about a path the page already knows (on the recent list).
import type { promises as fsp } from 'node:fs'
import type { ReadFailure, Reply, WorkbookStorage } from './bridge-service'
import { MAX_WORKBOOK_BYTES, readTextFile, writeFileAtomic } from './file-store.ts'
import { recentFiles } from './recent-files.ts'
import { restoreDocument } from '../engine/workbook/restore.ts'
import { readDeclaration, type Declaration } from './workbook-declaration.ts'

/** A file that starts like a Gradsheet workbook: its own JSON errors may be named in detail. */
function startsLikeGradsheet(text: string): boolean {
  return /^\ufeff?\s*\{\s*"format"\s*:\s*"gradsheet"/.test(text)
}

export function unreadableMessage(path: string): string {
  return `Cannot open ${path}: there is no readable Gradsheet workbook at that path.`
}

export function notAWorkbookMessage(path: string): string {
  return `${path} is not a Gradsheet workbook.`
}

/**
 * Reads a workbook for a window: its text, or a refusal whose `error` reveals nothing else.
 * `open` is the file system's (tests inject the errors the OS raises for non-root users).
 */
export async function readWorkbookForWindow(path: string, open?: typeof fsp.open): Promise<{ ok: true; value: string } | ReadFailure> {
  const read = await readTextFile(path, MAX_WORKBOOK_BYTES, open)
  if (!read.ok) {
    // Size is about the file the person chose, not its content: say it.
    const refusal: ReadFailure = /too large to open/.test(read.error) ? { ok: false, error: read.error } : { ok: false, error: unreadableMessage(path) }
    return { ...refusal, detail: read.error, ...(read.missing ? { missing: true as const } : {}) }
  }
  let declared: Declaration
  try {
    declared = readDeclaration(read.text)
  } catch {
    // Never expected (the scanner keeps no per-character state); if it happens, the file is refused, not quoted.
    return { ok: false, error: notAWorkbookMessage(path) }
  }
  if (declared.gradsheet) return { ok: true, value: read.text }
  // Broken JSON that starts as a workbook: the restore step's message says where (it fails at the parse, cheaply).
  if (!declared.json && startsLikeGradsheet(read.text)) {
    const restored = restoreDocument(read.text)
    if (!restored.ok) return { ok: false, error: `${path}: ${restored.error}` }
  }
  return { ok: false, error: notAWorkbookMessage(path) }
}

export function createFileSystemStorage(dataFolder: string, options: { open?: typeof fsp.open } = {}): WorkbookStorage {
  const recent = recentFiles(dataFolder)
  return {
    read: (path) => readWorkbookForWindow(path, options.open),
    async write(path, text): Promise<Reply<void>> {
      try {
        await writeFileAtomic(path, text)
        return { ok: true, value: undefined }
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) }
      }
    },
    recent: () => recent.list(),
    remember: async (path) => {
      await recent.add(path)
    },
    forget: async (path) => {
      await recent.remove(path)
    },
    clearRecent: async () => {
      await recent.clear()
    },
  }
}

// The WorkbookStorage of both hosts, on the real file system: node/file-store for
// reads (validated by the engine's restore step) and atomic writes, node/recent-files
// for the Open Recent list in the app's data folder.
//
// What a page learns from a refused open is kept to what a person needs: a file that is
// not a Gradsheet workbook is called that, without quoting any of its content, and a
// missing, unreadable or special path gets one sentence, so the bridge cannot be used to
// read other files or to probe which paths exist.
import type { Reply, WorkbookStorage } from './bridge-service'
import { readTextFile, writeFileAtomic } from './file-store.ts'
import { recentFiles } from './recent-files.ts'
import { restoreDocument } from '../engine/workbook/restore.ts'

/** A file that declares itself a Gradsheet workbook: its own problems may be named in detail. */
function declaresGradsheet(text: string): boolean {
  try {
    const parsed: unknown = JSON.parse(text)
    return typeof parsed === 'object' && parsed !== null && (parsed as { format?: unknown }).format === 'gradsheet'
  } catch {
    return /^\s*\{\s*"format"\s*:\s*"gradsheet"/.test(text)
  }
}

export function unreadableMessage(path: string): string {
  return `Cannot open ${path}: there is no readable Gradsheet workbook at that path.`
}

export function notAWorkbookMessage(path: string): string {
  return `${path} is not a Gradsheet workbook.`
}

/** Reads a workbook for a window: its text, or a refusal that reveals nothing else. */
export async function readWorkbookForWindow(path: string): Promise<Reply<string>> {
  const read = await readTextFile(path)
  if (!read.ok) {
    // Size is about the file the person chose, not its content: say it.
    return /too large to open/.test(read.error) ? { ok: false, error: read.error } : { ok: false, error: unreadableMessage(path) }
  }
  const restored = restoreDocument(read.text)
  if (restored.ok) return { ok: true, value: read.text }
  return { ok: false, error: declaresGradsheet(read.text) ? `${path}: ${restored.error}` : notAWorkbookMessage(path) }
}

export function createFileSystemStorage(dataFolder: string): WorkbookStorage {
  const recent = recentFiles(dataFolder)
  return {
    read: readWorkbookForWindow,
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
    clearRecent: async () => {
      await recent.clear()
    },
  }
}

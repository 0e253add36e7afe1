// The Open Recent list: a small JSON file in the app's data folder, most recent first,
// without duplicates, capped. A corrupt or unreadable list is treated as empty (and
// replaced on the next change) rather than blocking the app.
import { promises as fsp } from 'node:fs'
import { join, resolve } from 'node:path'
import { writeFileAtomic } from './file-store.ts'

export const RECENT_FILES_NAME = 'recent-files.json'
export const DEFAULT_RECENT_LIMIT = 10

export interface RecentFiles {
  /** The list, most recent first. Never throws: a damaged list reads as empty. */
  list(): Promise<string[]>
  /** Moves (or adds) `path` to the front; returns the new list. */
  add(path: string): Promise<string[]>
  /**
   * Drops `path` (e.g. the app refused it); returns the new list. A path that is not in
   * the list changes nothing on disk (not even a first, empty list file).
   */
  remove(path: string): Promise<string[]>
  clear(): Promise<string[]>
}

export function recentFiles(dataFolder: string, limit = DEFAULT_RECENT_LIMIT): RecentFiles {
  const file = join(dataFolder, RECENT_FILES_NAME)
  // Read-modify-write steps run one at a time so two quick opens cannot lose an entry.
  let queue: Promise<unknown> = Promise.resolve()
  const serialized = <T>(step: () => Promise<T>): Promise<T> => {
    const run = queue.catch(() => {}).then(step)
    queue = run
    return run
  }

  async function read(): Promise<string[]> {
    try {
      const parsed: unknown = JSON.parse(await fsp.readFile(file, 'utf8'))
      const files = (parsed as { files?: unknown })?.files
      if (!Array.isArray(files)) return []
      return dedupe(files.filter((f): f is string => typeof f === 'string' && f !== '')).slice(0, limit)
    } catch {
      return []
    }
  }

  async function change(edit: (files: string[]) => string[], onlyIfChanged = false): Promise<string[]> {
    return serialized(async () => {
      const before = await read()
      const files = dedupe(edit(before)).slice(0, limit)
      if (onlyIfChanged && files.length === before.length) return files
      await fsp.mkdir(dataFolder, { recursive: true })
      await writeFileAtomic(file, JSON.stringify({ version: 1, files }, null, 2) + '\n')
      return files
    })
  }

  return {
    list: () => serialized(read),
    add: (path) => change((files) => [resolve(path), ...files]),
    remove: (path) => change((files) => files.filter((f) => f !== resolve(path)), true),
    clear: () => change(() => []),
  }
}

function dedupe(files: string[]): string[] {
  return [...new Set(files)]
}

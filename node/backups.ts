// Hot-exit backup: a snapshot of unsaved work, written atomically to the app's data
// folder so a crash or a forced quit loses nothing. One backup at a time, in a
// versioned JSON envelope (node/document-backups.ts gives each document its own folder); the workbook text inside is kept verbatim and is validated
// by the engine's restore step when it is reopened, like any file.
import { promises as fsp } from 'node:fs'
import { join } from 'node:path'
import { writeFileAtomic } from './file-store.ts'

export const BACKUP_FILE_NAME = 'hot-exit-backup.json'
const ENVELOPE_FORMAT = 'gradsheet-backup'
const ENVELOPE_VERSION = 1

export interface Backup {
  /** The unsaved workbook text. */
  text: string
  /** Where the workbook was last saved (null: never saved). */
  path: string | null
  /** Display name, e.g. "Untitled" or "regression.gradsheet". */
  name: string
  /** ISO time of the snapshot. */
  savedAt: string
}

// Writes and discards of one folder's backup run in call order, so a discard issued
// after a write is never overtaken by it.
const queues = new Map<string, Promise<unknown>>()
function inOrder<T>(dataFolder: string, step: () => Promise<T>): Promise<T> {
  const run = (queues.get(dataFolder) ?? Promise.resolve()).catch(() => {}).then(step)
  queues.set(dataFolder, run)
  const done = () => {
    if (queues.get(dataFolder) === run) queues.delete(dataFolder)
  }
  run.then(done, done)
  return run
}

export type ReadBackupResult = { ok: true; backup: Backup | null } | { ok: false; error: string }

export async function writeBackup(
  dataFolder: string,
  text: string,
  about: { path?: string | null; name?: string } = {},
  now: Date = new Date(),
): Promise<void> {
  const envelope = {
    format: ENVELOPE_FORMAT,
    version: ENVELOPE_VERSION,
    savedAt: now.toISOString(),
    path: about.path ?? null,
    name: about.name ?? 'Untitled',
    text,
  }
  await inOrder(dataFolder, async () => {
    await fsp.mkdir(dataFolder, { recursive: true })
    await writeFileAtomic(join(dataFolder, BACKUP_FILE_NAME), JSON.stringify(envelope) + '\n')
  })
}

/** The backup, null when there is none, or why the one there cannot be used. */
export async function readBackup(dataFolder: string): Promise<ReadBackupResult> {
  const file = join(dataFolder, BACKUP_FILE_NAME)
  let raw: string
  try {
    raw = await fsp.readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, backup: null }
    return { ok: false, error: `The backup of unsaved work (${file}) cannot be read: ${(error as Error).message}` }
  }
  const damaged = (why: string): ReadBackupResult => ({ ok: false, error: `The backup of unsaved work (${file}) is damaged: ${why}.` })
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    return damaged('it is not valid JSON')
  }
  const e = parsed as Record<string, unknown>
  if (typeof e !== 'object' || e === null || e.format !== ENVELOPE_FORMAT) return damaged('it is not a Gradsheet backup')
  if (typeof e.version !== 'number' || e.version > ENVELOPE_VERSION) {
    return damaged(`it was written by a newer Gradsheet (backup version ${String(e.version)})`)
  }
  if (typeof e.text !== 'string') return damaged('it holds no workbook text')
  return {
    ok: true,
    backup: {
      text: e.text,
      path: typeof e.path === 'string' ? e.path : null,
      name: typeof e.name === 'string' ? e.name : 'Untitled',
      savedAt: typeof e.savedAt === 'string' ? e.savedAt : '',
    },
  }
}

/**
 * Removes the backup (after a save, or when the user discards it). No backup: fine.
 * `folderToo` removes the whole folder (a per-document folder, node/document-backups.ts).
 */
export async function discardBackup(dataFolder: string, options: { folderToo?: boolean } = {}): Promise<void> {
  await inOrder(dataFolder, async () => {
    await fsp.rm(join(dataFolder, BACKUP_FILE_NAME), { force: true })
    if (options.folderToo) await fsp.rm(dataFolder, { recursive: true, force: true })
  })
}

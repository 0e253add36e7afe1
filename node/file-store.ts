// Reading and saving workbook files on disk (plain Node: the Electron main process,
// the web server and the CLI all call this). Every read passes through the engine's
// one restore step; every write is atomic (SPEC §5): temp file in the same folder,
// write, fsync, rename over the target, fsync the folder. A target that is a symbolic
// link is resolved first, so the link's real file is replaced and the link kept.
import { isUtf8 } from 'node:buffer'
import { randomBytes } from 'node:crypto'
import { constants as fsConstants, promises as fsp } from 'node:fs'
import { basename, dirname, resolve } from 'node:path'
import { restoreDocument } from '../engine/workbook/restore.ts'
import type { WorkbookDocument } from '../engine/workbook/document.ts'
import type { SaveOutcome } from '../bridge/api.ts'

/** Larger files are refused: a workbook this big is almost surely not a workbook. */
export const MAX_WORKBOOK_BYTES = 64 * 1024 * 1024

/**
 * `missing`: the file is not there (ENOENT, or ENOTDIR: a folder on the way is now a
 * file), so it was moved or deleted, as opposed to being there but unreadable (recent
 * gone helper: Open Recent drops such a path, node/bridge-service.ts).
 */
export type ReadTextResult = { ok: true; text: string } | { ok: false; error: string; missing?: true }
export type ReadWorkbookResult = { ok: true; doc: WorkbookDocument; text: string } | { ok: false; error: string }

/** Codes of an open that failed because nothing is at the path (any more). */
const MISSING_CODES = new Set(['ENOENT', 'ENOTDIR'])

/**
 * Reads a file as UTF-8 text, refusing folders, huge files and invalid UTF-8 in words.
 * `open` is the file system's; tests pass one that fails as the OS would (they run as root).
 */
export async function readTextFile(path: string, maxBytes = MAX_WORKBOOK_BYTES, open: typeof fsp.open = fsp.open): Promise<ReadTextResult> {
  let handle: fsp.FileHandle | undefined
  try {
    // O_NONBLOCK: opening a named pipe must not wait for a writer (no effect on files).
    handle = await open(path, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0))
    const info = await handle.stat()
    if (info.isDirectory()) return { ok: false, error: `${path} is a folder, not a file.` }
    if (!info.isFile()) return { ok: false, error: `${path} is not a regular file.` }
    if (info.size > maxBytes) {
      return { ok: false, error: `${path} is too large to open (${megabytes(info.size)}; the limit is ${megabytes(maxBytes)}).` }
    }
    const bytes = await handle.readFile()
    if (bytes.length > maxBytes) return { ok: false, error: `${path} is too large to open (the limit is ${megabytes(maxBytes)}).` }
    // isUtf8 + toString: the same answer as a fatal TextDecoder (a leading BOM dropped), 3× faster on a 50 MB workbook.
    if (!isUtf8(bytes)) return { ok: false, error: `${path} is not UTF-8 text, so it cannot be a Gradsheet workbook.` }
    const text = bytes.toString('utf8')
    return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text }
  } catch (error) {
    const words = describeFsError(error, path, 'read')
    return MISSING_CODES.has((error as NodeJS.ErrnoException)?.code ?? '') ? { ok: false, error: words, missing: true } : { ok: false, error: words }
  } finally {
    await handle?.close().catch(() => {})
  }
}

/** Reads and restores a workbook; on failure says what is wrong with which file. */
export async function readWorkbookFile(path: string): Promise<ReadWorkbookResult> {
  const read = await readTextFile(path)
  if (!read.ok) return { ok: false, error: read.error }
  const restored = restoreDocument(read.text)
  if (!restored.ok) return { ok: false, error: `${path}: ${restored.error}` }
  return { ok: true, doc: restored.doc, text: read.text }
}

/** The file-system calls the atomic write uses; tests swap one to simulate a failure. */
export interface AtomicWriteFs {
  open: typeof fsp.open
  rename: typeof fsp.rename
  unlink: typeof fsp.unlink
  stat: typeof fsp.stat
  realpath: typeof fsp.realpath
}

const realFs: AtomicWriteFs = { open: fsp.open, rename: fsp.rename, unlink: fsp.unlink, stat: fsp.stat, realpath: fsp.realpath }

/** Per target path, the tail of the chain of pending saves: saves never interleave. */
const pendingWrites = new Map<string, Promise<unknown>>()

/**
 * Writes `text` (or bytes: an exported PNG) to `path` atomically: the target holds either the old contents or the
 * new, never a mix, and a failure leaves the old file untouched. Saves to the same path
 * run one after another in call order. Throws an Error whose message says what failed.
 */
export function writeFileAtomic(path: string, text: string | Uint8Array, fs: AtomicWriteFs = realFs): Promise<void> {
  const target = resolve(path)
  const previous = pendingWrites.get(target) ?? Promise.resolve()
  const run = previous.catch(() => {}).then(async () => writeNow(await realTarget(target, fs), text, fs))
  pendingWrites.set(target, run)
  const cleanup = () => {
    if (pendingWrites.get(target) === run) pendingWrites.delete(target)
  }
  run.then(cleanup, cleanup)
  return run
}

/**
 * The file a save must replace: the target of a symbolic link (so the link stays a link
 * and its real file is updated), or the path itself when nothing is there yet.
 */
async function realTarget(target: string, fs: AtomicWriteFs): Promise<string> {
  try {
    return await fs.realpath(target)
  } catch {
    return target
  }
}

async function writeNow(target: string, text: string | Uint8Array, fs: AtomicWriteFs): Promise<void> {
  const folder = dirname(target)
  const temp = resolve(folder, `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
  // Keep the permissions of the file being replaced.
  const mode = await fs.stat(target).then((s) => (s.isFile() ? s.mode & 0o777 : 0o644), () => 0o644)
  let handle: fsp.FileHandle | undefined
  let stage: 'create' | 'write' | 'rename' = 'create'
  try {
    handle = await fs.open(temp, 'wx', mode)
    stage = 'write'
    await handle.writeFile(text, 'utf8')
    await handle.sync()
    await handle.close()
    handle = undefined
    stage = 'rename'
    await fs.rename(temp, target)
  } catch (error) {
    await handle?.close().catch(() => {})
    if (stage !== 'create') await fs.unlink(temp).catch(() => {})
    throw new Error(describeFsError(error, stage === 'create' ? folder : target, stage === 'rename' ? 'replace' : 'write'))
  }
  await syncFolder(folder, fs)
}

/** Makes the rename itself durable. Some systems (Windows) cannot open folders: fine. */
async function syncFolder(folder: string, fs: AtomicWriteFs): Promise<void> {
  let handle: fsp.FileHandle | undefined
  try {
    handle = await fs.open(folder, fsConstants.O_RDONLY)
    await handle.sync()
  } catch {
    // The data is already on disk and renamed; only the folder entry's flush is skipped.
  } finally {
    await handle?.close().catch(() => {})
  }
}

/** Saves a workbook's text for the bridge: never throws, says what went wrong. */
export async function saveWorkbookFile(path: string, text: string): Promise<SaveOutcome> {
  try {
    await writeFileAtomic(path, text)
    return { ok: true, path: resolve(path), name: basename(path) }
  } catch (error) {
    return { ok: false, error: (error as Error).message }
  }
}

/** A Node file-system error in words, naming the path and what was being done. */
export function describeFsError(error: unknown, path: string, action: 'read' | 'write' | 'replace'): string {
  const code = (error as NodeJS.ErrnoException)?.code
  const verb = action === 'read' ? 'open' : action === 'write' ? 'save to' : 'replace'
  switch (code) {
    case 'ENOENT':
      return action === 'read' ? `${path} does not exist.` : `Cannot ${verb} ${path}: the folder does not exist.`
    case 'EACCES':
    case 'EPERM':
      return `Cannot ${verb} ${path}: permission denied.`
    case 'EISDIR':
      return `Cannot ${verb} ${path}: it is a folder.`
    case 'ENOTDIR':
      return `Cannot ${verb} ${path}: part of the path is a file, not a folder.`
    case 'ENOSPC':
      return `Cannot ${verb} ${path}: the disk is full.`
    case 'EROFS':
      return `Cannot ${verb} ${path}: the disk is read-only.`
    case 'ENAMETOOLONG':
      return `Cannot ${verb} ${path}: the path is too long.`
    case 'EMFILE':
    case 'ENFILE':
      return `Cannot ${verb} ${path}: too many open files; close some programs and try again.`
    case 'EBUSY':
      return `Cannot ${verb} ${path}: the file is in use by another program.`
    default: {
      const detail = error instanceof Error ? error.message : String(error)
      return `Cannot ${verb} ${path}: ${detail}`
    }
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

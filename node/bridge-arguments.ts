// Validation of everything that crosses the bridge from a renderer to a host: the
// Electron IPC handlers and the `npm run web` HTTP endpoints run the same checks, so a
// compromised or buggy page gets a clear refusal in words, never a crash or a write
// outside what a user could ask for.
import { isUtf8 } from 'node:buffer'
import { isAbsolute } from 'node:path'
import type { DocumentIdentity } from '../bridge/api'
import { isDocumentId } from './document-backups.ts'
import { MAX_WORKBOOK_BYTES } from './file-store.ts'

export const LIMITS = {
  /** Longest file path accepted (Linux PATH_MAX). */
  pathLength: 4096,
  /**
   * Largest workbook text accepted for save or backup: 64 MiB in UTF-8, the size the file
   * store still opens (node/file-store.ts MAX_WORKBOOK_BYTES), so nothing saved is unopenable.
   */
  workbookText: MAX_WORKBOOK_BYTES,
  /** Longest display name (file name) accepted. */
  displayName: 255,
  /** Longest example id accepted. */
  exampleId: 100,
} as const

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string }

const ok = <T>(value: T): Checked<T> => ({ ok: true, value })
const fail = (error: string): Checked<never> => ({ ok: false, error })

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

/** An absolute file path on the host machine. */
export function checkPath(value: unknown, what = 'The file path'): Checked<string> {
  if (typeof value !== 'string') return fail(`${what} must be text, not ${describe(value)}.`)
  if (value.trim() === '') return fail(`${what} is empty.`)
  if (value.length > LIMITS.pathLength) return fail(`${what} is too long (over ${LIMITS.pathLength} characters).`)
  if (value.includes('\0')) return fail(`${what} contains a NUL character.`)
  if (!isAbsolute(value)) return fail(`${what} must be absolute (for example /home/me/model.gradsheet), not "${value}".`)
  return ok(value)
}

/** A path the app may write a workbook to: absolute and ending in .gradsheet. */
export function checkSavePath(value: unknown): Checked<string> {
  const path = checkPath(value)
  if (!path.ok) return path
  if (!/\.gradsheet$/i.test(path.value)) return fail(`Workbooks are saved as .gradsheet files; "${path.value}" has another extension.`)
  return path
}

const tooLarge = () => fail(`The workbook is too large to save (over ${LIMITS.workbookText / (1024 * 1024)} MiB).`)

/** Workbook text to save: text, or (Electron: read by the preload from the Blob the engine's worker wrote, bridge/api.ts WorkbookText) its UTF-8 bytes. */
export function checkWorkbookText(value: unknown): Checked<string> {
  if (value instanceof Uint8Array) {
    if (value.byteLength > LIMITS.workbookText) return tooLarge()
    // isUtf8 + toString, as node/file-store.ts reads a file: 3× faster than a fatal TextDecoder on 50 MB (Electron's main process waits).
    if (!isUtf8(value)) return fail('The workbook text is not valid UTF-8.')
    return ok(Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('utf8'))
  }
  if (typeof value !== 'string') return fail(`The workbook text must be text, not ${describe(value)}.`)
  if (value.length > LIMITS.workbookText || Buffer.byteLength(value, 'utf8') > LIMITS.workbookText) return tooLarge()
  return ok(value)
}

/** Which document a backup belongs to (bridge/api.ts DocumentIdentity). */
export function checkDocumentIdentity(value: unknown): Checked<DocumentIdentity> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(`The document must be an object, not ${describe(value)}.`)
  }
  const { id, path, name } = value as Record<string, unknown>
  if (!isDocumentId(id)) return fail('The document id must be 1 to 64 letters, digits or dashes.')
  if (typeof name !== 'string' || name.length > LIMITS.displayName) return fail(`The document name must be text of at most ${LIMITS.displayName} characters.`)
  if (path === null) return ok({ id, path: null, name })
  const checked = checkSavePath(path)
  return checked.ok ? ok({ id, path: checked.value, name }) : checked
}

/** Backup text, or null to discard the backup. */
export function checkBackupText(value: unknown): Checked<string | null> {
  if (value === null) return ok(null)
  return checkWorkbookText(value)
}

/** A file name offered as the default in a Save As dialog. */
export function checkSuggestedName(value: unknown): Checked<string> {
  if (typeof value !== 'string') return fail(`The suggested file name must be text, not ${describe(value)}.`)
  if (value.length > LIMITS.displayName) return fail(`The suggested file name is too long (over ${LIMITS.displayName} characters).`)
  if (/[\0/\\]/.test(value)) return fail('The suggested file name must be a bare name, without folders.')
  return ok(value.trim() === '' ? 'Untitled.gradsheet' : value)
}

/** An example's id, as listExamples returned it. */
export function checkExampleId(value: unknown): Checked<string> {
  if (typeof value !== 'string') return fail(`The example id must be text, not ${describe(value)}.`)
  if (value.length === 0 || value.length > LIMITS.exampleId || !/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(value)) {
    return fail(`"${value.slice(0, LIMITS.exampleId)}" is not a valid example id.`)
  }
  return ok(value)
}

/** What the renderer reports for the title bar and the close guard. */
export function checkDocumentState(value: unknown): Checked<{ name: string; modified: boolean }> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(`The document state must be an object, not ${describe(value)}.`)
  }
  const { name, modified } = value as Record<string, unknown>
  if (typeof name !== 'string') return fail(`The document name must be text, not ${describe(name)}.`)
  if (name.length > LIMITS.displayName) return fail(`The document name is too long (over ${LIMITS.displayName} characters).`)
  if (typeof modified !== 'boolean') return fail(`"modified" must be true or false, not ${describe(modified)}.`)
  return ok({ name, modified })
}

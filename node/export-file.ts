// Writing an exported graph (issue 4): the one place that checks what a renderer asks to
// export, shared by the Electron IPC handler and the web endpoint, and writes it
// atomically. Only .svg (UTF-8 text that is an SVG document) and .png (base64 of bytes
// that start with the PNG signature) are accepted, so the bridge never becomes a way
// to write arbitrary files (a script, a workbook, a dotfile) where the user points.
import { basename, resolve } from 'node:path'
import type { SaveOutcome } from '../bridge/api'
import { checkPath, LIMITS, type Checked } from './bridge-arguments'
import { writeFileAtomic } from './file-store'

export type ExportEncoding = 'utf8' | 'base64'

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

const fail = (error: string): Checked<never> => ({ ok: false, error })

function kindOf(name: string): 'svg' | 'png' | null {
  return /\.svg$/i.test(name) ? 'svg' : /\.png$/i.test(name) ? 'png' : null
}

/** The file name proposed in the save dialog: a bare name ending in .svg or .png. */
export function checkExportName(value: unknown): Checked<string> {
  if (typeof value !== 'string') return fail('The export file name must be text.')
  if (value.length > LIMITS.displayName) return fail(`The export file name is too long (over ${LIMITS.displayName} characters).`)
  if (/[\0/\\]/.test(value)) return fail('The export file name must be a bare name, without folders.')
  if (!kindOf(value)) return fail(`Graphs are exported as .svg or .png files; "${value}" has another extension.`)
  return { ok: true, value }
}

/** The data for a file named `name`: SVG text as utf8, PNG bytes as base64. Returns the bytes to write. */
export function checkExportData(name: string, data: unknown, encoding: unknown): Checked<string | Buffer> {
  const kind = kindOf(name)
  if (encoding !== 'utf8' && encoding !== 'base64') return fail('The export encoding must be "utf8" or "base64".')
  if (typeof data !== 'string') return fail('The exported data must be text.')
  if (data.length > LIMITS.workbookText) return fail(`The exported image is too large (over ${LIMITS.workbookText / (1024 * 1024)} MiB).`)
  if (kind === 'svg') {
    if (encoding !== 'utf8') return fail('An SVG export must be sent as utf8 text.')
    if (!/<svg[\s>]/.test(data.slice(0, 4096))) return fail('The exported data is not an SVG document.')
    return { ok: true, value: data }
  }
  if (kind === 'png') {
    if (encoding !== 'base64' || !BASE64.test(data)) return fail('A PNG export must be sent as base64.')
    const bytes = Buffer.from(data, 'base64')
    if (!PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return fail('The exported data is not a PNG image.')
    return { ok: true, value: bytes }
  }
  return fail(`Graphs are exported as .svg or .png files; "${name}" has another extension.`)
}

/** Checks and writes an export; never throws, says what went wrong. */
export async function writeExportFile(path: unknown, data: unknown, encoding: unknown): Promise<SaveOutcome> {
  const checkedPath = checkPath(path, 'The export path')
  if (!checkedPath.ok) return checkedPath
  const checked = checkExportData(checkedPath.value, data, encoding)
  if (!checked.ok) return checked
  try {
    await writeFileAtomic(checkedPath.value, checked.value)
    return { ok: true, path: resolve(checkedPath.value), name: basename(checkedPath.value) }
  } catch (error) {
    return { ok: false, error: (error as Error).message }
  }
}

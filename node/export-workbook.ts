// File → Export as… (issue 11): the host turns the workbook TEXT the renderer sends into
// a PyTorch or NumPy module (engine/export) or an Excel workbook (engine/xlsx), after the
// one restore step (engine/workbook restoreDocument). The renderer never sends the bytes
// that get written, and the path is the one the user picked for this export (Electron's
// save dialog; the web build's path prompt), with the kind's extension enforced. A
// large-data CSV goes beside the module as `<name>.data.csv`. Every write is atomic
// (node/file-store.ts); a workbook the exporter refuses writes nothing.
import { basename, dirname, join, resolve } from 'node:path'
import type { SaveOutcome, WorkbookExportKind, WorkbookExportOptions } from '../bridge/api'
import { createEngine } from '../engine/index'
import { exportPython } from '../engine/export/index'
import { exportXlsxBook } from '../engine/xlsx/export'
import { restoreDocument } from '../engine/workbook/restore'
import { checkPath, checkSuggestedName, checkWorkbookText, type Checked } from './bridge-arguments'
import { writeFileAtomic } from './file-store'

const fail = (error: string): { ok: false; error: string } => ({ ok: false, error })

/** The file extension each kind is written with. */
export const EXPORT_EXTENSIONS: Record<WorkbookExportKind, string> = { pytorch: '.py', numpy: '.py', xlsx: '.xlsx' }

export function checkExportKind(value: unknown): Checked<WorkbookExportKind> {
  return value === 'pytorch' || value === 'numpy' || value === 'xlsx'
    ? { ok: true, value }
    : fail('The export kind must be "pytorch", "numpy" or "xlsx".')
}

/** `{gradients?: boolean, workbookName?: string}`; nothing else. */
export function checkExportOptions(value: unknown): Checked<Required<WorkbookExportOptions>> {
  if (value === undefined) return { ok: true, value: { gradients: false, workbookName: '' } }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('The export options must be an object.')
  const { gradients, workbookName, ...rest } = value as Record<string, unknown>
  const unknown = Object.keys(rest)
  if (unknown.length > 0) return fail(`The export options have an unknown field "${unknown[0].slice(0, 64)}".`)
  if (gradients !== undefined && typeof gradients !== 'boolean') return fail('"gradients" must be true or false.')
  const name = workbookName === undefined ? { ok: true as const, value: '' } : checkSuggestedName(workbookName)
  if (!name.ok) return name
  return { ok: true, value: { gradients: gradients === true, workbookName: name.value } }
}

/** `path` with the kind's extension (added when missing): what a dialog's answer becomes. */
export function withExportExtension(path: string, kind: WorkbookExportKind): string {
  const ext = EXPORT_EXTENSIONS[kind]
  return path.toLowerCase().endsWith(ext) ? path : path + ext
}

/** The name proposed in the dialog: the workbook's name with the kind's extension. */
export function suggestedExportName(workbookName: string, kind: WorkbookExportKind): string {
  const stem = workbookName.replace(/\.(gradsheet|xlsx)$/i, '').trim() || 'model'
  return stem + EXPORT_EXTENSIONS[kind]
}

/** An absolute path that ends in the kind's extension (refused otherwise, never renamed silently). */
export function checkWorkbookExportPath(path: unknown, kind: WorkbookExportKind): Checked<string> {
  const checked = checkPath(path, 'The export path')
  if (!checked.ok) return checked
  const ext = EXPORT_EXTENSIONS[kind]
  if (!checked.value.toLowerCase().endsWith(ext)) return fail(`A ${kind === 'xlsx' ? 'workbook' : 'Python module'} is exported as a ${ext} file; "${checked.value}" has another extension.`)
  return checked
}

/**
 * Checks every argument, restores the workbook, exports it and writes the file(s).
 * `path` must already be the user's pick for this export. Never throws.
 */
export async function writeWorkbookExport(path: unknown, kind: unknown, text: unknown, options: unknown): Promise<SaveOutcome> {
  const checkedKind = checkExportKind(kind)
  if (!checkedKind.ok) return checkedKind
  const checkedPath = checkWorkbookExportPath(path, checkedKind.value)
  if (!checkedPath.ok) return checkedPath
  const checkedText = checkWorkbookText(text)
  if (!checkedText.ok) return checkedText
  const checkedOptions = checkExportOptions(options)
  if (!checkedOptions.ok) return checkedOptions
  const restored = restoreDocument(checkedText.value)
  if (!restored.ok) return fail(`The workbook cannot be exported: ${restored.error}`)
  const target = resolve(checkedPath.value)
  try {
    const engine = createEngine(restored.doc)
    if (checkedKind.value === 'xlsx') {
      const { book } = exportXlsxBook(engine, { gradients: checkedOptions.value.gradients })
      // ExcelJS is large: loaded only when an .xlsx is written.
      const { writeXlsxFile } = await import('./xlsx/write-xlsx')
      await writeXlsxFile(target, book)
    } else {
      const result = exportPython(engine, { target: checkedKind.value, moduleFileName: basename(target), sourceName: checkedOptions.value.workbookName || undefined })
      if (!result.ok) return fail(`Cannot export as ${checkedKind.value === 'pytorch' ? 'PyTorch' : 'NumPy'}: ${result.error}. Nothing was written.`)
      // Data files first: the module never exists without the data it reads.
      for (const file of result.files) await writeFileAtomic(join(dirname(target), basename(file.name)), file.text)
      await writeFileAtomic(target, result.code)
    }
    return { ok: true, path: target, name: basename(target) }
  } catch (error) {
    return fail(`Could not write ${target}: ${(error as Error).message}`)
  }
}

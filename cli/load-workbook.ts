// The workbook a command works on: a .gradsheet file through the one restore step, or
// an Excel .xlsx file read and translated as the app's import does (node/xlsx).
import type { WorkbookDocument } from '../engine/workbook/document.ts'
import { readWorkbookFile } from '../node/file-store.ts'

export type LoadResult = { ok: true; doc: WorkbookDocument; notes: string[] } | { ok: false; error: string }

export const isXlsxPath = (path: string): boolean => /\.xlsx$/i.test(path)

export async function loadWorkbook(path: string): Promise<LoadResult> {
  if (isXlsxPath(path)) {
    const { importXlsxFile } = await import('../node/xlsx/read-xlsx.ts')
    const imported = await importXlsxFile(path)
    if (!imported.ok) return imported
    return { ok: true, doc: imported.doc, notes: imported.report.lines }
  }
  const read = await readWorkbookFile(path)
  return read.ok ? { ok: true, doc: read.doc, notes: [] } : read
}

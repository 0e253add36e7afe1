// Reads an Excel .xlsx file into a workbook document (placeholder until the reader lands).
import type { WorkbookDocument } from '../../engine/workbook/document.ts'

export type XlsxImport = { ok: true; doc: WorkbookDocument; report: { lines: string[] } } | { ok: false; error: string }

export async function importXlsxFile(path: string): Promise<XlsxImport> {
  return { ok: false, error: `${path}: reading .xlsx is not available yet` }
}

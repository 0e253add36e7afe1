// File → Open on an .xlsx: the host converts it to workbook text (the same JSON a
// .gradsheet holds) and the renderer restores it like any file — one restore step. The
// workbook opens untitled (Save asks for a .gradsheet path; the .xlsx is never
// overwritten) and the import report comes along as a notice.
import { basename } from 'node:path'
import type { OpenedFile } from '../../bridge/api'
import { serializeDocument } from '../../engine/workbook/serialize'
import type { ImportReport } from '../../engine/xlsx/import'
import { importXlsxFile } from './read-xlsx'

export async function openXlsxAsWorkbook(path: string): Promise<{ ok: true; value: OpenedFile } | { ok: false; error: string }> {
  const imported = await importXlsxFile(path)
  if (!imported.ok) return imported
  const name = basename(path).replace(/\.xlsx$/i, '.gradsheet')
  const notice = noticeOf(basename(path), imported.report)
  return { ok: true, value: { path: null, name, text: serializeDocument(imported.doc), ...(notice ? { notice } : {}) } }
}

/** One sentence a user reads in the alert bar, or null when the import is exact. */
export function noticeOf(file: string, report: ImportReport): string | null {
  const parts: string[] = []
  if (report.untranslated.length) parts.push(`${report.untranslated.length} formula${report.untranslated.length === 1 ? '' : 's'} use${report.untranslated.length === 1 ? 's' : ''} what Gradsheet lacks (shown as #NAME?: ${report.untranslated.slice(0, 3).map((u) => `${u.cell} ${u.problem.replace('no Gradsheet equivalent for ', '')}`).join('; ')}${report.untranslated.length > 3 ? '; …' : ''})`)
  if (report.differences.length) parts.push(`${report.differences.length} value${report.differences.length === 1 ? '' : 's'} differ${report.differences.length === 1 ? 's' : ''} from Excel's (${report.differences.slice(0, 3).map((d) => d.cell).join(', ')}${report.differences.length > 3 ? ', …' : ''})`)
  return parts.length ? `Opened ${file}: ${parts.join('; ')}. \`gradsheet eval\` on the file lists every one.` : null
}

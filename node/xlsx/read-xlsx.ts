// Opens an .xlsx file: size limit, the zip checks (zip-check.ts) before any unpacking,
// then ExcelJS reads sheets, cells, formulas with Excel's cached results and defined
// names into plain data (engine/xlsx/model.ts), which engine/xlsx/import.ts translates.
// Every failure is a message in words; nothing is opened on failure.
import { readFile, stat } from 'node:fs/promises'
import ExcelJS from 'exceljs'
import { importXlsxBook, type ImportReport } from '../../engine/xlsx/import.ts'
import type { XlsxBook, XlsxCell, XlsxScalar } from '../../engine/xlsx/model.ts'
import type { WorkbookDocument } from '../../engine/workbook/document.ts'
import { zipProblem } from './zip-check.ts'

export const MAX_XLSX_BYTES = 64 * 1024 * 1024

export type XlsxImport = { ok: true; doc: WorkbookDocument; report: ImportReport } | { ok: false; error: string }

export async function importXlsxFile(path: string): Promise<XlsxImport> {
  let bytes: Uint8Array
  try {
    const info = await stat(path)
    if (!info.isFile()) return { ok: false, error: `${path} is not a file` }
    if (info.size > MAX_XLSX_BYTES) return { ok: false, error: `${path} is ${info.size} bytes; the limit for an .xlsx file is ${MAX_XLSX_BYTES}` }
    bytes = await readFile(path)
  } catch (e) {
    return { ok: false, error: `cannot read ${path}: ${(e as Error).message}` }
  }
  const r = await importXlsxBytes(bytes)
  return r.ok ? r : { ok: false, error: `cannot open ${path}: ${r.error}` }
}

export async function importXlsxBytes(bytes: Uint8Array): Promise<XlsxImport> {
  const problem = zipProblem(bytes)
  if (problem) return { ok: false, error: problem }
  const book = await readBook(bytes)
  if ('error' in book) return book
  return importXlsxBook(book)
}

/** The workbook as plain data, read by ExcelJS. */
export async function readBook(bytes: Uint8Array): Promise<XlsxBook | { ok: false; error: string }> {
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer)
  } catch (e) {
    return { ok: false, error: `it is not a readable Excel workbook (${(e as Error).message})` }
  }
  const book: XlsxBook = { sheets: [], names: [] }
  wb.eachSheet((ws) => {
    const cells: XlsxCell[] = []
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Merge) return
        const address = cell.address.replace(/\$/g, '').toUpperCase()
        if (cell.type === ExcelJS.ValueType.Formula) {
          const formula = cell.formula
          if (typeof formula !== 'string' || formula === '') return void cells.push({ address, value: scalarOf(cell.result) })
          cells.push({ address, formula, value: scalarOf(cell.result) })
        } else cells.push({ address, value: scalarOf(cell.value) })
      })
    })
    book.sheets.push({ name: ws.name, cells, state: ws.state })
  })
  for (const dn of (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model ?? []) {
    if (dn.ranges.length === 1) book.names.push({ name: dn.name, refersTo: dn.ranges[0] })
  }
  return book
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30)

function scalarOf(v: unknown): XlsxScalar {
  if (v === null || v === undefined) return null
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v
  if (v instanceof Date) return (v.getTime() - EXCEL_EPOCH) / 86_400_000
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>
    if (typeof o.error === 'string') return { error: o.error }
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join('')
    if (typeof o.text === 'string') return o.text
    if ('result' in o) return scalarOf(o.result)
  }
  return String(v)
}

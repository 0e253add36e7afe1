// Writes an Excel workbook (engine/xlsx/model.ts, built by engine/xlsx/export.ts) to an
// .xlsx file with ExcelJS: cells, formulas with their cached results, defined names and
// the hidden settings sheet. The file is written atomically (node/file-store.ts).
import ExcelJS from 'exceljs'
import type { XlsxBook } from '../../engine/xlsx/model.ts'
import { writeFileAtomic } from '../file-store.ts'

export async function xlsxBytes(book: XlsxBook): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Gradsheet'
  for (const sheet of book.sheets) {
    const ws = wb.addWorksheet(sheet.name, sheet.state === 'veryHidden' ? { state: 'veryHidden' } : {})
    for (const c of sheet.cells) {
      const cell = ws.getCell(c.address)
      const v = c.value
      const plain = v === null ? null : typeof v === 'object' ? { error: v.error } : v
      if (c.formula !== undefined) cell.value = { formula: c.formula, result: plain ?? undefined } as ExcelJS.CellFormulaValue
      else cell.value = plain as ExcelJS.CellValue
    }
  }
  for (const n of book.names) wb.definedNames.add(n.refersTo, n.name)
  const buffer = await wb.xlsx.writeBuffer()
  return new Uint8Array(buffer as ArrayBuffer)
}

export async function writeXlsxFile(path: string, book: XlsxBook): Promise<void> {
  await writeFileAtomic(path, await xlsxBytes(book))
}

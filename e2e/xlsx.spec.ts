// Opening an Excel workbook as a user does: the file named at start (the same openPath
// File → Open uses) is converted by the host and restored like any workbook; values and
// gradients show, the untranslatable formula shows #NAME? and the import report is in
// the alert bar. A file that is not a real .xlsx is refused with a message.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { emptyWorkbook, tempDir, writeText } from './support/files'
import { expect, test, type Sheet } from './support/fixtures'

async function openThroughDialog(sheet: Sheet, path: string): Promise<void> {
  await sheet.page.getByRole('button', { name: /^Open/ }).click()
  const dialog = sheet.page.getByRole('dialog')
  await dialog.getByLabel('File path').fill(path)
  await dialog.getByRole('button', { name: 'OK' }).click()
}

async function modelXlsx(): Promise<string> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Model')
  ws.getCell('A1').value = 'price'
  ws.getCell('B1').value = 10
  ws.getCell('A2').value = 'units'
  ws.getCell('B2').value = 3
  ws.getCell('B3').value = { formula: 'B1*B2-2^2', result: 26 } as ExcelJS.CellFormulaValue
  ws.getCell('B4').value = { formula: 'VLOOKUP(B1,B1:B2,2,FALSE)', result: 3 } as ExcelJS.CellFormulaValue
  wb.definedNames.add('Model!$B$3', 'J')
  const path = join(tempDir(), 'model.xlsx')
  writeFileSync(path, new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer))
  return path
}

test('an .xlsx opens: values, gradients, #NAME? for VLOOKUP, the import report shown', async ({ launch }) => {
  const sheet = await launch(await modelXlsx())
  await sheet.expectValue('B3', 26, 'Model')
  await sheet.expectGrad('B1', 3, 'Model')
  await sheet.expectGrad('B2', 10, 'Model')
  await sheet.expectError('B4', '#NAME?', 'Model')
  await expect(sheet.page.getByRole('alert')).toContainText('Opened model.xlsx: 1 formula uses what Gradsheet lacks')
  await expect(sheet.page.getByRole('alert')).toContainText('VLOOKUP')
  await sheet.page.screenshot({ path: 'test-results/xlsx-open.png' })
})

test('File → Open: an .xlsx opens; one that is not a zip is refused and the open workbook stays', async ({ launch }) => {
  const sheet = await launch(emptyWorkbook())
  // Open asks before dropping the unsaved edit below: say yes.
  sheet.page.on('dialog', (dialog) => void (dialog.type() === 'confirm' ? dialog.accept() : undefined))
  await sheet.type('A1', '41')
  await sheet.expectValue('A1', 41)
  await openThroughDialog(sheet, writeText('fake.xlsx', 'not a spreadsheet'))
  // The host loads ExcelJS on the first .xlsx it opens (seconds on a loaded machine).
  await expect(sheet.page.getByRole('alert')).toContainText('not an Excel .xlsx workbook', { timeout: 60_000 })
  await sheet.expectValue('A1', 41)
  await openThroughDialog(sheet, await modelXlsx())
  await sheet.expectValue('B3', 26, 'Model')
})

// Sheets as a spreadsheet user expects: add one, reference it from another sheet, rename
// it (formulas follow), delete it (references become #REF!), and undo all of it.
import { expect, test } from './support/fixtures'
import { emptyWorkbook } from './support/files'

test('cross-sheet references follow a rename, break on delete, and undo restores them', async ({ launch }) => {
  const sheet = await launch(emptyWorkbook())
  const page = sheet.page
  await page.getByRole('button', { name: 'Add sheet' }).click()
  await expect(page.getByRole('tab', { name: 'Sheet2' })).toHaveAttribute('aria-selected', 'true')
  await sheet.type('A1', '4', 'Sheet2')

  await page.getByRole('tab', { name: 'Sheet1' }).click()
  await sheet.type('A1', '=Sheet2!A1 * 3')
  await sheet.name('A1', 'J')
  await sheet.expectValue('A1', 12)

  // Rename Sheet2 to "Data": the formula is rewritten and keeps its value.
  await page.getByRole('tab', { name: 'Sheet2' }).dblclick()
  await page.getByLabel('Rename sheet Sheet2').fill('Data')
  await page.getByLabel('Rename sheet Sheet2').press('Enter')
  await page.getByRole('tab', { name: 'Sheet1' }).click()
  await sheet.cell('A1').click()
  await expect(sheet.formulaBar()).toHaveValue('=Data!A1 * 3')
  await sheet.expectValue('A1', 12)
  await sheet.expectGrad('A1', 1)
  await page.getByRole('tab', { name: 'Data' }).click()
  await sheet.expectGrad('A1', 3, 'Data')

  // Delete the sheet (confirming), and the reference is #REF!.
  page.once('dialog', (dialog) => void dialog.accept())
  await page.getByRole('button', { name: 'Delete sheet Data' }).click()
  await expect(page.getByRole('tab', { name: 'Data' })).toHaveCount(0)
  await page.getByRole('tab', { name: 'Sheet1' }).click()
  await sheet.expectError('A1', '#REF!')

  // Undo the delete, then the rename: everything comes back.
  await sheet.cell('B3').click()
  await sheet.undo()
  await expect(page.getByRole('tab', { name: 'Data' })).toBeVisible()
  await page.getByRole('tab', { name: 'Data' }).click()
  await sheet.expectValue('A1', 4, 'Data')
  await page.getByRole('tab', { name: 'Sheet1' }).click()
  await sheet.expectValue('A1', 12)
  await sheet.undo()
  await expect(page.getByRole('tab', { name: 'Sheet2' })).toBeVisible()
  await page.getByRole('tab', { name: 'Sheet1' }).click()
  await sheet.cell('A1').click()
  await expect(sheet.formulaBar()).toHaveValue('=Sheet2!A1 * 3')
})

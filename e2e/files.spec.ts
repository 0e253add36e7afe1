// Files the way a user handles them: save, close, reopen and find the work as it was;
// open a broken file and keep the open workbook untouched.
import { readFileSync } from 'node:fs'
import { expect, test, type Sheet } from './support/fixtures'
import { emptyWorkbook, tempDir, writeText } from './support/files'

async function openThroughDialog(sheet: Sheet, path: string): Promise<void> {
  // Open… asks before replacing unsaved work (issue 10): the person agrees.
  sheet.page.once('dialog', (dialog) => void dialog.accept())
  await sheet.page.getByRole('button', { name: /^Open/ }).click()
  const dialog = sheet.page.getByRole('dialog')
  await dialog.getByLabel('File path').fill(path)
  await dialog.getByRole('button', { name: 'OK' }).click()
}

test('save, close, reopen: every input, name, value and gradient comes back', async ({ launch }) => {
  const file = emptyWorkbook(tempDir())
  let sheet = await launch(file)
  await sheet.type('A1', '2')
  await sheet.name('A1', 'w')
  await sheet.type('A2', '=w^2 + 3*w')
  await sheet.name('A2', 'J')
  await sheet.expectGrad('A1', 7)
  await sheet.page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect.poll(() => JSON.parse(readFileSync(file, 'utf8')).sheets[0].cells.A2?.input).toBe('=w^2 + 3*w')
  await sheet.running.close()

  sheet = await launch(file)
  await sheet.expectValue('A1', 2)
  await sheet.expectValue('A2', 10)
  await sheet.expectGrad('A1', 7)
  await sheet.expectGrad('A2', 1)
  await sheet.cell('A2').click()
  await expect(sheet.formulaBar()).toHaveValue('=w^2 + 3*w')
  const saved = JSON.parse(readFileSync(file, 'utf8'))
  expect(saved.format).toBe('gradsheet')
  expect(saved.sheets[0].cells.A1).toMatchObject({ input: '2', name: 'w' })
})

for (const [label, text] of [
  ['not JSON', '{"format": "gradsheet", "version": 1, '],
  ['another format', JSON.stringify({ format: 'excel', version: 1, objective: null, sheets: [] })],
  ['a newer version', JSON.stringify({ format: 'gradsheet', version: 99, objective: null, sheets: [{ name: 'Sheet1', cells: {} }] })],
  ['a malformed address', JSON.stringify({ format: 'gradsheet', version: 1, objective: null, sheets: [{ name: 'Sheet1', cells: { A0: { input: '1' } } }] })],
] as const) {
  test(`opening a file that is ${label} says why and leaves the open workbook untouched`, async ({ launch }) => {
    const sheet = await launch(emptyWorkbook())
    await sheet.type('A1', '41')
    await sheet.type('A2', '=A1 + 1')
    await openThroughDialog(sheet, writeText('broken.gradsheet', text))
    await expect(sheet.page.getByRole('alert')).toBeVisible()
    await expect(sheet.page.getByRole('alert')).not.toHaveText('')
    await sheet.expectValue('A1', 41)
    await sheet.expectValue('A2', 42)
  })
}

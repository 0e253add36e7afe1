// File → Export as… as a user does it in the web build (issue 11): reference example 2
// exported as a PyTorch module through the toolbar and the path prompt, then run with
// Debian's /usr/bin/python3 (numpy, torch): it prints J = 84.5 and ∂J/∂w = 39, as the
// sheet shows. Exported as .xlsx (Ctrl+Shift+E), the file re-opens in the app. A
// workbook the exporter refuses says which cell and function in the alert bar.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Page } from '@playwright/test'
import { copyExample, tempDir, writeText } from './support/files'
import { expect, test } from './support/fixtures'

async function exportAs(page: Page, format: RegExp, promptTitle: string, path: string, viaKeys = false): Promise<void> {
  if (viaKeys) await page.keyboard.press('Control+Shift+E')
  else await page.getByRole('button', { name: 'Export as…' }).click()
  const chooser = page.getByRole('dialog', { name: 'Export as…' })
  await chooser.getByRole('radio', { name: format }).check()
  if (/Excel/.test(String(format))) {
    await chooser.getByRole('checkbox', { name: /∂J\/∂cell/ }).check()
    await page.screenshot({ path: 'test-results/export-as-dialog.png' })
  }
  await chooser.getByRole('button', { name: 'Export…' }).click()
  const prompt = page.getByRole('dialog', { name: promptTitle })
  await prompt.getByLabel('File path').fill(path)
  await prompt.getByRole('button', { name: 'OK' }).click()
}

test('reference example 2 → PyTorch module that runs and agrees; → .xlsx that re-opens', async ({ launch }) => {
  const sheet = await launch(copyExample('reference-example-2.gradsheet'))
  await sheet.expectValue('B8', 84.5)
  await sheet.expectGrad('B3', 39)
  const out = tempDir()
  const py = join(out, 'model.py')
  await exportAs(sheet.page, /PyTorch/, 'Export as PyTorch module', py)
  // polish (issue 11): a success is a status notice, not the red alert bar.
  await expect(sheet.page.getByRole('status', { name: 'Notice' })).toContainText(`Exported to ${py}`)
  await expect(sheet.page.getByRole('alert')).toHaveCount(0)
  await sheet.page.screenshot({ path: 'test-results/export-as-pytorch.png' })
  const printed = JSON.parse(execFileSync('/usr/bin/python3', [py], { cwd: dirname(py), encoding: 'utf8' })) as { J: number; grads: Record<string, number> }
  expect(printed.J).toBeCloseTo(84.5, 12)
  expect(printed.grads['Sheet1!B3']).toBeCloseTo(39, 12)

  const xlsx = join(out, 'model.xlsx')
  await sheet.page.getByRole('grid').first().click()
  await exportAs(sheet.page, /Excel/, 'Export as Excel workbook', join(out, 'model'), true)
  await expect(sheet.page.getByRole('status', { name: 'Notice' })).toContainText(`Exported to ${xlsx}`, { timeout: 60_000 })
  await expect(sheet.page.getByRole('alert')).toHaveCount(0)
  // Keyboard users are back in the grid.
  await expect(sheet.page.locator('#grid')).toBeFocused()
  expect(existsSync(xlsx)).toBe(true)
  // File → Open the exported workbook: the same J and gradient.
  await sheet.page.getByRole('button', { name: /^Open/ }).click()
  const open = sheet.page.getByRole('dialog', { name: 'Open workbook' })
  await open.getByLabel('File path').fill(xlsx)
  await open.getByRole('button', { name: 'OK' }).click()
  await expect(sheet.page).toHaveTitle(/^model\./, { timeout: 60_000 })
  await sheet.expectValue('B8', 84.5)
  await sheet.expectGrad('B3', 39)
})

test('a workbook the exporter refuses names the cell and the function; nothing is written', async ({ launch }) => {
  const file = writeText('gcd.gradsheet', JSON.stringify({ format: 'gradsheet', version: 1, objective: 'J', sheets: [{ name: 'Sheet1', cells: { A1: { input: '12' }, B1: { input: '=gcd(A1, 8)', name: 'J' } } }] }))
  const sheet = await launch(file)
  const py = join(tempDir(), 'refused.py')
  await exportAs(sheet.page, /NumPy/, 'Export as NumPy module', py)
  await expect(sheet.page.getByRole('alert')).toContainText('Sheet1!B1 uses gcd')
  await expect(sheet.page.getByRole('status', { name: 'Notice' })).toHaveCount(0)
  await sheet.page.screenshot({ path: 'test-results/export-as-refused.png' })
  expect(existsSync(py)).toBe(false)
})

// Open Recent never keeps a workbook the app refused: a file that declares itself a
// Gradsheet workbook reaches the page (the host remembers it when it reads it), the
// page's restore step refuses it (a newer version, a malformed address), the alert says
// why, the open work stays, and the toolbar's Open Recent then lists the good file opened
// before it but not the refused one — whether it came through Open…, Open Recent or the
// FILE argument.
import { writeFileSync } from 'node:fs'
import { expect, test, type Sheet } from './support/fixtures'
import { emptyWorkbook, tempDir, writeText } from './support/files'

const workbook = (version: number, cells: Record<string, { input: string }> = {}) =>
  JSON.stringify({ format: 'gradsheet', version, objective: null, sheets: [{ name: 'Sheet1', cells }] })

async function openThroughDialog(sheet: Sheet, path: string): Promise<void> {
  sheet.page.once('dialog', (dialog) => void dialog.accept())
  await sheet.page.getByRole('button', { name: 'Open…' }).click()
  const dialog = sheet.page.getByRole('dialog')
  await dialog.getByLabel('File path').fill(path)
  await dialog.getByRole('button', { name: 'OK' }).click()
}

/** Opens the toolbar's Open Recent menu and returns the full paths it lists (each item's title). */
async function openRecentPaths(sheet: Sheet): Promise<string[]> {
  await sheet.page.getByRole('button', { name: /^Recent/ }).click()
  const menu = sheet.page.getByRole('menu', { name: 'Open Recent' })
  await expect(menu).toBeVisible()
  await expect(menu.getByText('Reading the list…')).toHaveCount(0)
  return menu.getByRole('menuitem').evaluateAll((items) => items.map((item) => item.getAttribute('title') ?? ''))
}

async function closeMenu(sheet: Sheet): Promise<void> {
  await sheet.page.keyboard.press('Escape')
  await expect(sheet.page.getByRole('menu', { name: 'Open Recent' })).toHaveCount(0)
}

test('a workbook refused after Open… is not in Open Recent; the good files opened before it are', async ({ launch }) => {
  const dir = tempDir()
  const good = writeText('good.gradsheet', workbook(1, { A1: { input: '41' }, A2: { input: '=A1 + 1' } }), dir)
  const other = writeText('other.gradsheet', workbook(1, { A1: { input: '7' } }), dir)
  const newer = writeText('newer.gradsheet', workbook(99), dir)
  const sheet = await launch()
  await openThroughDialog(sheet, good)
  await sheet.expectValue('A2', 42)
  await openThroughDialog(sheet, other)
  await sheet.expectValue('A1', 7)
  await openThroughDialog(sheet, newer)
  await expect(sheet.page.getByRole('alert')).toContainText('Could not open newer.gradsheet')
  await sheet.expectValue('A1', 7) // the open work stays
  expect(await openRecentPaths(sheet)).toEqual([other, good])
  await sheet.page.screenshot({ path: '.tmp/e2e-results/open-recent-after-refused-open.png' })
  await closeMenu(sheet)
  // From the keyboard: ArrowDown opens the menu on its first file, ArrowDown moves, Enter opens.
  await sheet.page.getByRole('button', { name: /^Recent/ }).focus()
  await sheet.page.keyboard.press('ArrowDown')
  await expect(sheet.page.getByRole('menuitem', { name: /other\.gradsheet/ })).toBeFocused()
  await sheet.page.keyboard.press('ArrowDown')
  await expect(sheet.page.getByRole('menuitem', { name: /good\.gradsheet/ })).toBeFocused()
  await sheet.page.keyboard.press('Enter')
  await expect(sheet.page.getByRole('menu', { name: 'Open Recent' })).toHaveCount(0)
  await sheet.expectValue('A2', 42)
})

test('a listed file that became unreadable to the app leaves Open Recent when picked from it', async ({ launch }) => {
  const dir = tempDir()
  const first = writeText('first.gradsheet', workbook(1, { A1: { input: '1' } }), dir)
  const later = writeText('later.gradsheet', workbook(1, { A1: { input: '2' } }), dir)
  const sheet = await launch()
  await openThroughDialog(sheet, first)
  await sheet.expectValue('A1', 1)
  await openThroughDialog(sheet, later)
  await sheet.expectValue('A1', 2)
  expect(await openRecentPaths(sheet)).toEqual([later, first])
  await closeMenu(sheet)
  // Another program rewrites first.gradsheet with a cell address the restore step refuses.
  writeFileSync(first, workbook(1, { A0: { input: '1' } }))
  await sheet.page.getByRole('button', { name: /^Recent/ }).click()
  await sheet.page.getByRole('menuitem', { name: /first\.gradsheet/ }).click()
  await expect(sheet.page.getByRole('alert')).toContainText('Could not open first.gradsheet')
  await sheet.expectValue('A1', 2)
  expect(await openRecentPaths(sheet)).toEqual([later])
})

test('a refused FILE argument is not in Open Recent after the app starts', async ({ launch }) => {
  const newer = writeText('newer.gradsheet', workbook(99))
  const sheet = await launch(newer)
  await expect(sheet.page.getByRole('alert')).toContainText('Could not open newer.gradsheet')
  expect(await openRecentPaths(sheet)).toEqual([])
  await expect(sheet.page.getByRole('menu', { name: 'Open Recent' })).toContainText('No recent files')
  // A good file opened next is listed as usual.
  await closeMenu(sheet)
  const good = emptyWorkbook(tempDir())
  await openThroughDialog(sheet, good)
  expect(await openRecentPaths(sheet)).toEqual([good])
})

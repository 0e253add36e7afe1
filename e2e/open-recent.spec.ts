// Open Recent never keeps a workbook the app refused: a file that declares itself a
// Gradsheet workbook reaches the page (the host remembers it when it reads it), the
// page's restore step refuses it (a newer version, a malformed address), the alert says
// why, the open work stays, and the toolbar's Open Recent then lists the good file opened
// before it but not the refused one — whether it came through Open…, Open Recent or the
// FILE argument. A listed file moved or deleted on disk leaves it when picked (the host
// sees the read fail and forgets it), with a message naming it, and the open work stays;
// a listed path that is there but unreadable stays listed.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
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

test('a recent file deleted on disk: picked by keyboard, it says so, keeps the unsaved work, and leaves Recent ▾', async ({ launch }) => {
  const dir = tempDir()
  const saved = join(dir, 'saved.gradsheet')
  const other = writeText('other.gradsheet', workbook(1, { A1: { input: '7' } }), dir)
  const sheet = await launch()
  const page = sheet.page
  await page.getByRole('button', { name: 'New', exact: true }).click()
  await sheet.type('A1', '5')
  await page.getByRole('button', { name: 'Save As…' }).click()
  const prompt = page.getByRole('dialog', { name: 'Save workbook as' })
  await prompt.getByLabel('File path').fill(saved)
  await prompt.getByRole('button', { name: 'OK' }).click()
  await expect(page).toHaveTitle(/^saved\.gradsheet/)
  await openThroughDialog(sheet, other)
  await sheet.expectValue('A1', 7)
  expect(await openRecentPaths(sheet)).toEqual([other, saved])
  await closeMenu(sheet)
  // Unsaved work in other.gradsheet, then another program deletes saved.gradsheet.
  await sheet.type('B1', '=A1 * 3')
  await sheet.expectValue('B1', 21)
  await expect(page).toHaveTitle(/^● other\.gradsheet/)
  rmSync(saved)
  // Recent ▾ by keyboard: ArrowDown opens it on other.gradsheet, ArrowDown moves to saved.gradsheet, Enter picks it.
  // The file is read before the "Discard them?" question: a file that is gone asks nothing.
  const questions: string[] = []
  await page.removeAllListeners('dialog')
  page.on('dialog', (dialog) => {
    questions.push(dialog.message())
    void dialog.dismiss()
  })
  await page.getByRole('button', { name: /^Recent/ }).focus()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('menuitem', { name: /other\.gradsheet/ })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('menuitem', { name: /saved\.gradsheet/ })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('alert')).toContainText(`${saved} was moved or deleted; it was removed from Open Recent.`)
  expect(questions).toEqual([])
  // The workbook is exactly as it was: same file, same values, still unsaved.
  await sheet.expectValue('A1', 7)
  await sheet.expectValue('B1', 21)
  await expect(page).toHaveTitle(/^● other\.gradsheet/)
  await page.screenshot({ path: '.tmp/e2e-results/open-recent-after-deleted-file.png' })
  expect(await openRecentPaths(sheet)).toEqual([other])
  await closeMenu(sheet)
  // The unsaved work still saves to its own file.
  await sheet.cell('C1').click()
  await page.keyboard.press('Control+s')
  await expect(page).toHaveTitle(/^other\.gradsheet/)
  expect(readFileSync(other, 'utf8')).toContain('=A1 * 3')
})

test('a listed path that is there but unreadable (now a folder) stays in Recent ▾, with its own words', async ({ launch }) => {
  const dir = tempDir()
  const first = writeText('first.gradsheet', workbook(1, { A1: { input: '1' } }), dir)
  const later = writeText('later.gradsheet', workbook(1, { A1: { input: '2' } }), dir)
  const sheet = await launch()
  await openThroughDialog(sheet, first)
  await openThroughDialog(sheet, later)
  await sheet.expectValue('A1', 2)
  rmSync(first)
  mkdirSync(first)
  await sheet.page.getByRole('button', { name: /^Recent/ }).click()
  await sheet.page.getByRole('menuitem', { name: /first\.gradsheet/ }).click()
  await expect(sheet.page.getByRole('alert')).toContainText(`${first} is a folder, not a file.`)
  await sheet.expectValue('A1', 2)
  expect(await openRecentPaths(sheet)).toEqual([later, first])
})

test('a FILE argument that does not exist: the app opens, and the alert names it', async ({ launch }) => {
  const missing = join(tempDir(), 'missing.gradsheet')
  const sheet = await launch(missing)
  await expect(sheet.page.getByRole('alert')).toContainText(`Could not open the starting file: Cannot open ${missing}:`)
  await sheet.type('A1', '3')
  await sheet.expectValue('A1', 3)
})

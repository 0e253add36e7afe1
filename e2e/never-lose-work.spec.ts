// Never lose work (issue 10, scenarios 1–5), as a person meets them in the web build:
// recovered work never overwrites an unrelated file, two tabs never share a backup or a
// path, Open asks before dropping unsaved work, discarded work stays discarded, and a
// FILE named on the command line gets its unsaved work back after a crash.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from '@playwright/test'
import { expect, Sheet, test } from './support/fixtures'
import { emptyWorkbook, tempDir } from './support/files'
import { CHROMIUM_ARGS, chromiumBinary } from './support/target'
import { backupTexts, openTab, startWebRun, type WebRun } from './support/web-run'

let browser: Browser
const runs: WebRun[] = []

// Each test starts (and crashes) real servers and waits for real backups: slow on a busy machine.
test.describe.configure({ timeout: 180_000 })

test.beforeEach(async () => {
  browser = await chromium.launch({ executablePath: chromiumBinary(), args: CHROMIUM_ARGS })
})
test.afterEach(async () => {
  await browser.close()
  for (const run of runs.splice(0)) await run.stop()
})

function run(dataDir: string, file?: string, workingDir?: string): WebRun {
  const started = startWebRun(dataDir, file, workingDir)
  runs.push(started)
  return started
}

const sheetOf = (page: Page) => new Sheet(page, { page, dataDir: '', close: async () => {} })
const dataFolder = () => mkdtempSync(join(tmpdir(), 'gradsheet-e2e-lose-'))
const workbookWith = (dir: string, name: string, a1: string) => {
  const path = join(dir, name)
  writeFileSync(path, JSON.stringify({ format: 'gradsheet', version: 1, objective: null, sheets: [{ name: 'Sheet1', cells: { A1: { input: a1 } } }] }))
  return path
}

/** Answers the in-page path prompt (Open… / Save As…). */
async function answerPrompt(page: Page, title: string, path: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: title })
  await dialog.getByLabel('File path').fill(path)
  await dialog.getByRole('button', { name: 'OK' }).click()
  await expect(dialog).toHaveCount(0)
}

/** Leaving a page with unsaved work asks the browser's question: the person says leave. */
function acceptLeaving(page: Page): void {
  page.on('dialog', (dialog) => void (dialog.type() === 'beforeunload' ? dialog.accept() : undefined))
}

test('1: recovered work from an example never overwrites the file saved before it; Save asks where', async () => {
  const data = dataFolder()
  const dir = tempDir()
  const server = run(data, undefined, dir)
  const page = await openTab(browser, server)
  acceptLeaving(page)
  const sheet = sheetOf(page)
  await page.getByRole('button', { name: 'New', exact: true }).click()
  await expect(page).toHaveTitle(/^Untitled\.gradsheet/)
  await sheet.type('A1', 'my notes')
  await expect(sheet.cell('A1')).toContainText('my notes')
  await page.getByRole('button', { name: 'Save As…' }).click()
  const mine = join(dir, 'a.gradsheet')
  await answerPrompt(page, 'Save workbook as', mine)
  await expect(page).toHaveTitle(/^a\.gradsheet/)
  await expect.poll(() => (existsSync(mine) ? readFileSync(mine, 'utf8') : '')).toContain('my notes')
  const saved = readFileSync(mine, 'utf8')

  await page.getByRole('combobox', { name: 'Examples' }).selectOption('reference-example-1')
  await expect(page).toHaveTitle(/reference-example-1/)
  await sheet.type('D1', '12345')
  await expect.poll(() => backupTexts(data).join(''), { timeout: 15_000 }).toContain('12345')

  await page.reload()
  const offer = page.getByRole('region', { name: 'Recovered work' })
  await expect(offer).toBeVisible({ timeout: 30_000 })
  await sheet.expectValue('D1', 12345)
  await offer.getByRole('button', { name: 'Keep changes' }).click()
  await page.keyboard.press('Control+s')
  // Never saved: Save asks where, and a.gradsheet is untouched.
  const saveAs = page.getByRole('dialog', { name: 'Save workbook as' })
  await expect(saveAs).toBeVisible()
  await saveAs.getByRole('button', { name: 'Cancel' }).click()
  expect(readFileSync(mine, 'utf8')).toBe(saved)
  await expect(page).toHaveTitle(/^● /)
})

test('2: two tabs on one server never share a backup or a path, across a crash', async () => {
  const data = dataFolder()
  const dir = tempDir()
  const fileA = workbookWith(dir, 'A.gradsheet', 'from A')
  const fileB = workbookWith(dir, 'B.gradsheet', 'from B')
  const original = { a: readFileSync(fileA, 'utf8'), b: readFileSync(fileB, 'utf8') }
  const first = run(data, undefined, dir)
  const tab1 = await openTab(browser, first)
  const tab2 = await openTab(browser, first)
  acceptLeaving(tab1)
  acceptLeaving(tab2)
  for (const [tab, file] of [[tab1, fileA], [tab2, fileB]] as const) {
    await tab.getByRole('button', { name: 'Open…' }).click()
    await answerPrompt(tab, 'Open workbook', file)
    await expect(tab.locator('[data-cell="A1"][data-sheet="Sheet1"]')).toContainText(file === fileA ? 'from A' : 'from B')
  }
  await sheetOf(tab1).type('C1', '777')
  await expect.poll(() => backupTexts(data).join(''), { timeout: 15_000 }).toContain('777')
  await first.kill()

  const second = run(data, undefined, dir)
  // The person opens the new address in the same tabs.
  await tab1.goto(await second.url)
  const offer = tab1.getByRole('region', { name: 'Recovered work' })
  await expect(offer).toBeVisible({ timeout: 30_000 })
  await sheetOf(tab1).expectValue('C1', 777)
  await offer.getByRole('button', { name: 'Keep changes' }).click()
  await tab1.keyboard.press('Control+s')
  await expect.poll(() => readFileSync(fileA, 'utf8')).toContain('777')
  expect(readFileSync(fileA, 'utf8')).toContain('from A')
  expect(readFileSync(fileB, 'utf8')).toBe(original.b)
  await tab2.goto(await second.url)
  await expect(tab2.getByRole('textbox', { name: 'Formula bar' })).toBeVisible({ timeout: 30_000 })
  await expect(tab2.getByRole('region', { name: 'Recovered work' })).toHaveCount(0)
  expect(readFileSync(fileB, 'utf8')).toBe(original.b)
  expect(original.a).not.toContain('777')
})

test('3: Open… asks before replacing unsaved work, and Cancel keeps it', async ({ launch }) => {
  const dir = tempDir()
  const other = workbookWith(dir, 'other.gradsheet', 'other file')
  const sheet = await launch(emptyWorkbook(dir))
  await sheet.type('A1', '41')
  const questions: string[] = []
  let answer = false
  sheet.page.on('dialog', (dialog) => {
    if (dialog.type() !== 'confirm') return
    questions.push(dialog.message())
    void (answer ? dialog.accept() : dialog.dismiss())
  })
  await sheet.page.getByRole('button', { name: 'Open…' }).click()
  await expect.poll(() => questions.length).toBe(1)
  expect(questions[0]).toMatch(/unsaved changes/)
  await expect(sheet.page.getByRole('dialog', { name: 'Open workbook' })).toHaveCount(0)
  await sheet.expectValue('A1', 41)
  answer = true
  await sheet.page.getByRole('button', { name: 'Open…' }).click()
  await answerPrompt(sheet.page, 'Open workbook', other)
  await expect(sheet.cell('A1')).toContainText('other file')
  expect(questions).toHaveLength(2)
})

test('4: discarded changes never come back, after a reload or a crash', async () => {
  const data = dataFolder()
  const first = run(data)
  const page = await openTab(browser, first)
  acceptLeaving(page)
  await sheetOf(page).type('F1', '4242')
  await expect.poll(() => backupTexts(data).join(''), { timeout: 15_000 }).toContain('4242')
  page.on('dialog', (dialog) => void (dialog.type() === 'confirm' ? dialog.accept() : undefined))
  await page.getByRole('combobox', { name: 'Examples' }).selectOption('xor-mlp')
  await expect(page).toHaveTitle(/xor-mlp/)
  await expect.poll(() => backupTexts(data)).toEqual([])
  await page.reload()
  await expect(page.getByRole('textbox', { name: 'Formula bar' })).toBeVisible({ timeout: 30_000 })
  await expect(page.getByRole('region', { name: 'Recovered work' })).toHaveCount(0)
  await first.kill()
  const second = run(data)
  const again = await openTab(browser, second)
  await expect(again.getByRole('region', { name: 'Recovered work' })).toHaveCount(0)
  await expect(again.locator('[data-cell="F1"][data-sheet="Sheet1"]')).not.toHaveAttribute('data-value', '4242')
})

test('5: a FILE named on the command line gets its unsaved work back after a crash', async () => {
  const data = dataFolder()
  const file = emptyWorkbook(tempDir())
  const first = run(data, file)
  const page = await openTab(browser, first)
  await sheetOf(page).type('A1', '9876')
  await expect.poll(() => backupTexts(data).join(''), { timeout: 15_000 }).toContain('9876')
  await first.kill()
  await page.close()

  const second = run(data, file)
  const again = await openTab(browser, second)
  const offer = again.getByRole('region', { name: 'Recovered work' })
  await expect(offer).toBeVisible()
  await sheetOf(again).expectValue('A1', 9876)
  await expect(again).toHaveTitle(/^● empty\.gradsheet/)
  await offer.getByRole('button', { name: 'Keep changes' }).click()
  // Its path came back with it: Save writes the file, without asking.
  await again.keyboard.press('Control+s')
  await expect.poll(() => readFileSync(file, 'utf8')).toContain('9876')
  await expect(again.getByRole('dialog')).toHaveCount(0)
  await expect(again).not.toHaveTitle(/^● /)
})

// Nothing lost, nothing let in, as a user meets it: work typed before a crash comes back
// on the next start, marked unsaved; a save that fails says why and keeps the work;
// hostile or absurd input becomes an error in the cell while the app stays usable.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { expect, Sheet, test } from './support/fixtures'
import { emptyWorkbook, tempDir } from './support/files'
import { CHROMIUM_ARGS, chromiumBinary, repoRoot } from './support/target'
import { WEB_URL_PATTERN } from './support/launch'
import { backupTexts } from './support/web-run'

/** The `npm run web` server over a data folder we keep across the crash. */
function startServer(dataDir: string) {
  const child = spawn(process.execPath, [join(repoRoot, 'scripts', 'web.mjs'), '--port', '0'], {
    cwd: repoRoot,
    env: { ...process.env, GRADSHEET_DATA_DIR: dataDir, GRADSHEET_SKIP_BUILD: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const url = new Promise<string>((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`no URL:\n${output}`)), 60_000)
    const onData = (chunk: Buffer) => {
      output += chunk
      const m = output.match(WEB_URL_PATTERN) // the address with its secret (e2e/support/launch.ts)
      if (m) {
        clearTimeout(timer)
        resolve(m[0])
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
  })
  return { child, url, exited }
}

test('work typed before a crash comes back on the next start, unsaved, to keep or to discard', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gradsheet-e2e-crash-'))
  const browser = await chromium.launch({ executablePath: chromiumBinary(), args: CHROMIUM_ARGS })
  try {
    const first = startServer(dataDir)
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(await first.url)
    const sheet = new Sheet(page, { page, dataDir, close: async () => {} })
    await sheet.type('H1', '41')
    await sheet.type('H2', '=H1 + 1')
    await sheet.expectValue('H2', 42)
    // The renderer backs up shortly after the edit; then the server dies without warning.
    // One backup per document (node/document-backups.ts): this tab's is the only one.
    const backupText = () => backupTexts(dataDir).join('')
    await expect.poll(backupText, { timeout: 15_000 }).toContain('=H1 + 1')
    first.child.kill('SIGKILL')
    await first.exited
    await page.close()

    const second = startServer(dataDir)
    const again = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await again.goto(await second.url)
    const restored = new Sheet(again, { page: again, dataDir, close: async () => {} })
    await restored.expectValue('H1', 41)
    await restored.expectValue('H2', 42)
    await expect(again).toHaveTitle(/^● /)
    // The user is offered the choice; keeping leaves the work as it is, still unsaved.
    const offer = again.getByRole('region', { name: 'Recovered work' })
    await expect(offer).toContainText('unsaved changes were recovered')
    await offer.getByRole('button', { name: 'Keep changes' }).click()
    await expect(offer).toHaveCount(0)
    await restored.expectValue('H2', 42)
    await expect(again).toHaveTitle(/^● /)
    second.child.kill('SIGKILL')
    await second.exited
    await again.close()

    // Crash again: the work is still offered; this time the user discards it, for good.
    const third = startServer(dataDir)
    const page3 = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page3.goto(await third.url)
    const sheet3 = new Sheet(page3, { page: page3, dataDir, close: async () => {} })
    await sheet3.expectValue('H2', 42)
    await page3.getByRole('region', { name: 'Recovered work' }).getByRole('button', { name: 'Discard changes' }).click()
    await expect(sheet3.cell('H2')).not.toHaveAttribute('data-value', '42')
    await expect(page3).not.toHaveTitle(/^● /)
    await expect.poll(backupText).toBe('')
    third.child.kill('SIGKILL')
    await third.exited
    await page3.close()

    const fourth = startServer(dataDir)
    const page4 = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page4.goto(await fourth.url)
    await expect(page4.getByRole('grid')).toBeVisible()
    await expect(page4.getByRole('region', { name: 'Recovered work' })).toHaveCount(0)
    await expect(page4.locator('[data-cell="H2"][data-sheet="Sheet1"]')).not.toHaveAttribute('data-value', '42')
    fourth.child.kill('SIGTERM')
    await fourth.exited
  } finally {
    await browser.close()
  }
})

test('a save that fails says why in an alert, and the work stays open and unsaved', async ({ launch }) => {
  const file = emptyWorkbook(tempDir())
  const sheet = await launch(file)
  await sheet.type('A1', '7')
  // Another program puts a folder where the file was: the save cannot replace it.
  rmSync(file)
  mkdirSync(file)
  await sheet.page.getByRole('button', { name: 'Save', exact: true }).click()
  const alert = sheet.page.getByRole('alert')
  await expect(alert).toContainText('Could not save')
  await expect(alert).toContainText('empty.gradsheet')
  await sheet.expectValue('A1', 7)
  await expect(sheet.page).toHaveTitle(/^● /)
})

test('absurd and hostile formulas become errors in the cell; the app stays usable', async ({ launch }) => {
  const sheet = await launch(emptyWorkbook())
  const enter = async (address: string, input: string) => {
    await sheet.cell(address).click()
    await sheet.formulaBar().click()
    await sheet.formulaBar().fill(input)
    await sheet.formulaBar().press('Enter')
  }
  await enter('A1', '=' + '1+'.repeat(50_000) + '1')
  await sheet.expectError('A1', '#PARSE!')
  await enter('A2', '=' + '('.repeat(10_000) + '1' + ')'.repeat(10_000))
  await sheet.expectError('A2', '#PARSE!')
  await enter('A3', '=constructor.constructor("return process")()')
  await expect(sheet.cell('A3')).toHaveAttribute('data-error', /^#(NAME\?|PARSE!)$/)
  await enter('A4', '=SUM(A1:XFD1000)')
  await sheet.expectError('A4', '#VALUE!')
  await sheet.type('B1', '=2 * 21')
  await sheet.expectValue('B1', 42)
})

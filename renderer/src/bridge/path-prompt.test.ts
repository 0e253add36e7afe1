// The in-page path prompt, in a real Chromium: found by its accessible role and label,
// answered with the keyboard and the mouse the way a person would.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from '@playwright/test'
import { transformWithOxc } from 'vite'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path))

describe('path prompt (Chromium)', { timeout: 60_000 }, () => {
  let browser: Browser
  let page: Page
  let script: string

  beforeAll(async () => {
    const source = readFileSync(join(import.meta.dirname, 'path-prompt.ts'), 'utf8')
    script = (await transformWithOxc(source, 'path-prompt.ts')).code + '\nwindow.promptForPath = promptForPath\n'
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] })
  })
  afterAll(async () => {
    await browser?.close()
  })
  beforeEach(async () => {
    page = await browser.newPage()
    await page.setContent('<!doctype html><title>t</title><body><button id="before">before</button></body>')
    await page.addScriptTag({ content: script, type: 'module' })
    await page.waitForFunction(() => 'promptForPath' in window)
    await page.focus('#before')
  })

  const open = (initialPath: string) =>
    page.evaluate((initial) => {
      const w = window as unknown as { promptForPath: (o: object) => Promise<string | null>; answer?: Promise<string | null> }
      w.answer = w.promptForPath({ title: 'Open workbook', hint: 'Type a path.', initialPath: initial })
    }, initialPath)
  const answer = () => page.evaluate(() => (window as unknown as { answer: Promise<string | null> }).answer)

  it('is an accessible modal dialog with a labelled "File path" field, prefilled and focused', async () => {
    await open('/home/me/')
    const dialog = page.getByRole('dialog', { name: 'Open workbook' })
    await expect.poll(() => dialog.isVisible()).toBe(true)
    expect(await dialog.getAttribute('aria-modal')).toBe('true')
    const field = dialog.getByLabel('File path')
    expect(await field.inputValue()).toBe('/home/me/')
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(await dialog.getByRole('button', { name: 'OK' }).isVisible()).toBe(true)
    expect(await dialog.getByRole('button', { name: 'Cancel' }).isVisible()).toBe(true)
  })

  it('OK returns the typed path and removes the dialog, giving focus back', async () => {
    await open('/home/me/')
    await page.getByLabel('File path').fill('  /home/me/model.gradsheet ')
    await page.getByRole('button', { name: 'OK' }).click()
    expect(await answer()).toBe('/home/me/model.gradsheet')
    expect(await page.getByRole('dialog').count()).toBe(0)
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('before')
  })

  it('Enter confirms, Escape and Cancel return null', async () => {
    await open('/tmp/')
    await page.keyboard.type('a.gradsheet')
    await page.keyboard.press('Enter')
    expect(await answer()).toBe('/tmp/a.gradsheet')
    await open('/tmp/')
    await page.keyboard.press('Escape')
    expect(await answer()).toBeNull()
    await open('/tmp/')
    await page.getByRole('button', { name: 'Cancel' }).click()
    expect(await answer()).toBeNull()
  })

  it('an empty path keeps the dialog open and marks the field invalid', async () => {
    await open('')
    await page.getByRole('button', { name: 'OK' }).click()
    expect(await page.getByRole('dialog').count()).toBe(1)
    expect(await page.getByLabel('File path').getAttribute('aria-invalid')).toBe('true')
  })

  it('Tab keeps focus inside the dialog', async () => {
    await open('/tmp/')
    const focused = async () => page.evaluate(() => document.activeElement?.textContent || (document.activeElement as HTMLInputElement)?.value)
    await page.keyboard.press('Tab')
    expect(await focused()).toBe('Cancel')
    await page.keyboard.press('Tab')
    expect(await focused()).toBe('OK')
    await page.keyboard.press('Tab')
    expect(await focused()).toBe('/tmp/')
    await page.keyboard.press('Shift+Tab')
    expect(await focused()).toBe('OK')
  })
})

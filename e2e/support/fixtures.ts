// The `app` fixture: start Gradsheet (optionally with a file), act on it the way a
// person does (click, type, press keys), read what the cells show through the SPEC §7
// hooks (data-cell, data-value, data-grad, data-error).
import { test as base, expect, type Locator, type Page } from '@playwright/test'
import { launchApp, type RunningApp } from './launch'

export class Sheet {
  constructor(readonly page: Page, readonly running: RunningApp) {}

  cell(address: string, sheet = 'Sheet1'): Locator {
    return this.page.locator(`[data-cell="${address}"][data-sheet="${sheet}"]`)
  }

  formulaBar(): Locator {
    return this.page.getByRole('textbox', { name: 'Formula bar' })
  }

  nameBox(): Locator {
    return this.page.getByLabel('Name box')
  }

  /** Go to a cell through the name box, as a keyboard user would. */
  async goTo(address: string): Promise<void> {
    await this.nameBox().click()
    await this.nameBox().fill(address)
    await this.nameBox().press('Enter')
  }

  /** Select the cell, type the input, press Enter. */
  async type(address: string, input: string, sheet = 'Sheet1'): Promise<void> {
    await this.cell(address, sheet).click()
    await this.page.keyboard.type(input)
    await this.page.keyboard.press('Enter')
  }

  /** Give the selected cell a name through the name box. */
  async name(address: string, name: string): Promise<void> {
    await this.cell(address).click()
    await this.nameBox().click()
    await this.nameBox().fill(name)
    await this.nameBox().press('Enter')
  }

  async expectValue(address: string, value: number | string, sheet = 'Sheet1'): Promise<void> {
    await expect(this.cell(address, sheet)).toHaveAttribute('data-value', String(value))
  }

  async expectGrad(address: string, grad: number | string, sheet = 'Sheet1'): Promise<void> {
    await expect(this.cell(address, sheet)).toHaveAttribute('data-grad', String(grad))
  }

  async expectError(address: string, code: string, sheet = 'Sheet1'): Promise<void> {
    await expect(this.cell(address, sheet)).toHaveAttribute('data-error', code)
  }

  async undo(): Promise<void> {
    await this.page.keyboard.press('Control+z')
  }

  async redo(): Promise<void> {
    await this.page.keyboard.press('Control+y')
  }
}

export const test = base.extend<{ launch: (file?: string) => Promise<Sheet> }>({
  launch: async ({}, use) => {
    const started: RunningApp[] = []
    await use(async (file?: string) => {
      const running = await launchApp(file)
      started.push(running)
      const sheet = new Sheet(running.page, running)
      await expect(sheet.formulaBar()).toBeVisible({ timeout: 30_000 })
      return sheet
    })
    for (const running of started) await running.close()
  },
})

export { expect }

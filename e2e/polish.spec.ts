// The finishing touches of issues 9, 11 and 13, typed as a person would: reference colours
// while a formula is typed, the fill handle in all four directions, point-mode drags
// that scroll, training settings that mark the workbook modified, export success as a
// status rather than an alert.
import type { Page } from '@playwright/test'
import { expect, test, type Sheet } from './support/fixtures'
import { readFileSync } from 'node:fs'
import { copyExample, writeText } from './support/files'

function workbook(cells: Record<string, string>, names: Record<string, string> = {}): string {
  const entries = Object.fromEntries(Object.entries(cells).map(([a, input]) => [a, names[a] ? { input, name: names[a] } : { input }]))
  return writeText('polish.gradsheet', JSON.stringify({ format: 'gradsheet', version: 1, objective: null, sheets: [{ name: 'Sheet1', cells: entries }] }))
}

async function center(sheet: Sheet, address: string): Promise<{ x: number; y: number }> {
  const box = (await sheet.cell(address).boundingBox())!
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
}

/** Press at `from`, move in small steps (as a hand does), release at `to`; `during` runs before the release. */
async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, during?: () => Promise<void>): Promise<void> {
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 3 })
  await page.mouse.move(to.x, to.y, { steps: 3 })
  if (during) await during()
  await page.mouse.up()
}

async function dragFillHandle(sheet: Sheet, to: string, during?: () => Promise<void>): Promise<void> {
  const hb = (await sheet.page.locator('[data-fill-handle]').boundingBox())!
  await drag(sheet.page, { x: hb.x + hb.width / 2, y: hb.y + hb.height / 2 }, await center(sheet, to), during)
}

/** The outline of a reference's block must lie on the cells it names. */
async function expectOutlineOn(sheet: Sheet, label: string, first: string, last: string): Promise<void> {
  const outline = sheet.page.locator(`[data-ref-outline="${label}"]`)
  await expect(outline).toHaveCount(1)
  const box = (await outline.boundingBox())!
  const a = (await sheet.cell(first).boundingBox())!
  const b = (await sheet.cell(last).boundingBox())!
  expect(Math.abs(box.x - a.x)).toBeLessThan(3)
  expect(Math.abs(box.y - a.y)).toBeLessThan(3)
  expect(Math.abs(box.x + box.width - (b.x + b.width))).toBeLessThan(3)
  expect(Math.abs(box.y + box.height - (b.y + b.height))).toBeLessThan(3)
}

test('references of a formula being typed are coloured, their cells outlined in the same colour, until the edit ends', async ({ launch }) => {
  const sheet = await launch(workbook({ A1: '1', A2: '2', B2: '3', C4: '4', D1: '5' }, { D1: 'rate' }))
  const page = sheet.page
  await sheet.cell('F2').click()
  await page.keyboard.type('=A1+SUM(B2:C4)*rate')
  const spans = page.locator('.coloured-formula .ref-text')
  await expect(spans).toHaveText(['A1', 'B2:C4', 'rate'])
  await expect(spans.nth(0)).toHaveAttribute('data-ref-colour', '0')
  await expect(spans.nth(1)).toHaveAttribute('data-ref-colour', '1')
  await expect(spans.nth(2)).toHaveAttribute('data-ref-colour', '2')
  // The outlines sit on the named cells, in the colour of their text.
  await expectOutlineOn(sheet, 'A1', 'A1', 'A1')
  await expectOutlineOn(sheet, 'B2:C4', 'B2', 'C4')
  await expectOutlineOn(sheet, 'D1', 'D1', 'D1')
  for (const [label, colour] of [['A1', '0'], ['B2:C4', '1'], ['D1', '2']])
    await expect(page.locator(`[data-ref-outline="${label}"]`)).toHaveAttribute('data-ref-colour', colour)
  const textColour = await spans.nth(1).evaluate((el) => getComputedStyle(el).color)
  const outlineColour = await page.locator('[data-ref-outline="B2:C4"]').evaluate((el) => getComputedStyle(el).borderTopColor)
  expect(outlineColour).toBe(textColour)
  await page.screenshot({ path: '.tmp/polish-ref-colours.png' })

  // The colours follow the text: deleting the last reference removes its outline.
  for (let i = 0; i < '*rate'.length; i++) await page.keyboard.press('Backspace')
  await expect(spans).toHaveText(['A1', 'B2:C4'])
  await expect(page.locator('[data-ref-outline]')).toHaveCount(2)
  // Enter ends the edit: no colours, no outlines.
  await page.keyboard.press('Enter')
  await sheet.expectValue('F2', 8)
  await expect(page.locator('[data-ref-outline]')).toHaveCount(0)
  await expect(page.locator('.coloured-formula')).toHaveCount(0)

  // In the formula bar too; Escape ends it.
  await sheet.cell('F3').click()
  await sheet.formulaBar().click()
  await page.keyboard.type('=A2*2')
  await expect(page.locator('.coloured-formula .ref-text')).toHaveText(['A2'])
  await expectOutlineOn(sheet, 'A2', 'A2', 'A2')
  await page.keyboard.press('Escape')
  await expect(page.locator('[data-ref-outline]')).toHaveCount(0)
  await expect(page.locator('.coloured-formula')).toHaveCount(0)
})

test('the fill handle fills up and left (series backwards, formulas shifted) and counts labels on', async ({ launch }) => {
  const sheet = await launch(workbook({ A3: '3', A4: '4', B4: '=A4*10', E1: '5', F1: '6', F3: '=F1*2', A9: 'Item 1' }))
  const page = sheet.page
  // 3, 4 dragged up gives 2, 1 above.
  await sheet.goTo('A3:A4')
  await dragFillHandle(sheet, 'A1', async () => {
    await expect(page.locator('.fill-preview')).toHaveCount(1)
    await page.screenshot({ path: '.tmp/polish-fill-up.png' })
  })
  await sheet.expectValue('A2', 2)
  await sheet.expectValue('A1', 1)
  await expect(page.locator('[data-selection-rect]')).toBeVisible()
  expect(await page.getByLabel('Name box').inputValue()).toBe('A1:A4')
  // A formula dragged up reads the rows above.
  await sheet.cell('B4').click()
  await dragFillHandle(sheet, 'B2')
  await sheet.expectValue('B3', 30)
  await sheet.expectValue('B2', 20)
  await sheet.cell('B2').click()
  await expect(sheet.formulaBar()).toHaveValue('=A2*10')
  // Left: 5, 6 dragged left gives 3, 4; a formula dragged left reads the columns to the left.
  await sheet.goTo('E1:F1')
  await dragFillHandle(sheet, 'C1')
  await sheet.expectValue('D1', 4)
  await sheet.expectValue('C1', 3)
  await sheet.cell('F3').click()
  await dragFillHandle(sheet, 'D3')
  await sheet.expectValue('E3', 10)
  await sheet.expectValue('D3', 8)
  // Labels: a single "Item 1" dragged down counts on.
  await sheet.cell('A9').click()
  await dragFillHandle(sheet, 'A12')
  for (const [a, v] of [['A10', 'Item 2'], ['A11', 'Item 3'], ['A12', 'Item 4']]) await sheet.expectValue(a, v)
  // One undo step takes the fill back.
  await sheet.undo()
  await expect(sheet.cell('A10')).not.toHaveAttribute('data-value', 'Item 2')
})

test('a point-mode drag past the bottom of the grid scrolls it and extends the range', async ({ launch }) => {
  const cells: Record<string, string> = {}
  for (let r = 1; r <= 60; r++) cells[`A${r}`] = String(r)
  const sheet = await launch(workbook(cells))
  const page = sheet.page
  const editor = page.locator('input.cell-editor')
  await sheet.cell('C1').click()
  await page.keyboard.type('=SUM(')
  const start = await center(sheet, 'A1')
  const grid = (await page.locator('#grid').boundingBox())!
  await page.mouse.move(start.x, start.y)
  await page.mouse.down()
  await expect(editor).toHaveValue('=SUM(A1')
  // Hold the pointer at the bottom edge, wiggling a pixel as a hand does: each move scrolls a row.
  for (let i = 0; i < 30; i++) await page.mouse.move(start.x, grid.y + grid.height - 3 - (i % 2))
  await page.screenshot({ path: '.tmp/polish-point-scroll.png' })
  await page.mouse.up()
  const text = await editor.inputValue()
  const last = Number(/^=SUM\(A1:A(\d+)$/.exec(text)?.[1])
  expect(last).toBeGreaterThan(30)
  // The grid scrolled: row 1 is out of view, the pointed range's end is in view.
  await expect(sheet.cell('A1')).toHaveCount(0)
  await expect(sheet.cell(`A${last}`)).toBeVisible()
  await page.keyboard.type(')')
  await page.keyboard.press('Enter')
  await sheet.goTo('C1')
  await sheet.expectValue('C1', (last * (last + 1)) / 2)
})

test('changing a training setting without running marks the workbook modified, is one undo step, is saved and reopened', async ({ launch }) => {
  const file = copyExample('reference-example-2.gradsheet')
  const sheet = await launch(file)
  const page = sheet.page
  await expect(page).not.toHaveTitle(/^● /)
  await page.getByRole('button', { name: 'Train…' }).click()
  const panel = page.getByRole('region', { name: 'Training' })
  const undoButton = page.getByRole('button', { name: /Undo/ })
  const redoButton = page.getByRole('button', { name: /Redo/ })
  await expect(panel.getByLabel('Steps')).toHaveValue('200')
  await panel.getByLabel('Steps').fill('23')
  await panel.getByLabel('Steps').press('Tab')
  await expect(page).toHaveTitle(/^● /)
  await expect(undoButton).toHaveAttribute('title', /Undo: set training steps to 23/)
  await page.screenshot({ path: '.tmp/polish-settings-modified.png' })
  // Undo puts the stored setting and the form back, and the workbook is as opened again.
  await undoButton.click()
  await expect(panel.getByLabel('Steps')).toHaveValue('200')
  await expect(page).not.toHaveTitle(/^● /)
  await redoButton.click()
  await expect(panel.getByLabel('Steps')).toHaveValue('23')
  await expect(page).toHaveTitle(/^● /)
  await page.keyboard.press('Control+s')
  await expect(page).not.toHaveTitle(/^● /)
  await expect.poll(() => JSON.parse(readFileSync(file, 'utf8')).training?.steps).toBe(23)
  // Setting the value it already has is no change; another setting is.
  await panel.getByLabel('Steps').fill('23')
  await panel.getByLabel('Steps').press('Tab')
  await expect(page).not.toHaveTitle(/^● /)
  await panel.getByLabel('Method').selectOption('gd')
  await expect(page).toHaveTitle(/^● /)
  await expect(undoButton).toHaveAttribute('title', /Undo: set training method to/)
  await page.keyboard.press('Control+s')
  await expect(page).not.toHaveTitle(/^● /)
  await sheet.running.close()

  const again = await launch(file)
  await again.page.getByRole('button', { name: 'Train…' }).click()
  const reopened = again.page.getByRole('region', { name: 'Training' })
  await expect(reopened.getByLabel('Steps')).toHaveValue('23')
  await expect(reopened.getByLabel('Method')).toHaveValue('gd')
  await expect(again.page).not.toHaveTitle(/^● /)
})

test('a reference to another sheet is outlined on that sheet when it is shown during the edit', async ({ launch }) => {
  const file = writeText('two-sheets.gradsheet', JSON.stringify({
    format: 'gradsheet', version: 1, objective: null,
    sheets: [{ name: 'Sheet1', cells: { A1: { input: '1' } } }, { name: 'Sheet2', cells: { B2: { input: '5' } } }],
  }))
  const sheet = await launch(file)
  const page = sheet.page
  await sheet.cell('F1').click()
  await page.keyboard.type('=Sheet2!B2+A1')
  await expect(page.locator('.coloured-formula .ref-text')).toHaveText(['Sheet2!B2', 'A1'])
  // On Sheet1 only A1 is outlined (colour 1: the second reference).
  await expect(page.locator('[data-ref-outline]')).toHaveCount(1)
  await expect(page.locator('[data-ref-outline="A1"]')).toHaveAttribute('data-ref-colour', '1')
  // Showing Sheet2 keeps the edit (in the formula bar, still coloured) and outlines B2 there.
  await page.locator('[data-sheet-tab="Sheet2"]').click()
  await expect(sheet.formulaBar()).toHaveValue('=Sheet2!B2+A1')
  await expect(page.locator('.coloured-formula .ref-text')).toHaveText(['Sheet2!B2', 'A1'])
  const outline = page.locator('[data-ref-outline="B2"]')
  await expect(outline).toHaveAttribute('data-ref-colour', '0')
  const box = (await outline.boundingBox())!
  const cell = (await sheet.cell('B2', 'Sheet2').boundingBox())!
  expect(Math.abs(box.x - cell.x) + Math.abs(box.y - cell.y)).toBeLessThan(4)
  await expect(page.locator('[data-ref-outline="A1"]')).toHaveCount(0)
  await page.screenshot({ path: '.tmp/polish-ref-other-sheet.png' })
  await page.keyboard.press('Enter')
  await expect(page.locator('[data-ref-outline]')).toHaveCount(0)
  await sheet.expectValue('F1', 6)
})

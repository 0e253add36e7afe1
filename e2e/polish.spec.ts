// The finishing touches of issues 9, 11 and 13, typed as a person would: reference colours
// while a formula is typed, the fill handle in all four directions, point-mode drags
// that scroll, training settings that mark the workbook modified, export success as a
// status rather than an alert.
import { expect, test, type Sheet } from './support/fixtures'
import { writeText } from './support/files'

function workbook(cells: Record<string, string>, names: Record<string, string> = {}): string {
  const entries = Object.fromEntries(Object.entries(cells).map(([a, input]) => [a, names[a] ? { input, name: names[a] } : { input }]))
  return writeText('polish.gradsheet', JSON.stringify({ format: 'gradsheet', version: 1, objective: null, sheets: [{ name: 'Sheet1', cells: entries }] }))
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

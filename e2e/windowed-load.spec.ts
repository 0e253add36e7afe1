// A large workbook opens windowed (issue 12): the load's reply brings the views of the
// window, every sheet's extent, every name and the engine's figures; the other cells'
// views are pulled when the app is idle (renderer/src/worker/load-layout.ts,
// renderer/src/state/window-sync.ts). Whatever has or has not arrived yet, a far cell
// shows its value, Ctrl+arrows jump over data, Ctrl+End lands on the last used cell, a name far away is found and
// autocompleted, and the status bar's figures over the whole column are exact.
import { expect, test } from './support/fixtures'
import { writeText } from './support/files'

const ROWS = 20_000

function workbook(): string {
  const cells: Record<string, { input: string; name?: string }> = { A1: { input: '1' } }
  for (let i = 2; i <= ROWS; i++) cells[`A${i}`] = { input: `=A${i - 1}+1` }
  // A named cell far below the window, read by a cell inside it.
  cells.C19990 = { input: '7', name: 'lucky' }
  cells.B2 = { input: '=lucky*2' }
  return writeText('load-20k.gradsheet', JSON.stringify({ format: 'gradsheet', version: 1, objective: `A${ROWS}`, sheets: [{ name: 'Sheet1', cells }] }))
}

test('a 20k-cell workbook opens windowed: far cells, Ctrl+arrows, Ctrl+End and names are right', async ({ launch }) => {
  const sheet = await launch(workbook())
  const { page } = sheet
  const app = page.locator('.app')
  // The load did not bring every view: most were owed (this fails if the load sends them all).
  expect(Number(await app.getAttribute('data-load-owed'))).toBeGreaterThan(ROWS - 1000)
  await sheet.expectValue('A2', 2)
  await sheet.expectValue('B2', 14)
  // The engine's figures: every cell of the chain has ∂J/∂cell = 1, so the colour scale's top is 1, and no errors.
  await expect(page.locator('.status-errors')).toHaveAttribute('data-error-count', '0')

  // From here on the UI is never idle, so the views owed behind the next edit are never
  // pulled (window-sync pulls in requestIdleCallback): everything below must work from the
  // window's views, the load's extents and names, and the engine.
  await page.evaluate(() => {
    window.requestIdleCallback = () => 0
  })
  // Ctrl+arrows over data right after an edit that changed every cell of the chain: the
  // line of travel comes from the engine.
  await sheet.type('A1', '2')
  await expect(app).not.toHaveAttribute('data-views-owed', '0')
  await page.keyboard.press('Control+ArrowDown') // from A2, where Enter moved
  await expect(sheet.nameBox()).toHaveValue(`A${ROWS}`)
  await page.keyboard.press('Control+ArrowUp')
  await expect(sheet.nameBox()).toHaveValue('A1')
  await sheet.cell('C1').click()
  await page.keyboard.press('Control+ArrowDown')
  await expect(sheet.cell('C19990')).toHaveAttribute('aria-selected', 'true')

  // Adding a sheet brings a new snapshot, windowed too: with nothing pulled after it, the
  // extents and names below can only come from the snapshot itself (its views cover only the top rows).
  await sheet.goTo('A1')
  await page.getByRole('button', { name: 'Add sheet' }).click()
  await expect(page.getByRole('tab', { name: 'Sheet2' })).toHaveAttribute('aria-selected', 'true')
  await page.getByRole('tab', { name: 'Sheet1' }).click()
  await expect(Number(await app.getAttribute('data-views-owed'))).toBeGreaterThan(ROWS - 1000)

  // Ctrl+End: the last used row (the chain's) and the last used column (C, from C19990).
  await sheet.goTo('A1')
  await page.keyboard.press('Control+End')
  await expect(sheet.nameBox()).toHaveValue(`C${ROWS}`)
  await sheet.goTo(`A${ROWS}`)
  await sheet.expectValue(`A${ROWS}`, ROWS + 1)
  await sheet.expectGrad(`A${ROWS}`, 1)

  // A name whose cell is far away: the name box goes there, autocomplete offers it.
  await sheet.goTo('lucky')
  // The name box shows a named cell's name (as Excel does); the cell itself is selected.
  await expect(sheet.cell('C19990')).toHaveAttribute('aria-selected', 'true')
  await sheet.expectValue('C19990', 7)
  await sheet.cell('C19988').click()
  await page.keyboard.type('=luc')
  await expect(page.getByRole('listbox', { name: 'Completions' }).getByRole('option').first()).toContainText('lucky')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  await sheet.expectValue('C19988', 7)

})

test('status-bar figures over a windowed 20k-cell load are exact', async ({ launch }) => {
  const sheet = await launch(workbook())
  const { page } = sheet
  const app = page.locator('.app')
  // Figures over the whole chain (mostly off screen): exact, as every view arrives.
  await sheet.goTo(`A1:A${ROWS}`)
  const stats = page.locator('[data-selection-stats]')
  await expect(stats).toHaveAttribute('data-count', String(ROWS))
  await expect(stats).toHaveAttribute('data-sum', String((ROWS * (ROWS + 1)) / 2))
  await expect(stats).toHaveAttribute('data-grad-sum', String(ROWS))
  await expect(app).toHaveAttribute('data-views-owed', '0')
})

// A large edit (more changed cells than one message carries): the reply brings only the
// window's views and the engine's figures; the rest are pulled when the app is idle, and
// a cell scrolled into view shows its current value (renderer/src/state/window-sync.ts).
import { expect, test } from './support/fixtures'
import { writeText } from './support/files'

const ROWS = 20_000

function chainWorkbook(): string {
  const cells: Record<string, { input: string }> = { A1: { input: '1' } }
  for (let i = 2; i <= ROWS; i++) cells[`A${i}`] = { input: `=A${i - 1}+1` }
  return writeText('chain-20k.gradsheet', JSON.stringify({ format: 'gradsheet', version: 1, objective: `A${ROWS}`, sheets: [{ name: 'Sheet1', cells }] }))
}

test('an edit that changes 20k cells shows current values everywhere, and the status bar counts every error', async ({ launch }) => {
  const sheet = await launch(chainWorkbook())
  const errors = sheet.page.locator('.status-errors')
  await sheet.expectValue('A2', 2)
  await sheet.type('A1', '=1/0')
  // Every cell of the chain is now an error: the count is the engine's, not the window's.
  await expect(errors).toHaveAttribute('data-error-count', String(ROWS))
  await sheet.expectError('A3', '#DIV/0!')
  await sheet.goTo(`A${ROWS - 5}`)
  await sheet.expectError(`A${ROWS - 5}`, '#DIV/0!')
  await sheet.goTo('A1')
  await sheet.page.keyboard.type('5')
  await sheet.page.keyboard.press('Enter')
  await expect(errors).toHaveAttribute('data-error-count', '0')
  await sheet.expectValue('A3', 7)
  // Straight to a far cell (while the rest may still be owed): its current value, never the old error.
  await sheet.goTo('A15000')
  await sheet.expectValue('A15000', 15004)
  await sheet.expectGrad('A15000', 1)
  await expect(sheet.page.locator('.status-objective')).toHaveAttribute('title', String(ROWS + 4))
})

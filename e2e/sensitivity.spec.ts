// The Sensitivity panel as a user meets it: open the regression example, press
// Sensitivity… in the toolbar, read the inputs ranked by |∂J/∂x| and by elasticity,
// click a bar to jump to its cell, and watch the ranking follow an edit.
import { copyExample } from './support/files'
import { expect, test } from './support/fixtures'

test('Sensitivity: ranks inputs by |dJ/dx| and elasticity, a click selects the cell', async ({ launch }) => {
  const sheet = await launch(copyExample('reference-example-2.gradsheet'))
  await sheet.expectValue('B8', 84.5)
  await sheet.page.getByRole('button', { name: 'Sensitivity…' }).click()
  const panel = sheet.page.getByRole('region', { name: 'Sensitivity' })
  await expect(panel).toContainText('4 inputs J depends on')
  const byGrad = panel.getByRole('list', { name: '|∂J/∂x|' }).getByRole('listitem')
  // x (-39) and w (39) tie in |grad| and keep reading order; then y (13), b (-13).
  await expect(byGrad).toHaveCount(4)
  expect(await byGrad.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-cell')))).toEqual(['Sheet1!B1', 'Sheet1!B3', 'Sheet1!B2', 'Sheet1!B4'])
  await expect(byGrad.first()).toHaveAttribute('aria-label', 'x (Sheet1!B1): -39')
  const byElasticity = panel.getByRole('list', { name: 'Elasticity x/J · ∂J/∂x' }).getByRole('listitem')
  await expect(byElasticity.first()).toHaveAttribute('aria-label', 'x (Sheet1!B1): 1.385')
  await sheet.page.screenshot({ path: 'test-results/sensitivity-panel.png' })

  // One click jumps to the cell.
  await byGrad.nth(2).click()
  await expect(sheet.nameBox()).toHaveValue('y') // the name box shows a named cell's name
  await expect(sheet.cell('B2')).toHaveAttribute('aria-selected', 'true')

  // The ranking follows edits: with w = 0 the gradient of x vanishes.
  await sheet.type('B3', '0')
  await sheet.expectValue('B8', 8)
  await expect(byGrad.last()).toHaveAttribute('data-cell', 'Sheet1!B1')
})

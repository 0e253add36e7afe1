// Issue 13, item 4: the first minute teaches itself. The legend is one click from the
// status bar (its chips are the grid's own colours), the Help menu lists the formula
// reference, shortcuts, legend and a guided tour, a ∂ chip says in words what it means,
// and the tour builds the reference text's first example in an empty sheet.
import { expect, test } from './support/fixtures'
import { copyExample } from './support/files'

test('the legend is one click from the status bar, with the chip colours and their scale', async ({ launch }, info) => {
  const { page } = await launch(copyExample('reference-example-2.gradsheet'))
  await page.getByRole('status').getByRole('button', { name: 'Legend' }).click()
  const legend = page.getByRole('dialog', { name: 'Legend' })
  await expect(legend).toBeVisible()
  await expect(legend).toContainText('∂J/∂cell')
  await expect(legend).toContainText('Parameter')
  await expect(legend).toContainText('Objective')
  // Red for positive, blue for negative, fading along the scale: read from the computed styles.
  const colours = await legend.locator('.legend-chip').evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor))
  expect(colours[1]).toMatch(/rgba\(214, 69, 65/)
  expect(colours[2]).toMatch(/rgba\(46, 108, 214/)
  const alphas = (await legend.locator('[data-legend-scale] .legend-chip').evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor))).map((c) => Number(c.split(',')[3].replace(')', '')))
  expect(alphas).toHaveLength(5)
  for (let i = 1; i < alphas.length; i++) expect(alphas[i]).toBeLessThan(alphas[i - 1])
  await page.screenshot({ path: info.outputPath('legend.png') })
  await page.keyboard.press('Escape')
  await expect(legend).toHaveCount(0)
})

test('the Help menu: formula reference, keyboard shortcuts, legend, guided tour', async ({ launch }) => {
  const { page } = await launch(copyExample('reference-example-1.gradsheet'))
  await page.getByRole('button', { name: 'Help' }).click()
  const menu = page.getByRole('menu', { name: 'Help' })
  await expect(menu.getByRole('menuitem')).toHaveText(['Formula reference', 'Keyboard shortcuts', 'Legend', 'Guided tour'])
  await menu.getByRole('menuitem', { name: 'Keyboard shortcuts' }).click()
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(shortcuts).toContainText('F6')
  await expect(shortcuts).toContainText('undo / redo')
  await shortcuts.getByRole('button', { name: 'Close keyboard shortcuts' }).click()
  await expect(shortcuts).toHaveCount(0)
})

test('a ∂ chip says in words what it means', async ({ launch }) => {
  const sheet = await launch(copyExample('reference-example-1.gradsheet'))
  await expect(sheet.cell('B1').locator('.cell-grad')).toHaveAttribute('title', '∂J/∂x = 216: raising x by 0.01 raises J by about 2.16.')
  await expect(sheet.cell('B3').locator('.cell-grad')).toHaveAttribute('title', '∂J/∂g = 18: raising g by 0.01 raises J by about 0.18.')
})

test('the guided tour builds the reference text’s first example in an empty sheet, to the end', async ({ launch }, info) => {
  const sheet = await launch(copyExample('linear-regression.gradsheet'))
  const { page } = sheet
  await page.getByRole('button', { name: 'Help' }).click()
  await page.getByRole('menuitem', { name: 'Guided tour' }).click()
  const tour = page.getByRole('dialog', { name: 'Guided tour' })
  await expect(tour.locator('[data-tour-step]')).toHaveText('Step 1 of 9')
  await tour.getByRole('button', { name: 'Start' }).click()
  // An empty sheet: the regression's data is gone, x = −3 is in.
  await sheet.expectValue('B1', -3)
  await expect(sheet.cell('C2')).not.toHaveAttribute('data-value', /.+/)
  await expect(tour.locator('[data-tour-title]')).toHaveText('An input: x = −3')
  const titles: string[] = []
  for (let step = 3; await tour.getByRole('button', { name: 'Next' }).count(); step++) {
    await tour.getByRole('button', { name: 'Next' }).click()
    // Read the title only once the step it belongs to is shown (a slow machine lags the click).
    await expect(tour.locator('[data-tour-step]')).toHaveText(`Step ${step} of 9`)
    titles.push((await tour.locator('[data-tour-title]').textContent()) ?? '')
  }
  expect(titles).toEqual(['Forward: h = x + 5', 'Forward: g = h³ + 1', 'Forward: f = g²', 'The objective: J = f', 'Backward: ∂J/∂f = 1, ∂J/∂g = 18', 'Backward: ∂J/∂h = 216', 'Backward: ∂J/∂x = 216'])
  await expect(tour.locator('[data-tour-step]')).toHaveText('Step 9 of 9')
  // The reference text's numbers (SPEC §8 example 1).
  await sheet.expectValue('B2', 2)
  await sheet.expectValue('B3', 9)
  await sheet.expectValue('B4', 81)
  await sheet.expectValue('B5', 81)
  await sheet.expectGrad('B3', 18)
  await sheet.expectGrad('B2', 216)
  await sheet.expectGrad('B1', 216)
  await expect(sheet.cell('B1')).toHaveAttribute('aria-selected', 'true')
  await expect(page.locator('[data-objective]')).toHaveAttribute('data-objective', /B5/)
  await page.screenshot({ path: info.outputPath('tour-end.png') })
  await tour.getByRole('button', { name: 'Finish' }).click()
  await expect(tour).toHaveCount(0)
  // Each step was an ordinary edit: one undo takes J away again.
  await sheet.undo()
  await expect(sheet.cell('B5')).not.toHaveAttribute('data-value', /.+/)
})

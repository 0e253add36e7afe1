// Training as a user does it: open the XOR example from the toolbar's Examples list,
// train with its stored settings, watch J fall in the grid and in the plot, undo the
// whole run in one step; and check the gradients against finite differences.
import { readFileSync } from 'node:fs'
import { copyExample, emptyWorkbook, writeText } from './support/files'
import { expect, test, type Sheet } from './support/fixtures'

async function openXor(sheet: Sheet): Promise<void> {
  await sheet.page.getByRole('combobox', { name: 'Examples' }).selectOption('xor-mlp')
  // J (J5) before training: the seed-7 start of the example.
  await expect(sheet.cell('J5')).toHaveAttribute('data-value', /^0\.70/)
}

const numberIn = async (sheet: Sheet, address: string): Promise<number> => Number(await sheet.cell(address).getAttribute('data-value'))

test('XOR: train, see J drop in the grid and the plot, undo the run', async ({ launch }) => {
  const sheet = await launch(emptyWorkbook())
  await openXor(sheet)
  const jBefore = await sheet.cell('J5').getAttribute('data-value')
  const weightsBefore = await sheet.cell('J1').getAttribute('data-value')

  await sheet.page.getByRole('button', { name: 'Train…' }).click()
  const panel = sheet.page.getByRole('region', { name: 'Training' })
  // The example's stored settings fill the form.
  await expect(panel.getByLabel('Method')).toHaveValue('adam')
  await expect(panel.getByLabel('Steps')).toHaveValue('300')
  await panel.getByRole('button', { name: 'Train', exact: true }).click()

  const status = panel.locator('.training-status')
  await expect(status).toHaveAttribute('data-running', 'false', { timeout: 60_000 })
  await expect(status).toContainText('Done: 300 steps')
  await expect(status).toHaveAttribute('data-step', '300')

  // J in the grid fell below 0.01, and the network computes XOR.
  expect(await numberIn(sheet, 'J5')).toBeLessThan(0.01)
  const p = await Promise.all(['F2', 'F3', 'F4', 'F5'].map((a) => numberIn(sheet, a)))
  expect(p.map(Math.round)).toEqual([0, 1, 1, 0])
  expect(await sheet.cell('J1').getAttribute('data-value')).not.toBe(weightsBefore)

  // The plot has J for step 0 … 300, falling from the start to the end.
  const plot = panel.getByRole('img', { name: 'J per training step' })
  await expect(plot).toHaveAttribute('data-points', '301')
  expect(Number(await plot.getAttribute('data-first-j'))).toBeCloseTo(Number(jBefore), 10)
  expect(Number(await plot.getAttribute('data-last-j'))).toBeLessThan(0.01)
  await expect(plot.locator('canvas')).toBeVisible()

  // One undo returns every parameter (and so J) to before the run.
  await sheet.page.getByRole('button', { name: 'Undo' }).click()
  await expect(sheet.cell('J5')).toHaveAttribute('data-value', jBefore!)
  await expect(sheet.cell('J1')).toHaveAttribute('data-value', weightsBefore!)
})

test('Stop ends a long run early, and it is still one undoable change', async ({ launch }) => {
  const sheet = await launch(emptyWorkbook())
  await openXor(sheet)
  const jBefore = await sheet.cell('J5').getAttribute('data-value')
  await sheet.page.getByRole('button', { name: 'Train…' }).click()
  const panel = sheet.page.getByRole('region', { name: 'Training' })
  await panel.getByLabel('Steps').fill('1000000')
  await panel.getByLabel('Steps').press('Tab')
  await panel.getByRole('button', { name: 'Train', exact: true }).click()
  const status = panel.locator('.training-status')
  // Progress arrives while it runs: the step count moves and J changes in the grid.
  await expect.poll(async () => Number(await status.getAttribute('data-step')), { timeout: 30_000 }).toBeGreaterThan(20)
  await expect(sheet.cell('J5')).not.toHaveAttribute('data-value', jBefore!)
  await panel.getByRole('button', { name: 'Stop' }).click()
  await expect(status).toHaveAttribute('data-running', 'false', { timeout: 30_000 })
  await expect(status).toContainText('Stopped after')
  await sheet.page.getByRole('button', { name: 'Undo' }).click()
  await expect(sheet.cell('J5')).toHaveAttribute('data-value', jBefore!)
})

test('gradient check: a table of reverse-pass and finite-difference gradients, none flagged', async ({ launch }) => {
  const sheet = await launch(emptyWorkbook())
  await openXor(sheet)
  await sheet.page.getByRole('button', { name: 'Train…' }).click()
  const panel = sheet.page.getByRole('region', { name: 'Training' })
  await panel.getByRole('button', { name: 'Gradient check' }).click()
  const table = panel.getByRole('table', { name: 'Gradient check' })
  // W_h 2×2, b_h 2, w_o 2, b_o 1: nine parameter elements.
  await expect(table.locator('tbody tr')).toHaveCount(9)
  await expect(table.locator('tr[data-flagged="true"]')).toHaveCount(0)
  await expect(panel.locator('.training-status')).toContainText('all 9 agree')
  // Any number cell can be checked on its own: the input x2 of the second row.
  await sheet.cell('B3').click()
  await panel.getByRole('button', { name: 'Check selected cell' }).click()
  await expect(table.locator('tbody tr')).toHaveCount(1)
  await expect(table.locator('tbody tr td').first()).toHaveText('B3')
  await expect(panel.locator('.training-status')).toContainText('all 1 agree')
})

test('CSV import: a bad file says where and places nothing; a good one is previewed, placed and undone in one step', async ({ launch }) => {
  const sheet = await launch(emptyWorkbook())
  await sheet.page.getByRole('button', { name: 'Data…' }).click()
  const panel = sheet.page.getByRole('region', { name: 'Data' })
  const file = panel.getByLabel('CSV file')
  await file.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('x,y\n1,2\n3\n') })
  await expect(panel.getByRole('alert')).toContainText('row 3 has 1 fields, but the header has 2')
  await expect(panel.getByRole('button', { name: /Place at/ })).toHaveCount(0)

  await file.setInputFiles({ name: 'data.csv', mimeType: 'text/csv', buffer: Buffer.from('x,y\n1,2.5\n-3,4e-1\n') })
  await expect(panel.getByRole('table', { name: 'CSV preview' }).locator('tbody tr')).toHaveCount(2)
  await sheet.cell('B2').click()
  await panel.getByRole('button', { name: 'Place at B2' }).click()
  await sheet.expectValue('C3', 2.5)
  await sheet.expectValue('B4', -3)
  await expect(sheet.cell('B2')).toContainText('x')
  await sheet.page.getByRole('button', { name: 'Undo' }).click()
  await expect(sheet.cell('C3')).not.toHaveAttribute('data-value', /.+/)
  await expect(sheet.cell('B2')).not.toContainText('x')
})

// Issue 13, item 5: training that keeps its settings, takes edits during a run, shows the
// status line in full, and plots J on a log scale with chosen parameters' trajectories.
test('training settings are stored in the workbook and survive save and reopen', async ({ launch }) => {
  const file = copyExample('reference-example-2.gradsheet')
  const sheet = await launch(file)
  await sheet.page.getByRole('button', { name: 'Train…' }).click()
  const panel = sheet.page.getByRole('region', { name: 'Training' })
  await panel.getByLabel('Method').selectOption('momentum')
  await panel.getByLabel('Learning rate').fill('0.003')
  await panel.getByLabel('Learning rate').press('Tab')
  await panel.getByLabel('Steps').fill('17')
  await panel.getByLabel('Steps').press('Tab')
  await panel.getByLabel('Seed').fill('42')
  await panel.getByLabel('Seed').press('Tab')
  await panel.getByRole('button', { name: 'Train', exact: true }).click()
  await expect(panel.locator('.training-status')).toContainText('Done: 17 steps')
  await sheet.page.keyboard.press('Control+s')
  await expect.poll(() => JSON.parse(readFileSync(file, 'utf8')).training).toEqual({ method: 'momentum', learningRate: 0.003, steps: 17, seed: 42 })
  await sheet.running.close()

  const again = await launch(file)
  await again.page.getByRole('button', { name: 'Train…' }).click()
  const reopened = again.page.getByRole('region', { name: 'Training' })
  await expect(reopened.getByLabel('Method')).toHaveValue('momentum')
  await expect(reopened.getByLabel('Learning rate')).toHaveValue('0.003')
  await expect(reopened.getByLabel('Steps')).toHaveValue('17')
  await expect(reopened.getByLabel('Seed')).toHaveValue('42')
})

test('a file with unusable training settings is refused in words, the open workbook kept', async ({ launch }) => {
  const bad = writeText('bad-training.gradsheet', JSON.stringify({ format: 'gradsheet', version: 1, objective: null, sheets: [{ name: 'Sheet1', cells: { A1: { input: '1' } } }], training: { method: 'sgd', steps: 0 } }))
  const sheet = await launch(copyExample('reference-example-1.gradsheet'))
  await sheet.page.getByRole('button', { name: /^Open/ }).click()
  const dialog = sheet.page.getByRole('dialog')
  await dialog.getByLabel('File path').fill(bad)
  await dialog.getByRole('button', { name: 'OK' }).click()
  await expect(sheet.page.getByRole('alert')).toContainText('"training.method" must be one of "gd", "momentum", "adam", found "sgd"')
  await expect(sheet.page.getByRole('alert')).toContainText('"training.steps" must be a whole number')
  await sheet.expectValue('B4', 81) // the open workbook is untouched
})

test('edits typed during a run apply at once; the status line is never clipped; log scale and trajectories', async ({ launch }, info) => {
  const sheet = await launch(copyExample('linear-regression.gradsheet'))
  const { page } = sheet
  await page.getByRole('button', { name: 'Train…' }).click()
  const panel = page.getByRole('region', { name: 'Training' })
  await panel.getByLabel('Method').selectOption('gd')
  await panel.getByLabel('Learning rate').fill('0.0001')
  await panel.getByLabel('Steps').fill('1000000')
  await panel.getByLabel('Steps').press('Tab')
  await panel.getByRole('button', { name: 'Train', exact: true }).click()
  const status = panel.locator('.training-status')
  await expect(status).toHaveAttribute('data-running', 'true')
  // Typed during the run: shown and computed while it goes on.
  await sheet.type('H5', '=2 * 21')
  await sheet.expectValue('H5', 42)
  await expect(status).toHaveAttribute('data-running', 'true')
  await sheet.type('B2', '-2.5') // a data cell the run reads
  await sheet.expectValue('B2', -2.5)
  await expect(status).toHaveAttribute('data-running', 'true')
  await panel.getByRole('button', { name: 'Stop' }).click()
  await expect(status).toHaveAttribute('data-running', 'false')
  await expect(status).toContainText('Stopped after')
  // The whole status line is inside the dock and on screen, not under a scrollbar.
  await expect(status).toBeInViewport({ ratio: 1 })
  const [s, p] = [await status.boundingBox(), await panel.boundingBox()]
  expect(s!.y + s!.height).toBeLessThanOrEqual(p!.y + p!.height + 0.5)
  const clipped = await status.evaluate((el) => {
    for (let a = el.parentElement; a; a = a.parentElement) {
      const r = a.getBoundingClientRect()
      const me = el.getBoundingClientRect()
      if (getComputedStyle(a).overflowY !== 'visible' && (me.bottom > r.bottom + 0.5 || me.top < r.top - 0.5)) return true
    }
    return false
  })
  expect(clipped).toBe(false)
  await sheet.expectValue('H5', 42)

  // Log scale, and w's and b's trajectories beside J.
  const plot = panel.getByRole('img', { name: 'J per training step' })
  await panel.getByLabel('Log scale').check()
  await expect(plot).toHaveAttribute('data-log', 'true')
  await panel.getByLabel('Show w').check()
  await panel.getByLabel('Show b').check()
  await expect(plot).toHaveAttribute('data-series', 'J,w,b')
  await page.screenshot({ path: info.outputPath('training-panel.png') })
})

test('a training run updating the selected cell never overwrites what is typed in the name box', async ({ launch }) => {
  const sheet = await launch(emptyWorkbook())
  await openXor(sheet)
  await sheet.page.getByRole('button', { name: 'Train…' }).click()
  const panel = sheet.page.getByRole('region', { name: 'Training' })
  await panel.getByLabel('Steps').fill('1000000')
  await panel.getByLabel('Steps').press('Tab')
  await sheet.cell('J5').click() // J: its value changes at every step
  await panel.getByRole('button', { name: 'Train', exact: true }).click()
  const status = panel.locator('.training-status')
  await expect(status).toHaveAttribute('data-running', 'true')
  await sheet.nameBox().click()
  await sheet.nameBox().fill('B2')
  // Several steps arrive while the text sits in the name box.
  const stepAtTyping = Number(await status.getAttribute('data-step'))
  await expect.poll(async () => Number(await status.getAttribute('data-step')), { timeout: 30_000 }).toBeGreaterThan(stepAtTyping + 5)
  await expect(sheet.nameBox()).toHaveValue('B2')
  await sheet.nameBox().press('Enter')
  await expect(sheet.cell('B2')).toHaveAttribute('aria-selected', 'true')
  await panel.getByRole('button', { name: 'Stop' }).click()
  await expect(status).toHaveAttribute('data-running', 'false', { timeout: 30_000 })
})

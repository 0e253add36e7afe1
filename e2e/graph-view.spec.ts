// Issue 4: the computational-graph view on the reference text's worked examples — nodes
// and edge labels, the chain-rule inspector's numbers, the step-through order, SVG/PNG
// export — and a 10k-cell workbook that gets a summary instead of a hang.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test, type Sheet } from './support/fixtures'
import { copyExample, tempDir, writeText } from './support/files'

const node = (page: Page, key: string) => page.locator(`[data-node="${key}"]`)
const edge = (page: Page, from: string, to: string) => page.locator(`[data-edge="${from}->${to}"]`)

async function openGraph(sheet: Sheet): Promise<void> {
  await sheet.page.getByRole('button', { name: 'Show graph' }).click()
  await expect(sheet.page.getByRole('img', { name: 'Computational graph' })).toBeVisible()
}

test('example 1: x → h → g → f → J left to right, local partials on the edges, the chain rule for h', async ({ launch }) => {
  const sheet = await launch(copyExample('reference-example-1.gradsheet'))
  const { page } = sheet
  await openGraph(sheet)
  for (const [address, label, value, grad] of [['B1', 'x', '-3', '216'], ['B2', 'h', '2', '216'], ['B3', 'g', '9', '18']] as const) {
    const n = node(page, `Sheet1!${address}`)
    await expect(n).toHaveAttribute('data-label', label)
    await expect(n).toHaveAttribute('data-value', value)
    await expect(n).toHaveAttribute('data-grad', grad)
  }
  await expect(edge(page, 'Sheet1!B2', 'Sheet1!B3')).toHaveAttribute('data-partial', '12')
  await expect(edge(page, 'Sheet1!B2', 'Sheet1!B3')).toContainText('12')
  await expect(edge(page, 'Sheet1!B1', 'Sheet1!B2')).toHaveAttribute('data-partial', '1')
  // Laid out left to right: each node of the chain sits right of the one it reads.
  const xs = []
  for (const a of ['B1', 'B2', 'B3']) xs.push((await node(page, `Sheet1!${a}`).boundingBox())!.x)
  expect(xs[0]).toBeLessThan(xs[1])
  expect(xs[1]).toBeLessThan(xs[2])

  // Clicking h selects it in the grid too, and the inspector writes its chain rule.
  await node(page, 'Sheet1!B2').click()
  await expect(sheet.cell('B2')).toHaveAttribute('aria-selected', 'true')
  await expect(page.locator('[data-chain]')).toHaveText('∂J/∂h = ∂J/∂g · ∂g/∂h = 18 × 12 = 216')
  // And the grid's selection drives the graph.
  await sheet.cell('B3').click()
  await expect(node(page, 'Sheet1!B3')).toHaveAttribute('data-selected', 'true')
  await expect(page.locator('[data-chain]')).toHaveText('∂J/∂g = ∂J/∂f · ∂f/∂g = 1 × 18 = 18')
  // A term is a link to the cell that uses g.
  await page.locator('[data-term="Sheet1!B4"] [data-link]').click()
  await expect(sheet.cell('B4')).toHaveAttribute('aria-selected', 'true')
})

test('example 2: the regression graph, its chain rule, the step order, and SVG/PNG export', async ({ launch }) => {
  const sheet = await launch(copyExample('reference-example-2.gradsheet'))
  const { page } = sheet
  await openGraph(sheet)
  await expect(page.getByRole('img', { name: 'Computational graph' })).toHaveAttribute('data-layout', 'elk')
  await expect(page.locator('[data-node]')).toHaveCount(8) // x y w b c f d J; the labels in column A are not graph nodes
  await expect(edge(page, 'Sheet1!B3', 'Sheet1!B5')).toHaveAttribute('data-partial', '-3') // ∂c/∂w = x
  await expect(edge(page, 'Sheet1!B7', 'Sheet1!B8')).toHaveAttribute('data-partial', '-13') // ∂J/∂d = d
  await node(page, 'Sheet1!B3').click()
  await expect(page.locator('[data-chain]')).toHaveText('∂J/∂w = ∂J/∂c · ∂c/∂w = (-13) × (-3) = 39')

  // Step-through: forward in evaluation order, then backward from J to the inputs.
  const player = page.getByRole('region', { name: 'Step-through' })
  await player.getByRole('button', { name: 'Reset' }).click()
  await expect(node(page, 'Sheet1!B8').locator('[data-role="value"]')).toHaveText('?')
  const texts: string[] = []
  for (let i = 0; i < 15; i++) {
    await player.getByRole('button', { name: 'Step' }).click()
    texts.push((await page.locator('[data-current-step]').textContent()) ?? '')
  }
  expect(texts).toEqual([
    'Forward: x = -3', 'Forward: y = 5', 'Forward: w = 3', 'Forward: b = 1',
    'Forward: c = w * x = -9', 'Forward: f = c + b = -8', 'Forward: d = f - y = -13', 'Forward: J = d^2 / 2 = 84.5',
    'Backward: ∂J/∂J = 1 (the objective)',
    'Backward: ∂J/∂d = ∂J/∂J · ∂J/∂d = 1 × (-13) = -13',
    'Backward: ∂J/∂f = ∂J/∂d · ∂d/∂f = (-13) × 1 = -13',
    'Backward: ∂J/∂c = ∂J/∂f · ∂f/∂c = (-13) × 1 = -13',
    'Backward: ∂J/∂b = ∂J/∂f · ∂f/∂b = (-13) × 1 = -13',
    'Backward: ∂J/∂w = ∂J/∂c · ∂c/∂w = (-13) × (-3) = 39',
    'Backward: ∂J/∂y = ∂J/∂d · ∂d/∂y = (-13) × (-1) = 13',
  ])
  await expect(node(page, 'Sheet1!B2')).toHaveAttribute('data-current', 'true')
  await expect(node(page, 'Sheet1!B1').locator('[data-role="grad"]')).toHaveText('∂ ?') // x's gradient comes last
  await player.getByRole('button', { name: 'Back' }).click()
  await expect(node(page, 'Sheet1!B3')).toHaveAttribute('data-current', 'true')
  await player.getByRole('button', { name: 'Show all' }).click()

  // Export: the web build asks for a path on the server machine.
  const dir = tempDir()
  for (const [button, file] of [['Export SVG', 'graph.svg'], ['Export PNG', 'graph.png']] as const) {
    await page.getByRole('button', { name: button }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('File path').fill(join(dir, file))
    await dialog.getByRole('button', { name: 'OK' }).click()
    await expect(page.locator('[data-export-status]')).toHaveText(`Exported ${file}`)
  }
  const svg = readFileSync(join(dir, 'graph.svg'), 'utf8')
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml')
    return { root: doc.documentElement.nodeName, errors: doc.getElementsByTagName('parsererror').length, nodes: doc.querySelectorAll('[data-node]').length }
  }, svg)
  expect(parsed).toEqual({ root: 'svg', errors: 0, nodes: 8 })
  expect(svg).toContain('∂ 39')
  const png = readFileSync(join(dir, 'graph.png'))
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  expect(png.length).toBeGreaterThan(1000)
})

test('live: an edit redraws the graph, and a convention gets its badge in the grid and a note', async ({ launch }) => {
  const sheet = await launch(copyExample('reference-example-1.gradsheet'))
  const { page } = sheet
  await openGraph(sheet)
  await sheet.type('B1', '-1')
  await expect(node(page, 'Sheet1!B2')).toHaveAttribute('data-value', '4')
  await expect(edge(page, 'Sheet1!B2', 'Sheet1!B3')).toHaveAttribute('data-partial', '48') // 3h² at h = 4
  await sheet.type('C1', '=abs(B1 + 1)')
  await expect(node(page, 'Sheet1!C1')).toBeVisible()
  await expect(sheet.cell('C1').locator('[data-convention-badge]')).toBeVisible()
  await sheet.cell('C1').click()
  await expect(page.locator('[data-note]')).toHaveText('abs at 0: its derivative is taken as 0 there')
  // An error cell shows the path back to its cause.
  await sheet.type('D1', '=1/(B1 + 1)')
  await sheet.type('D2', '=D1 * 2')
  await sheet.cell('D2').click()
  await expect(page.locator('[data-error-path]')).toHaveText('D2 ← D1')
})

test('convention badges follow the window: a cell far down gets its badge when scrolled to', async ({ launch }) => {
  // The worker is asked for the badges of the window (plus a margin) only, not the whole workbook.
  const cells: Record<string, { input: string }> = { A1: { input: '0' }, B1: { input: '=abs(A1)' } }
  for (let r = 2; r <= 600; r++) cells[`B${r}`] = { input: r % 100 === 0 ? '=abs(A1)' : `=A1 + ${r}` }
  const file = writeText('far.gradsheet', JSON.stringify({ format: 'gradsheet', version: 1, objective: null, sheets: [{ name: 'Sheet1', cells }] }))
  const sheet = await launch(file)
  const { page } = sheet
  await expect(sheet.cell('B1').locator('[data-convention-badge]')).toBeVisible()
  await expect(sheet.cell('B2').locator('[data-convention-badge]')).toHaveCount(0)
  await page.getByLabel('Name box').fill('B500')
  await page.getByLabel('Name box').press('Enter')
  await expect(sheet.cell('B500').locator('[data-convention-badge]')).toBeVisible()
  await expect(sheet.cell('B499').locator('[data-convention-badge]')).toHaveCount(0)
  // An edit that moves the point off the kink takes the badge away on screen.
  await page.getByLabel('Name box').fill('A1')
  await page.getByLabel('Name box').press('Enter')
  await sheet.type('A1', '2')
  await expect(sheet.cell('B1').locator('[data-convention-badge]')).toHaveCount(0)
})

test('a 10k-cell workbook: a summary and the neighbourhood instead of a hang', async ({ launch }) => {
  const cells: Record<string, { input: string; name?: string }> = { A1: { input: '1' } }
  for (let r = 2; r <= 10_000; r++) cells[`A${r}`] = { input: `=A${r - 1} * 0.5 + 1` }
  cells['B1'] = { input: '=A10000', name: 'J' }
  const file = writeText('big.gradsheet', JSON.stringify({ format: 'gradsheet', version: 1, objective: null, sheets: [{ name: 'Sheet1', cells }] }))
  const sheet = await launch(file)
  const { page } = sheet
  await sheet.cell('A1').click()
  await openGraph(sheet)
  await expect(page.locator('[data-graph-summary]')).toContainText('10,001 nodes')
  await expect(page.locator('[data-node]')).toHaveCount(3) // A1 and two steps down: A2, A3
  // The window still answers: select another cell, the neighbourhood follows.
  await sheet.goTo('A500')
  await expect(node(page, 'Sheet1!A500')).toHaveAttribute('data-selected', 'true')
  await expect(page.locator('[data-node]')).toHaveCount(5)
  // An edit refreshes the summary, though Enter moves the selection right after it (a move
  // alone asks only for the neighbourhood again).
  await sheet.goTo('C1')
  await page.keyboard.type('5')
  await page.keyboard.press('Enter')
  await expect(page.locator('[data-graph-summary]')).toContainText('10,002 nodes')
  await expect(sheet.nameBox()).toHaveValue('C2')
  await sheet.goTo('A500')
  await page.getByRole('combobox', { name: 'Graph scope' }).selectOption('neighbourhood')
  await expect(page.locator('[data-graph-summary]')).toHaveCount(0)
  await expect(page.locator('[data-node]')).toHaveCount(5)
})

test('a 200-node graph is drawn at once with the linear layered layout', async ({ launch }) => {
  const cells: Record<string, { input: string; name?: string }> = { A1: { input: '1' } }
  for (let r = 2; r <= 200; r++) cells[`A${r}`] = { input: r % 2 ? `=A${r - 1} + A${r - 2}` : `=A${r - 1} * 0.5` }
  cells['A200'].name = 'J'
  const sheet = await launch(writeText('medium.gradsheet', JSON.stringify({ format: 'gradsheet', version: 1, objective: null, sheets: [{ name: 'Sheet1', cells }] })))
  const { page } = sheet
  await openGraph(sheet)
  await expect(page.getByRole('img', { name: 'Computational graph' })).toHaveAttribute('data-layout', 'layered')
  await expect(page.locator('[data-node]')).toHaveCount(200)
  await expect(edge(page, 'Sheet1!A1', 'Sheet1!A2')).toHaveAttribute('data-partial', '0.5')
  // Too big to fit at a legible size: selecting a cell pans its node into view, where it can be clicked.
  await sheet.goTo('A100')
  await expect(node(page, 'Sheet1!A100')).toHaveAttribute('data-selected', 'true')
  await sheet.goTo('A99')
  await expect(sheet.cell('A100')).toHaveAttribute('aria-selected', 'false')
  await node(page, 'Sheet1!A100').click()
  await expect(sheet.cell('A100')).toHaveAttribute('aria-selected', 'true')
})

test('the step-through reveals each partial only at the step that computes it, with the log in sync', async ({ launch }, info) => {
  const sheet = await launch(copyExample('reference-example-2.gradsheet'))
  const { page } = sheet
  await openGraph(sheet)
  const player = page.getByRole('region', { name: 'Step-through' })
  const partialText = (from: string, to: string) => edge(page, `Sheet1!${from}`, `Sheet1!${to}`).locator('[data-role="partial"]')
  const step = async () => {
    await player.getByRole('button', { name: 'Step' }).click()
    // The log's current line is the step being shown, never the one before.
    const now = ((await page.locator('[data-current-step]').textContent()) ?? '').replace(/^(Forward|Backward): /, '')
    await expect(page.locator('[aria-current="step"]')).toHaveText(now)
    await expect(page.locator('[aria-current="step"]')).toBeInViewport()
  }
  await player.getByRole('button', { name: 'Reset' }).click()
  // Nothing computed yet: every partial is hidden.
  await expect(page.locator('[data-edge][data-revealed="false"]')).toHaveCount(7)
  await expect(partialText('B7', 'B8')).toHaveText('?')
  // The forward pass computes values only.
  for (let i = 0; i < 8; i++) await step()
  await expect(node(page, 'Sheet1!B8').locator('[data-role="value"]')).toHaveText('84.5')
  await expect(page.locator('[data-edge][data-revealed="true"]')).toHaveCount(0)
  await expect(node(page, 'Sheet1!B7').locator('[data-role="grad"]')).toHaveText('∂ ?')
  // Backward at J: J's backward rule computes ∂J/∂d = d = -13; d's adjoint is not known yet.
  await step()
  await expect(partialText('B7', 'B8')).toHaveText('-13')
  await expect(partialText('B6', 'B7')).toHaveText('?')
  await expect(node(page, 'Sheet1!B7').locator('[data-role="grad"]')).toHaveText('∂ ?')
  // Backward at d: its adjoint, the chain-rule product, and d's own partials now.
  await step()
  await expect(page.locator('[data-current-step]')).toHaveText('Backward: ∂J/∂d = ∂J/∂J · ∂J/∂d = 1 × (-13) = -13')
  await expect(page.locator('[data-step-partials]')).toHaveText('Local partials computed at this step: ∂d/∂f = 1, ∂d/∂y = -1')
  await expect(node(page, 'Sheet1!B7').locator('[data-role="grad"]')).toHaveText('∂ -13')
  await expect(partialText('B6', 'B7')).toHaveText('1')
  await expect(partialText('B3', 'B5')).toHaveText('?') // ∂c/∂w waits for c's step
  await page.screenshot({ path: info.outputPath('step-backward-d.png') })
  // Back hides them again.
  await player.getByRole('button', { name: 'Back' }).click()
  await expect(partialText('B6', 'B7')).toHaveText('?')
  // Play at the fast speed runs to the end; then every partial is shown.
  await player.getByRole('combobox', { name: 'Step-through speed' }).selectOption('fast')
  await player.getByRole('button', { name: 'Play' }).click()
  await expect(page.locator('[data-step-position]')).toHaveText('16 / 16')
  await expect(page.locator('[data-edge][data-revealed="false"]')).toHaveCount(0)
  await expect(page.locator('[aria-current="step"]')).toHaveText('∂J/∂x = ∂J/∂c · ∂c/∂x = (-13) × 3 = -39')
})

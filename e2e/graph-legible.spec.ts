// Issue 13, item 1–2: the graph stays legible at any size. Node text is never smaller
// than 11 px at Fit (font size × the screen transform, read from the drawn SVG), rows
// filled from one formula are one stacked node (expandable), the panel sits beside the
// grid and never covers the selected cell, and the graph can be walked with the keyboard.
import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures'
import { copyExample, writeText } from './support/files'

const node = (page: Page, key: string) => page.locator(`[data-node="${key}"]`)

async function openGraph(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Show graph' }).click()
  await expect(page.getByRole('img', { name: 'Computational graph' })).toBeVisible()
  await expect(page.locator('[data-node]').first()).toBeVisible()
}

/** The smallest on-screen text size of every node and edge label, in px. */
async function smallestTextPx(page: Page): Promise<number> {
  return page.evaluate(() => {
    let least = Infinity
    for (const t of document.querySelectorAll<SVGTextElement>('svg[aria-label="Computational graph"] text')) {
      const size = parseFloat(getComputedStyle(t).fontSize)
      const ctm = t.getScreenCTM()
      if (!ctm || !t.textContent) continue
      least = Math.min(least, size * Math.hypot(ctm.a, ctm.b))
    }
    return least
  })
}

/** A regression over m filled rows: x, y data; f = w*x + b; d = f - y; loss = d^2/2; J = AVERAGE(loss). */
export function regressionFile(m: number): string {
  const cells: Record<string, { input: string; name?: string; param?: boolean }> = {
    A1: { input: 'x' }, B1: { input: 'y' }, C1: { input: 'f' }, D1: { input: 'd' }, E1: { input: 'loss' },
    G1: { input: '3', name: 'w', param: true }, G2: { input: '1', name: 'b', param: true },
    G3: { input: `=AVERAGE(E2:E${m + 1})`, name: 'J' },
  }
  for (let r = 2; r <= m + 1; r++) {
    const x = (r - 2) / 10
    cells[`A${r}`] = { input: String(x) }
    cells[`B${r}`] = { input: String(Math.round((2 * x + 1 + ((r % 5) - 2) / 10) * 100) / 100) }
    cells[`C${r}`] = { input: `=w * A${r} + b` }
    cells[`D${r}`] = { input: `=C${r} - B${r}` }
    cells[`E${r}`] = { input: `=D${r}^2 / 2` }
  }
  return writeText(`regression-${m}.gradsheet`, JSON.stringify({ format: 'gradsheet', version: 1, objective: 'J', sheets: [{ name: 'Sheet1', cells }] }))
}

test('linear-regression example: text ≥ 11 px at Fit, filled rows stacked', async ({ launch }, info) => {
  const { page } = await launch(copyExample('linear-regression.gradsheet'))
  await openGraph(page)
  await page.getByRole('button', { name: 'Fit graph' }).click()
  const f = node(page, 'Sheet1!C2:C9')
  await expect(f).toHaveAttribute('data-kind', 'stack')
  await expect(f).toHaveAttribute('data-count', '8')
  await expect(f.locator('[data-role="count"]')).toHaveText('×8')
  expect(await smallestTextPx(page)).toBeGreaterThanOrEqual(11)
  await page.screenshot({ path: info.outputPath('linear-regression-fit.png') })
})

test('a 50-row filled regression reads x, y → f → d → loss → J with w and b; a stack expands on click', async ({ launch }, info) => {
  const { page } = await launch(regressionFile(50))
  await openGraph(page)
  await page.getByRole('button', { name: 'Fit graph' }).click()
  await expect(page.locator('[data-node]')).toHaveCount(8)
  const labels = await page.locator('[data-node]').evaluateAll((els) => els.map((e) => e.getAttribute('data-label')).sort())
  expect(labels).toEqual(['J', 'b', 'd', 'f', 'loss', 'w', 'x', 'y'])
  for (const [key, label] of [['Sheet1!A2:A51', 'x'], ['Sheet1!C2:C51', 'f'], ['Sheet1!E2:E51', 'loss']]) {
    await expect(node(page, key)).toHaveAttribute('data-count', '50')
    await expect(node(page, key)).toHaveAttribute('data-label', label)
  }
  // Stacked edges carry the 50 cell edges they stand for; loss feeds J directly.
  await expect(page.locator('[data-edge="Sheet1!A2:A51->Sheet1!C2:C51"]')).toHaveAttribute('data-count', '50')
  await expect(page.locator('[data-edge="Sheet1!E2:E51->Sheet1!G3"]')).toHaveCount(1)
  expect(await smallestTextPx(page)).toBeGreaterThanOrEqual(11)
  // Zooming out stops at the size where text is still 11 px.
  await expect(page.getByRole('button', { name: 'Zoom graph out' })).toBeDisabled()
  await page.screenshot({ path: info.outputPath('regression-50-fit.png') })

  // Docked below on a 1920 × 1080 screen, the graph has the window's width: at Fit the
  // whole picture is on screen, text still ≥ 11 px (at 1280 px wide it pans instead).
  await page.setViewportSize({ width: 1920, height: 1080 })
  await page.getByRole('button', { name: 'Dock below' }).click()
  await expect(page.getByRole('complementary', { name: 'Computational graph view' })).toHaveAttribute('data-dock', 'bottom')
  await page.getByRole('button', { name: 'Fit graph' }).click()
  const frame = (await page.getByRole('img', { name: 'Computational graph' }).boundingBox())!
  for (const box of await page.locator('[data-node]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))) {
    expect(box.left).toBeGreaterThanOrEqual(frame.x - 0.5)
    expect(box.right).toBeLessThanOrEqual(frame.x + frame.width + 0.5)
    expect(box.top).toBeGreaterThanOrEqual(frame.y - 0.5)
    expect(box.bottom).toBeLessThanOrEqual(frame.y + frame.height + 0.5)
  }
  expect(await smallestTextPx(page)).toBeGreaterThanOrEqual(11)
  await page.screenshot({ path: info.outputPath('regression-50-docked-below.png') })
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.getByRole('button', { name: 'Dock right' }).click()
  await expect(page.getByRole('complementary', { name: 'Computational graph view' })).toHaveAttribute('data-dock', 'right')
  await page.getByRole('button', { name: 'Fit graph' }).click()

  // Click the f stack: its 50 rows are drawn one by one; Collapse stacks folds them again.
  await node(page, 'Sheet1!C2:C51').click()
  await expect(page.getByRole('textbox', { name: 'Formula bar' })).toHaveValue('=w * A2 + b')
  await expect(node(page, 'Sheet1!C2')).toBeVisible()
  await expect(page.locator('[data-node]')).toHaveCount(8 - 1 + 50)
  expect(await smallestTextPx(page)).toBeGreaterThanOrEqual(11)
  await page.getByRole('button', { name: 'Collapse stacks' }).click()
  await expect(page.locator('[data-node]')).toHaveCount(8)
})

test('the graph panel docks beside the grid and never covers the selected cell', async ({ launch }, info) => {
  const sheet = await launch(regressionFile(50))
  const { page } = sheet
  await openGraph(page)
  const panel = page.getByRole('complementary', { name: 'Computational graph view' })
  await sheet.cell('A2').click()
  const overlaps = async () => {
    const cell = await page.locator('[aria-selected="true"][data-cell]').first().boundingBox()
    const box = await panel.boundingBox()
    expect(cell && box).toBeTruthy()
    return cell!.x + cell!.width > box!.x + 1
  }
  // Walk right across the sheet and down the rows: the grid scrolls the cell into its own pane.
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('ArrowRight')
    expect(await overlaps()).toBe(false)
  }
  for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowDown')
  expect(await overlaps()).toBe(false)
  // The split is resizable: dragging the handle left widens the panel, and the rule still holds.
  const handle = page.getByRole('separator', { name: 'Resize the graph panel' })
  const before = (await panel.boundingBox())!.width
  const h = (await handle.boundingBox())!
  await page.mouse.move(h.x + 3, h.y + 100)
  await page.mouse.down()
  await page.mouse.move(h.x - 150, h.y + 100, { steps: 5 })
  await page.mouse.up()
  expect((await panel.boundingBox())!.width).toBeGreaterThan(before + 100)
  await page.keyboard.press('ArrowRight')
  expect(await overlaps()).toBe(false)
  // Selecting a node selects its cell, scrolled into view in the grid pane.
  await node(page, 'Sheet1!G1').click()
  await expect(sheet.cell('G1')).toHaveAttribute('aria-selected', 'true')
  expect(await overlaps()).toBe(false)
  await page.screenshot({ path: info.outputPath('split.png') })
  // Docked below: the panel sits under the grid, and walking down never hides the cell under it.
  await page.getByRole('button', { name: 'Dock below' }).click()
  await sheet.cell('G1').click()
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('ArrowDown')
    const cell = (await page.locator('[aria-selected="true"][data-cell]').first().boundingBox())!
    expect(cell.y + cell.height).toBeLessThanOrEqual((await panel.boundingBox())!.y + 1)
  }
})

test('a full keyboard walk: F6 into the graph, arrows visit every node, Enter opens the inspector', async ({ launch }) => {
  const sheet = await launch(copyExample('reference-example-2.gradsheet'))
  const { page } = sheet
  await openGraph(page)
  await sheet.cell('B1').click() // x
  await expect(node(page, 'Sheet1!B1')).toHaveAttribute('data-selected', 'true')
  // Shift+F6 moves the focus from the grid back to the last region, the open graph (formula-ui: F6 cycles
  // grid → formula bar → name box → toolbar → open panels; Tab stays the grid's: commit and move right).
  await page.keyboard.press('Shift+F6')
  const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-node') ?? null)
  expect(focused).toBe('Sheet1!B1')
  const visited = new Set<string>([focused!])
  const current = () => page.evaluate(() => document.activeElement?.getAttribute('data-node') ?? null)
  // x → c → f → d → J along the arrows, each step selecting its cell in the grid.
  for (const [key, address] of [['Sheet1!B5', 'B5'], ['Sheet1!B6', 'B6'], ['Sheet1!B7', 'B7'], ['Sheet1!B8', 'B8']]) {
    await page.keyboard.press('ArrowRight')
    expect(await current()).toBe(key)
    await expect(sheet.cell(address)).toHaveAttribute('aria-selected', 'true')
    visited.add(key)
  }
  // Back to the inputs and through every layer up and down.
  for (const k of ['ArrowLeft', 'ArrowLeft', 'ArrowUp', 'ArrowDown', 'ArrowDown', 'ArrowLeft', 'ArrowLeft', 'ArrowUp', 'ArrowUp', 'ArrowUp', 'ArrowDown', 'ArrowDown', 'ArrowDown']) {
    await page.keyboard.press(k)
    visited.add((await current())!)
  }
  expect([...visited].sort()).toEqual(['Sheet1!B1', 'Sheet1!B2', 'Sheet1!B3', 'Sheet1!B4', 'Sheet1!B5', 'Sheet1!B6', 'Sheet1!B7', 'Sheet1!B8'])
  // Enter on w opens the inspector with w's chain rule.
  await node(page, 'Sheet1!B3').focus()
  await page.keyboard.press('Enter')
  const inspector = page.getByRole('region', { name: 'Chain-rule inspector' })
  await expect(inspector).toBeFocused()
  await expect(page.locator('[data-chain]')).toHaveText('∂J/∂w = ∂J/∂c · ∂c/∂w = (-13) × (-3) = 39')
  // F6 again: back to the grid, on the same cell.
  await page.locator('[data-node="Sheet1!B3"]').focus()
  await page.keyboard.press('F6')
  await expect(page.locator('#grid')).toBeFocused()
  await expect(sheet.cell('B3')).toHaveAttribute('aria-selected', 'true')
})

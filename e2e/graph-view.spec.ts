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

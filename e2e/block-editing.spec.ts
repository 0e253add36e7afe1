// Editing blocks the way an Excel or Google Sheets user does: select by dragging and by
// keyboard, copy and paste with references that shift, fill a formula down 50 rows,
// insert and delete rows above referenced cells, resize a column and find it again after
// reopening, paste a tab-separated block from the clipboard, the context menu.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test, type Sheet } from './support/fixtures'
import { emptyWorkbook, tempDir, writeText } from './support/files'

function workbook(cells: Record<string, string | { input: string; name?: string }>, objective: string | null = null): string {
  const entries = Object.fromEntries(Object.entries(cells).map(([a, c]) => [a, typeof c === 'string' ? { input: c } : c]))
  return JSON.stringify({ format: 'gradsheet', version: 1, objective, sheets: [{ name: 'Sheet1', cells: entries }] })
}

async function center(page: Page, sheet: Sheet, address: string): Promise<{ x: number; y: number }> {
  const box = (await sheet.cell(address).boundingBox())!
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
}

async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 3 })
  await page.mouse.move(to.x, to.y, { steps: 3 })
  await page.mouse.up()
}

async function selectedAddresses(sheet: Sheet): Promise<string[]> {
  return sheet.page.locator('[role="gridcell"][aria-selected="true"]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.cell!).sort())
}

test('a block is selected by dragging and by Shift+arrows; the name box and status bar follow', async ({ launch }) => {
  const sheet = await launch(writeText('block.gradsheet', workbook({ A1: '1', A2: '2', B1: '3', B2: '=A1+A2', B3: '=B2^2' }, 'B3')))
  const page = sheet.page
  await drag(page, await center(page, sheet, 'A1'), await center(page, sheet, 'B2'))
  expect(await selectedAddresses(sheet)).toEqual(['A1', 'A2', 'B1', 'B2'])
  await expect(sheet.nameBox()).toHaveValue('A1:B2')
  // Sum 1+2+3+3 = 9; B3 = (A1+A2)^2, so ∂J/∂A1 = ∂J/∂A2 = ∂J/∂B2 = 2·3 = 6, B1 has 0: Σ = 18.
  const stats = page.locator('[data-selection-stats]')
  await expect(stats).toHaveAttribute('data-sum', '9')
  await expect(stats).toHaveAttribute('data-count', '4')
  await expect(stats).toHaveAttribute('data-grad-sum', '18')
  await expect(stats).toHaveAttribute('data-grad-max', '6')

  await sheet.cell('D1').click()
  await page.keyboard.press('Shift+ArrowDown')
  await page.keyboard.press('Shift+ArrowDown')
  await page.keyboard.press('Shift+ArrowRight')
  await expect(sheet.nameBox()).toHaveValue('D1:E3')
  expect(await selectedAddresses(sheet)).toEqual(['D1', 'D2', 'D3', 'E1', 'E2', 'E3'])
  // The active cell stays where the selection started; typing edits it.
  await expect(sheet.cell('D1')).toHaveClass(/active/)

  // Ctrl+Shift+Down from A1 runs to the end of the data; a typed range selects it.
  await sheet.cell('A1').click()
  await page.keyboard.press('Control+Shift+ArrowDown')
  await expect(sheet.nameBox()).toHaveValue('A1:A2')
  await sheet.cell('A1').click()
  await page.keyboard.press('Control+Shift+End')
  await expect(sheet.nameBox()).toHaveValue('A1:B3')
  await sheet.goTo('b1:c3')
  await expect(sheet.nameBox()).toHaveValue('B1:C3')
  expect((await selectedAddresses(sheet)).length).toBe(6)
  // Shift+click extends from the active cell; a column header selects the column.
  await sheet.cell('A1').click()
  await sheet.cell('C2').click({ modifiers: ['Shift'] })
  await expect(sheet.nameBox()).toHaveValue('A1:C2')
  await page.locator('[data-col-header="1"]').click()
  await expect(sheet.nameBox()).toHaveValue('B:B')
  await expect(sheet.cell('B3')).toHaveAttribute('aria-selected', 'true')
  // A whole column does not stretch the scrollbar to a million rows.
  expect(await page.locator('.grid-inner').evaluate((e) => (e as HTMLElement).offsetHeight)).toBeLessThan(200 * 40)
})

test('Tab, Tab, Enter returns to the column where the Tab run started', async ({ launch }) => {
  const sheet = await launch(emptyWorkbook())
  const page = sheet.page
  await sheet.cell('A5').click()
  await page.keyboard.type('1')
  await page.keyboard.press('Tab')
  await page.keyboard.type('2')
  await page.keyboard.press('Tab')
  await page.keyboard.type('3')
  await page.keyboard.press('Enter')
  await expect(sheet.nameBox()).toHaveValue('A6')
  await sheet.expectValue('C5', 3)
})

test('Ctrl+End goes to the last used cell; the scrollbar spans the used range, not a million rows', async ({ launch }) => {
  const sheet = await launch(writeText('end.gradsheet', workbook({ A1: '1', C40: '2', B7: 'x' })))
  const page = sheet.page
  await page.keyboard.press('Control+End')
  await expect(sheet.nameBox()).toHaveValue('C40')
  const height = await page.locator('.grid-inner').evaluate((e) => (e as HTMLElement).offsetHeight)
  expect(height).toBeLessThan(400 * 40)
  // Going far down grows the scroll space as you go.
  await sheet.goTo('A5000')
  await expect.poll(() => page.locator('.grid-inner').evaluate((e) => (e as HTMLElement).offsetHeight)).toBeGreaterThan(5000 * 40)
  await expect(sheet.cell('A5000')).toBeVisible()
  // Ctrl+Shift+Down over an empty column still reaches (and shows) the last row.
  await sheet.goTo('H3')
  await page.keyboard.press('Control+Shift+ArrowDown')
  await expect(sheet.cell('H1048576')).toBeVisible()
  await expect(sheet.nameBox()).toHaveValue('H3:H1048576')
  await page.keyboard.press('Control+Home')
  await expect(sheet.nameBox()).toHaveValue('A1')
  // Inserting with the whole sheet selected would mean a million rows: refused in words.
  await page.keyboard.press('Control+a')
  await page.keyboard.press('Control+Alt+=')
  await expect(page.getByRole('alert')).toContainText('not the whole sheet')
  await sheet.goTo('C40')
  await sheet.expectValue('C40', 2)
})

test('the context menu opens from the mouse and the keyboard; Explain this cell opens the inspector', async ({ launch }) => {
  const sheet = await launch(writeText('menu.gradsheet', workbook({ A1: { input: '-3', name: 'x' }, A2: { input: '=(x+5)^2', name: 'J' } })))
  const page = sheet.page
  await sheet.cell('A1').click({ button: 'right' })
  const menu = page.getByRole('menu')
  await expect(menu).toBeVisible()
  for (const item of ['Cut', 'Copy', 'Paste', 'Paste values', 'Clear', 'Name the cell…', 'Mark as parameter', 'Set as objective', 'Explain this cell']) {
    await expect(menu.getByRole('menuitem', { name: item, exact: false }).first()).toBeVisible()
  }
  await page.keyboard.press('Escape')
  await expect(menu).toBeHidden()
  // Shift+F10 opens it on the active cell; arrows and Enter choose.
  await sheet.cell('A2').click()
  await page.keyboard.press('Shift+F10')
  await expect(menu).toBeVisible()
  await expect(menu.getByRole('menuitem', { name: 'Cut' })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(menu.getByRole('menuitem', { name: 'Copy' })).toBeFocused()
  // A first letter jumps to the item; Enter runs it.
  await page.keyboard.press('e')
  await expect(menu.getByRole('menuitem', { name: 'Explain this cell' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(menu).toBeHidden()
  await expect(page.getByText('∂J/∂', { exact: false }).first()).toBeVisible()
  await expect(page.locator('.graph-panel, [aria-label*="graph" i]').first()).toBeVisible()
  // Mark as parameter through the menu.
  await sheet.cell('A1').click({ button: 'right' })
  await menu.getByRole('menuitem', { name: 'Mark as parameter' }).click()
  await expect(sheet.cell('A1')).toHaveClass(/param/)
})

test('copy and paste shift relative references; values and gradients follow', async ({ launch }) => {
  const sheet = await launch(writeText('copy.gradsheet', workbook({ A1: '3', B1: '=A1*2', C5: '4', F1: '=D5^2' }, 'F1')))
  const page = sheet.page
  await sheet.cell('B1').click()
  await page.keyboard.press('Control+c')
  await sheet.cell('D5').click()
  await page.keyboard.press('Control+v')
  await expect(sheet.formulaBar()).toHaveValue('=C5*2')
  await sheet.expectValue('D5', 8)
  await sheet.expectValue('F1', 64)
  await sheet.expectGrad('D5', 16)
  await sheet.expectGrad('C5', 32)
  // The original is untouched.
  await sheet.cell('B1').click()
  await expect(sheet.formulaBar()).toHaveValue('=A1*2')
  // One undo step removes the paste.
  await sheet.undo()
  await expect(sheet.cell('D5')).not.toHaveAttribute('data-value', /.+/)
})

test('a block pasted into a larger selection tiles it; Delete clears the whole selection in one step', async ({ launch }) => {
  const sheet = await launch(writeText('tile.gradsheet', workbook({ A1: '1', A2: '=A1+1' })))
  const page = sheet.page
  await sheet.goTo('A1:A2')
  await page.keyboard.press('Control+c')
  await sheet.goTo('C1:D4')
  await page.keyboard.press('Control+v')
  for (const [a, v] of [['C1', 1], ['C2', 2], ['C3', 1], ['C4', 2], ['D1', 1], ['D4', 2]] as const) await sheet.expectValue(a, v)
  await sheet.cell('D4').click()
  await expect(sheet.formulaBar()).toHaveValue('=D3+1')
  await sheet.goTo('C1:D4')
  await page.keyboard.press('Delete')
  await expect(sheet.cell('C1')).not.toHaveAttribute('data-value', /.+/)
  await expect(sheet.cell('D4')).not.toHaveAttribute('data-value', /.+/)
  await sheet.undo()
  await sheet.expectValue('D4', 2)
})

test('cut and paste moves cells and the formulas that point at them follow', async ({ launch }) => {
  const sheet = await launch(writeText('cut.gradsheet', workbook({ A1: { input: '5', name: 'x' }, B1: '=A1*2', C1: '=x+1' })))
  const page = sheet.page
  await sheet.cell('A1').click()
  await page.keyboard.press('Control+x')
  await sheet.cell('A4').click()
  await page.keyboard.press('Control+v')
  await sheet.expectValue('A4', 5)
  await expect(sheet.cell('A1')).not.toHaveAttribute('data-value', /.+/)
  await sheet.cell('B1').click()
  await expect(sheet.formulaBar()).toHaveValue('=A4*2')
  await sheet.expectValue('B1', 10)
  // The name moved with its cell, so formulas by name still read it.
  await sheet.cell('A4').click()
  await expect(sheet.nameBox()).toHaveValue('x')
  await sheet.expectValue('C1', 6)
})

test('Ctrl+Shift+V pastes values only', async ({ launch }) => {
  const sheet = await launch(writeText('values.gradsheet', workbook({ A1: '3', B1: '=A1*2' })))
  const page = sheet.page
  await sheet.cell('B1').click()
  await page.keyboard.press('Control+c')
  await sheet.cell('B3').click()
  await page.keyboard.press('Control+Shift+V')
  await sheet.expectValue('B3', 6)
  await expect(sheet.formulaBar()).toHaveValue('6')
})

test('fill a per-sample cost down 50 rows: the regression cost and its exact gradient', async ({ launch }) => {
  // 50 samples x_i = i/10, y_i = 2 x_i + 1 + a fixed wobble; w = 1.5, b = 0.5.
  const xs = Array.from({ length: 50 }, (_, i) => (i + 1) / 10)
  const ys = xs.map((x, i) => 2 * x + 1 + ((i * 37) % 11) / 20 - 0.25)
  const cells: Record<string, string | { input: string; name?: string }> = {
    E1: { input: '1.5', name: 'w' },
    E2: { input: '0.5', name: 'b' },
    E3: { input: '=sum(C2:C51)/50', name: 'J' },
    A1: 'x', B1: 'y', C1: 'loss',
    C2: '=(w*A2+b-B2)^2/2',
  }
  xs.forEach((x, i) => {
    cells[`A${i + 2}`] = String(x)
    cells[`B${i + 2}`] = String(ys[i])
  })
  const sheet = await launch(writeText('regression.gradsheet', workbook(cells)))
  const page = sheet.page
  await sheet.goTo('C2:C51')
  await page.keyboard.press('Control+d')
  await sheet.goTo('C51')
  await expect(sheet.formulaBar()).toHaveValue('=(w*A51+b-B51)^2/2')
  // Each sample's cost has ∂J/∂C_i = 1/50.
  const d = xs.map((x, i) => 1.5 * x + 0.5 - ys[i])
  const J = d.reduce((s, di) => s + (di * di) / 2, 0) / 50
  const dJdw = d.reduce((s, di, i) => s + di * xs[i], 0) / 50
  const dJdb = d.reduce((s, di) => s + di, 0) / 50
  const read = async (a: string, attr: string) => Number(await sheet.cell(a).getAttribute(attr))
  await sheet.expectGrad('C51', 0.02)
  await sheet.goTo('E1')
  await expect.poll(() => read('E3', 'data-value')).toBeCloseTo(J, 10)
  expect(await read('E1', 'data-grad')).toBeCloseTo(dJdw, 10)
  expect(await read('E2', 'data-grad')).toBeCloseTo(dJdb, 10)
})

test('the fill handle drags a formula down and extends a series', async ({ launch }) => {
  const sheet = await launch(writeText('handle.gradsheet', workbook({ A1: '1', A2: '2', B1: '=A1*10' })))
  const page = sheet.page
  await sheet.goTo('A1:A2')
  const handle = page.locator('[data-fill-handle]')
  const hb = (await handle.boundingBox())!
  await drag(page, { x: hb.x + hb.width / 2, y: hb.y + hb.height / 2 }, await center(page, sheet, 'A5'))
  for (const [a, v] of [['A3', 3], ['A4', 4], ['A5', 5]] as const) await sheet.expectValue(a, v)
  await sheet.cell('B1').click()
  const hb2 = (await handle.boundingBox())!
  await drag(page, { x: hb2.x + hb2.width / 2, y: hb2.y + hb2.height / 2 }, await center(page, sheet, 'B5'))
  await sheet.expectValue('B5', 50)
})

test('insert and delete a row above a referenced cell: references follow; deleting it gives #REF!', async ({ launch }) => {
  const sheet = await launch(writeText('rows.gradsheet', workbook({ A3: '5', B1: '=A3*2' })))
  const page = sheet.page
  await page.locator('[data-row-header="1"]').click({ button: 'right' })
  await page.getByRole('menuitem', { name: 'Insert row above' }).click()
  await sheet.expectValue('A4', 5)
  await sheet.cell('B1').click()
  await expect(sheet.formulaBar()).toHaveValue('=A4*2')
  await sheet.expectValue('B1', 10)
  // Ctrl+Minus on the selected row deletes it again.
  await page.locator('[data-row-header="1"]').click()
  await page.keyboard.press('Control+-')
  await sheet.cell('B1').click()
  await expect(sheet.formulaBar()).toHaveValue('=A3*2')
  await sheet.expectValue('A3', 5)
  // Deleting the referenced row leaves #REF!.
  await page.locator('[data-row-header="2"]').click({ button: 'right' })
  await page.getByRole('menuitem', { name: 'Delete row' }).click()
  await sheet.expectError('B1', '#REF!')
  await sheet.undo()
  await sheet.expectValue('B1', 10)
  // Keyboard only: Shift+Space selects the row, Ctrl+Alt+= inserts above it, Ctrl+Alt+- deletes.
  await sheet.cell('A2').click()
  await page.keyboard.press('Shift+Space')
  await expect(sheet.nameBox()).toHaveValue('2:2')
  await page.keyboard.press('Control+Alt+Equal')
  await sheet.cell('B1').click()
  await expect(sheet.formulaBar()).toHaveValue('=A4*2')
  await sheet.cell('A2').click()
  await page.keyboard.press('Shift+Space')
  await page.keyboard.press('Control+Alt+Minus')
  await sheet.cell('B1').click()
  await expect(sheet.formulaBar()).toHaveValue('=A3*2')
})

test('a resized column keeps its width after Save As and reopening', async ({ launch }) => {
  const dir = tempDir()
  const sheet = await launch(writeText('widths.gradsheet', workbook({ B1: 'a rather long label here' }), dir))
  const page = sheet.page
  const header = page.locator('[data-col-header="1"]')
  const before = (await header.boundingBox())!
  const border = page.getByLabel('Resize column B')
  const bb = (await border.boundingBox())!
  await drag(page, { x: bb.x + bb.width / 2, y: bb.y + bb.height / 2 }, { x: bb.x + bb.width / 2 + 88, y: bb.y + bb.height / 2 })
  await expect.poll(async () => Math.round((await header.boundingBox())!.width)).toBe(Math.round(before.width + 88))
  const target = join(dir, 'saved-widths.gradsheet')
  await page.getByRole('button', { name: 'Save As…' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('File path').fill(target)
  await dialog.getByRole('button', { name: 'OK' }).click()
  await expect.poll(() => { try { return JSON.parse(readFileSync(target, 'utf8')).sheets[0].columns !== undefined } catch { return false } }).toBe(true)
  await sheet.running.close()

  const again = await launch(target)
  await expect.poll(async () => Math.round((await again.page.locator('[data-col-header="1"]').boundingBox())!.width)).toBe(Math.round(before.width + 88))
  // Double-click on the border fits the column to its contents: 24 characters of label
  // at the grid's estimate (6.6 px each) plus the cell's padding, 176 px.
  const b2 = (await again.page.getByLabel('Resize column B').boundingBox())!
  await again.page.mouse.dblclick(b2.x + b2.width / 2, b2.y + b2.height / 2)
  await expect.poll(async () => Math.round((await again.page.locator('[data-col-header="1"]').boundingBox())!.width)).toBe(176)
})

test('a tab-separated block from the clipboard pastes into cells (keyboard and paste event)', async ({ launch }) => {
  const sheet = await launch(emptyWorkbook())
  const page = sheet.page
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.evaluate(() => navigator.clipboard.writeText('1\t2\r\n3\t=C3+D3+C4\r\n'))
  await sheet.cell('C3').click()
  await page.keyboard.press('Control+v')
  await sheet.expectValue('C3', 1)
  await sheet.expectValue('D3', 2)
  await sheet.expectValue('C4', 3)
  await sheet.expectValue('D4', 6)
  // A paste event (another program's Edit → Paste) lands the same way.
  await sheet.cell('F1').click()
  await page.evaluate(() => {
    const data = new DataTransfer()
    data.setData('text/plain', 'x\ty\n7\t8')
    document.getElementById('grid')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }))
  })
  await sheet.expectValue('F1', 'x')
  await sheet.expectValue('G2', 8)
  // Our own copy goes out as TSV and an HTML table for other programs.
  await sheet.goTo('C3:D4')
  await page.keyboard.press('Control+c')
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('1\t2\r\n3\t6\r\n')
})

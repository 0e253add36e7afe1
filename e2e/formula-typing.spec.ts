// Typing formulas as a person does: pointing at cells with the mouse and the arrow
// keys, F4, autocomplete and the function help, the formula reference; and reaching
// every control from the keyboard (F6, Tab), Undo's tooltip naming the action.
import { expect, test, type Sheet } from './support/fixtures'
import { emptyWorkbook, writeText } from './support/files'

function workbook(cells: Record<string, string>, more: { name: string; cells: Record<string, string> }[] = []): string {
  const entries = (c: Record<string, string>) => Object.fromEntries(Object.entries(c).map(([a, input]) => [a, { input }]))
  return writeText('typing.gradsheet', JSON.stringify({
    format: 'gradsheet', version: 1, objective: null,
    sheets: [{ name: 'Sheet1', cells: entries(cells) }, ...more.map((s) => ({ name: s.name, cells: entries(s.cells) }))],
  }))
}

/** Every cell's shown value and stored input, to prove an action changed only what it should. */
async function snapshot(sheet: Sheet, addresses: string[], sheetName = 'Sheet1'): Promise<Record<string, string | null>> {
  const out: Record<string, string | null> = {}
  for (const a of addresses) out[a] = await sheet.cell(a, sheetName).getAttribute('data-value')
  return out
}

async function inputOf(sheet: Sheet, address: string): Promise<string> {
  await sheet.goTo(address)
  return sheet.formulaBar().inputValue()
}

const editor = (sheet: Sheet) => sheet.page.locator('input.cell-editor')

test('clicking cells while typing a formula points at them; nothing else is written', async ({ launch }) => {
  const sheet = await launch(workbook({ A1: '1', A2: '2', A3: '3', B1: '10', B2: '20' }))
  const around = ['A1', 'A2', 'A3', 'B1', 'B2', 'C1', 'C2']
  const before = await snapshot(sheet, around)

  // The case: D1 "=" → click A2 → type "+" → click B2 → Enter.
  await sheet.cell('D1').click()
  await sheet.page.keyboard.type('=')
  await sheet.cell('A2').click()
  await expect(editor(sheet)).toHaveValue('=A2')
  await sheet.page.keyboard.type('+')
  await sheet.cell('B2').click()
  await expect(editor(sheet)).toHaveValue('=A2+B2')
  // A second click right after a pointed reference replaces it.
  await sheet.cell('B1').click()
  await expect(editor(sheet)).toHaveValue('=A2+B1')
  // The pointed cell is outlined; a double-click on it does not start editing it.
  await expect(sheet.page.locator('.pointed-range')).toHaveCount(1)
  await sheet.cell('B1').dblclick()
  await expect(editor(sheet)).toHaveValue('=A2+B1')
  await expect(editor(sheet)).toHaveAttribute('aria-label', 'Edit D1')
  await sheet.page.keyboard.press('Enter')

  await sheet.expectValue('D1', 12)
  expect(await snapshot(sheet, around)).toEqual(before)
  // Every other cell's input is what the file had (the empty ones still empty).
  const inputs: Record<string, string> = {}
  for (const a of around) inputs[a] = await inputOf(sheet, a)
  expect(inputs).toEqual({ A1: '1', A2: '2', A3: '3', B1: '10', B2: '20', C1: '', C2: '' })
  expect(await inputOf(sheet, 'D1')).toBe('=A2+B1')

  // Drag extends the pointed cell to a range; the formula goes into the cell being edited.
  await sheet.cell('E1').click()
  await sheet.page.keyboard.type('=SUM(')
  const a1 = await sheet.cell('A1').boundingBox()
  const a3 = await sheet.cell('A3').boundingBox()
  await sheet.page.mouse.move(a1!.x + a1!.width / 2, a1!.y + a1!.height / 2)
  await sheet.page.mouse.down()
  await sheet.page.mouse.move(a3!.x + a3!.width / 2, a3!.y + a3!.height / 2, { steps: 4 })
  await sheet.page.mouse.up()
  await expect(editor(sheet)).toHaveValue('=SUM(A1:A3')
  await sheet.page.keyboard.type(')')
  await sheet.page.keyboard.press('Enter')
  await sheet.expectValue('E1', 6)
  expect(await snapshot(sheet, around)).toEqual(before)
})

test('arrow keys point, Shift+arrow extends, F4 cycles the $ markers', async ({ launch }) => {
  const sheet = await launch(workbook({ A1: '1', A2: '2', A3: '3', B1: '4' }))
  const kb = sheet.page.keyboard
  await sheet.cell('C1').click()
  await kb.type('=')
  await kb.press('ArrowLeft') // B1
  await expect(editor(sheet)).toHaveValue('=B1')
  await kb.press('ArrowLeft') // replaces: A1
  await expect(editor(sheet)).toHaveValue('=A1')
  await kb.press('Shift+ArrowDown')
  await kb.press('Shift+ArrowDown')
  await expect(editor(sheet)).toHaveValue('=A1:A3')
  await kb.press('F4')
  await expect(editor(sheet)).toHaveValue('=$A$1:$A$3')
  await kb.press('F4')
  await expect(editor(sheet)).toHaveValue('=A$1:A$3')
  await kb.press('F4')
  await expect(editor(sheet)).toHaveValue('=$A1:$A3')
  await kb.press('F4')
  await expect(editor(sheet)).toHaveValue('=A1:A3')
  await kb.type('*2') // not a place for a reference: arrows would move the caret
  await kb.press('Enter')
  await sheet.expectValue('C1', '[2,4,6]')

  // Pointing below the screen scrolls the pointed cell into view.
  await sheet.cell('D1').click()
  await kb.type('=')
  for (let k = 0; k < 30; k++) await kb.press('ArrowDown')
  await expect(editor(sheet)).toHaveValue('=D31')
  await expect(sheet.cell('D31')).toBeInViewport()
  await kb.press('Escape')
  await expect(sheet.cell('D1')).not.toHaveAttribute('data-value', /.+/)
  expect(await inputOf(sheet, 'A1')).toBe('1')
  expect(await inputOf(sheet, 'B1')).toBe('4')
})

test('a click on another sheet tab points there and keeps editing the original cell', async ({ launch }) => {
  const sheet = await launch(workbook({ A1: '5' }, [{ name: 'Sheet2', cells: { B2: '7' } }]))
  await sheet.cell('C1').click()
  await sheet.page.keyboard.type('=A1+')
  await sheet.page.locator('[data-sheet-tab="Sheet2"]').click()
  await sheet.cell('B2', 'Sheet2').click()
  await expect(sheet.formulaBar()).toHaveValue('=A1+Sheet2!B2')
  await sheet.page.keyboard.press('Enter')
  await sheet.expectValue('C1', 12)
  await expect(sheet.page.locator('[data-sheet-tab="Sheet1"]')).toHaveAttribute('aria-selected', 'true')
  await sheet.page.locator('[data-sheet-tab="Sheet2"]').click()
  await sheet.expectValue('B2', 7, 'Sheet2')
  await expect(sheet.cell('A1', 'Sheet2')).not.toHaveAttribute('data-value', /.+/)
  await expect(sheet.cell('C1', 'Sheet2')).not.toHaveAttribute('data-value', /.+/)
})

test('autocomplete completes function names and cell names, with the help of the function', async ({ launch }) => {
  const sheet = await launch(workbook({ A1: '1', A2: '2', A3: '3', B1: '4' }))
  await sheet.name('B1', 'scale')
  const kb = sheet.page.keyboard
  await sheet.cell('C1').click()
  await kb.type('=SUMP')
  const list = sheet.page.getByRole('listbox', { name: 'Completions' })
  await expect(list.getByRole('option')).toHaveText([/SUMPRODUCT/])
  await expect(sheet.page.getByRole('note', { name: 'Function help' })).toContainText('SUMPRODUCT(range1')
  await kb.press('Escape') // closes the list, keeps the edit
  await expect(list).toHaveCount(0)
  await expect(editor(sheet)).toHaveValue('=SUMP')
  await kb.press('Backspace')
  await kb.type('S')
  await expect(list.getByRole('option').first()).toContainText('SUMSQ')
  await kb.press('Enter') // accepts
  await expect(editor(sheet)).toHaveValue('=SUMSQ(')
  await expect(sheet.page.getByRole('note', { name: 'Function help' })).toContainText('The sum of the squares')
  await kb.type('A1:A3)*sc')
  await expect(list.getByRole('option').first()).toContainText('scale')
  await kb.press('Tab')
  await expect(editor(sheet)).toHaveValue('=SUMSQ(A1:A3)*scale')
  await kb.press('Enter')
  await sheet.expectValue('C1', 56)

  // Down picks another entry; a word that is already complete commits on Enter.
  await sheet.cell('C2').click()
  await kb.type('=s')
  await kb.press('ArrowDown')
  await kb.press('ArrowDown')
  const third = await list.getByRole('option').nth(2).locator('.assist-label').textContent()
  await kb.press('Enter')
  await expect(editor(sheet)).toHaveValue(new RegExp(`^=${third}`))
  await kb.press('Escape')
  await sheet.cell('C3').click()
  await kb.type('=scale')
  await kb.press('Enter')
  await sheet.expectValue('C3', 4)
})

test('the formula reference opens from the toolbar and with Shift+F1, and searches', async ({ launch }) => {
  const sheet = await launch(emptyWorkbook())
  const page = sheet.page
  await page.getByRole('button', { name: 'ƒx Functions' }).click()
  const dialog = page.getByRole('dialog', { name: 'Formula reference' })
  await expect(dialog).toBeVisible()
  await expect(dialog.locator('[data-function="SUMPRODUCT"]')).toContainText('SUMPRODUCT(range1, [range2], …)')
  await expect(dialog.getByRole('searchbox', { name: 'Search functions' })).toBeFocused()
  await page.keyboard.type('cross entropy')
  await expect(dialog.locator('[data-function]')).toHaveCount(2) // bce_logits, cross_entropy
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)

  await sheet.cell('B2').click()
  await page.keyboard.press('Shift+F1')
  await expect(dialog).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.locator('#grid')).toBeFocused()
})

test('from page load, F6 and Tab reach the formula bar, the name box, the toolbar, Train and the open panel', async ({ launch }) => {
  const sheet = await launch(emptyWorkbook())
  const page = sheet.page
  const kb = page.keyboard
  await expect(page.locator('#grid')).toBeFocused()

  await kb.press('F6')
  await expect(sheet.formulaBar()).toBeFocused()
  await kb.press('F6')
  await expect(sheet.nameBox()).toBeFocused()
  // The name box works from the keyboard alone.
  await kb.type('C3')
  await kb.press('Enter')
  await expect(sheet.cell('C3')).toHaveAttribute('aria-selected', 'true')
  await kb.press('F6') // grid → formula bar
  await kb.press('F6') // → name box
  await kb.press('F6') // → toolbar, its first button
  await expect(page.getByRole('button', { name: 'New' })).toBeFocused()
  // The focused control shows a ring.
  const outline = await page.getByRole('button', { name: 'New' }).evaluate((el) => getComputedStyle(el).outlineStyle)
  expect(outline).toBe('solid')

  // Tab walks the toolbar to Examples, Train, Data and Graph.
  const reached: string[] = []
  for (let k = 0; k < 25; k++) {
    await kb.press('Tab')
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null
      return el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? ''
    })
    reached.push(label)
    if (label === 'Name box') break
  }
  for (const label of ['Examples', 'Train…', 'Data…', 'Graph', 'ƒx Functions', 'Name box']) expect(reached).toContain(label)

  // Open Train from the keyboard: F6 back to the toolbar (from the name box), Tab to Train, Enter; F6 then reaches the panel.
  await kb.press('F6')
  await expect(page.getByRole('button', { name: 'New' })).toBeFocused()
  for (let k = 0; k < 15 && !(await page.getByRole('button', { name: 'Train…' }).evaluate((el) => el === document.activeElement)); k++) await kb.press('Tab')
  await expect(page.getByRole('button', { name: 'Train…' })).toBeFocused()
  await kb.press('Enter')
  const panel = page.getByRole('region', { name: 'Training' })
  await expect(panel).toBeVisible()
  await kb.press('F6')
  await expect(panel.locator(':focus')).toHaveCount(1)
  await kb.press('F6')
  await expect(page.locator('#grid')).toBeFocused()
  await kb.press('Shift+F6')
  await expect(panel.locator(':focus')).toHaveCount(1)
})

test('from page load, Tab and Shift+Tab alone reach the formula bar, name box, toolbar, Examples, Train, Data and Graph', async ({ launch }) => {
  const sheet = await launch(emptyWorkbook())
  const page = sheet.page
  const kb = page.keyboard
  await expect(page.locator('#grid')).toBeFocused()
  await kb.press('Shift+Tab') // on column A the grid lets go, to the formula bar
  await expect(sheet.formulaBar()).toBeFocused()
  const reached: string[] = []
  for (let k = 0; k < 25; k++) {
    await kb.press('Shift+Tab')
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null
      return el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? ''
    })
    reached.push(label)
    if (label === 'New') break
  }
  // (Undo and Redo are disabled until there is something to undo, so they are skipped.)
  for (const label of ['Name box', 'ƒx Functions', 'Graph', 'Data…', 'Train…', 'Examples', 'New']) expect(reached).toContain(label)
  // And forward again: Tab walks the toolbar to the name box, the formula bar, then the grid.
  for (let k = 0; k < 25 && !(await sheet.nameBox().evaluate((el) => el === document.activeElement)); k++) await kb.press('Tab')
  await expect(sheet.nameBox()).toBeFocused()
  await kb.press('Tab')
  await expect(sheet.formulaBar()).toBeFocused()
  await kb.press('Tab')
  await expect(page.locator('#grid')).toBeFocused()
  await expect(sheet.cell('A1')).toHaveAttribute('aria-selected', 'true')
  // Elsewhere in the grid, Tab and Shift+Tab still move the selection.
  await kb.press('Tab')
  await expect(sheet.cell('B1')).toHaveAttribute('aria-selected', 'true')
  await kb.press('Shift+Tab')
  await expect(sheet.cell('A1')).toHaveAttribute('aria-selected', 'true')
  await expect(page.locator('#grid')).toBeFocused()
})

test('toolbar commands have shortcuts; the Undo button names the action it will undo', async ({ launch }) => {
  const sheet = await launch(emptyWorkbook())
  const page = sheet.page
  await sheet.type('B2', '7')
  await sheet.expectValue('B2', 7)
  const undo = page.getByRole('button', { name: 'Undo' })
  await expect(undo).toHaveAttribute('title', 'Undo: set B2 to 7 (Ctrl+Z)')
  await sheet.type('B3', '=B2^2')
  await expect(undo).toHaveAttribute('title', 'Undo: set B3 to =B2^2 (Ctrl+Z)')
  await sheet.undo()
  await expect(page.getByRole('button', { name: 'Redo' })).toHaveAttribute('title', 'Redo: set B3 to =B2^2 (Ctrl+Y)')
  await expect(undo).toHaveAttribute('title', 'Undo: set B2 to 7 (Ctrl+Z)')

  // Ctrl+Alt+J makes the selected cell the objective, Ctrl+Alt+P marks a parameter.
  await sheet.cell('B2').click()
  await page.keyboard.press('Control+Alt+j')
  await sheet.expectGrad('B2', 1)
  await page.keyboard.press('Control+Alt+p')
  await expect(page.getByRole('button', { name: 'Parameter' })).toHaveAttribute('aria-pressed', 'true')
  await expect(undo).toHaveAttribute('title', 'Undo: mark parameter (Ctrl+Z)')
  await page.keyboard.press('Control+Alt+r')
  await expect(page.getByRole('region', { name: 'Training' })).toBeVisible()

  // The Help menu's list of shortcuts has them, and the typing keys.
  await page.getByRole('button', { name: 'Help' }).click()
  await page.getByRole('menuitem', { name: 'Keyboard shortcuts' }).click()
  const list = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  for (const keys of ['Ctrl+Alt+J', 'Ctrl+Alt+G', 'Shift+F1', 'F4', 'F6 / Shift+F6']) await expect(list).toContainText(keys)
})

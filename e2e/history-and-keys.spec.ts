// One undo history across every kind of change, and the keyboard habits of spreadsheets.
import { expect, test } from './support/fixtures'
import { emptyWorkbook } from './support/files'

test('undo and redo walk back and forth across inputs, names and the objective', async ({ launch }) => {
  const sheet = await launch(emptyWorkbook())
  await sheet.type('A1', '3')
  await sheet.type('A2', '=A1^2')
  await sheet.type('A1', '5')
  await sheet.name('A1', 'x')
  await sheet.cell('A2').click()
  await sheet.page.getByRole('button', { name: /objective/i }).click()
  await sheet.expectGrad('A1', 10)

  await sheet.cell('C5').click()
  await sheet.undo() // objective unset: gradients unavailable
  await expect(sheet.cell('A1')).not.toHaveAttribute('data-grad', /.+/)
  await sheet.undo() // name removed
  await sheet.goTo('A1')
  await expect(sheet.nameBox()).toHaveValue('A1')
  await sheet.undo() // A1 back to 3
  await sheet.expectValue('A2', 9)
  await sheet.undo() // A2 gone
  await expect(sheet.cell('A2')).not.toHaveAttribute('data-value', /.+/)

  await sheet.redo()
  await sheet.expectValue('A2', 9)
  await sheet.redo()
  await sheet.expectValue('A2', 25)
  await sheet.redo()
  await sheet.redo()
  await sheet.expectGrad('A1', 10)
})

test('Enter moves down, Tab moves right, Escape cancels, arrows move, Delete clears', async ({ launch }) => {
  const sheet = await launch(emptyWorkbook())
  await sheet.cell('B2').click()
  const keyboard = sheet.page.keyboard
  await keyboard.type('1')
  await keyboard.press('Enter') // B2 = 1, now on B3
  await keyboard.type('2')
  await keyboard.press('Tab') // B3 = 2, now on C3
  await keyboard.type('3')
  await keyboard.press('Escape') // cancelled: C3 stays empty
  await keyboard.press('ArrowUp') // C2
  await keyboard.type('=B2 + B3')
  await keyboard.press('Enter')
  await sheet.expectValue('B2', 1)
  await sheet.expectValue('B3', 2)
  await sheet.expectValue('C2', 3)
  await expect(sheet.cell('C3')).not.toHaveAttribute('data-value', /.+/)
  await keyboard.press('ArrowLeft') // from C3 to B3
  await keyboard.press('Delete')
  await sheet.expectValue('C2', 1)
  await sheet.cell('C2').click()
  await expect(sheet.formulaBar()).toHaveValue('=B2 + B3')
})

// Editing the way a spreadsheet user does: change an input and watch every gradient
// follow; make a cycle and repair it; see an error and why.
import { expect, test } from './support/fixtures'
import { copyExample, emptyWorkbook, namedAddresses } from './support/files'

test('editing an input updates every value and gradient at once', async ({ launch }) => {
  const file = copyExample('reference-example-1.gradsheet')
  const addressOf = namedAddresses(file)
  const sheet = await launch(file)
  // The example names the input x; find it through the name box, as a user would.
  await sheet.goTo('x')
  await sheet.page.keyboard.type('-4')
  await sheet.page.keyboard.press('Enter')
  // x = -4: h = 1, g = 2, f = 4; dJ/dg = 2g = 4, dJ/dh = 4 * 3h^2 = 12, dJ/dx = 12.
  for (const [name, value, grad] of [
    ['x', -4, 12],
    ['h', 1, 12],
    ['g', 2, 4],
    ['J', 4, 1],
  ] as const) {
    const address = addressOf(name)
    await sheet.expectValue(address, value)
    await sheet.expectGrad(address, grad)
  }
})

test('a reference cycle shows #CYCLE! on every cell of it, and repairing it recovers', async ({ launch }) => {
  const sheet = await launch(emptyWorkbook())
  await sheet.type('A1', '=B1 + 1')
  await sheet.type('B1', '=A1 * 2')
  await sheet.expectError('A1', '#CYCLE!')
  await sheet.expectError('B1', '#CYCLE!')
  await sheet.type('C1', '7')
  await sheet.expectValue('C1', 7)
  await sheet.type('B1', '3')
  await sheet.expectValue('A1', 4)
  await expect(sheet.cell('A1')).not.toHaveAttribute('data-error', /.+/)
})

test('a formula error shows its code in the cell and its message in words', async ({ launch }) => {
  const sheet = await launch(emptyWorkbook())
  await sheet.type('A1', '5')
  await sheet.type('A2', '=A1 / 0')
  await sheet.type('A3', '=A2 + 1')
  await sheet.expectError('A2', '#DIV/0!')
  await sheet.expectError('A3', '#DIV/0!') // errors propagate to dependents
  await sheet.expectValue('A1', 5) // and nothing else is affected
  await sheet.cell('A2').click()
  await expect(sheet.page.getByRole('status')).toContainText(/zero/i)
  await sheet.type('B1', '=nosuchfunction(1)')
  await sheet.expectError('B1', '#NAME?')
  await sheet.type('B2', '=1 +* 2')
  await sheet.expectError('B2', '#PARSE!')
  // The input is never lost: the formula bar still shows what was typed.
  await sheet.cell('B2').click()
  await expect(sheet.formulaBar()).toHaveValue('=1 +* 2')
})

// SPEC §8: a person builds each worked example of the reference text from an empty
// workbook, typing as they would, and reads every value and gradient from the cells.
import { test } from './support/fixtures'
import { emptyWorkbook } from './support/files'

test('example 1: f(x) = ((x + 5)^3 + 1)^2 at x = -3, typed into an empty workbook', async ({ launch }) => {
  const sheet = await launch(emptyWorkbook())
  await sheet.type('A1', 'x')
  await sheet.type('B1', '-3')
  await sheet.name('B1', 'x')
  await sheet.type('B2', '=x + 5')
  await sheet.name('B2', 'h')
  await sheet.type('B3', '=h^3 + 1')
  await sheet.name('B3', 'g')
  await sheet.type('B4', '=g^2')
  await sheet.name('B4', 'J') // the cell named J is the objective by default

  await sheet.expectValue('B1', -3)
  await sheet.expectValue('B2', 2)
  await sheet.expectValue('B3', 9)
  await sheet.expectValue('B4', 81)
  await sheet.expectGrad('B4', 1)
  await sheet.expectGrad('B3', 18)
  await sheet.expectGrad('B2', 216)
  await sheet.expectGrad('B1', 216)
  await sheet.expectValue('A1', 'x')
})

test('example 2: linear regression on one sample, with addresses and names mixed', async ({ launch }) => {
  const sheet = await launch(emptyWorkbook())
  const rows: Array<[string, string, string | null]> = [
    ['B1', '-3', 'x'],
    ['B2', '5', 'y'],
    ['B3', '3', 'w'],
    ['B4', '1', 'b'],
    ['B5', '=w * x', 'c'],
    ['B6', '=B5 + b', 'f'],
    ['B7', '=f - B2', 'd'],
    ['B8', '=d^2 / 2', 'J'],
  ]
  for (const [address, input, name] of rows) {
    await sheet.type(address, input)
    if (name) await sheet.name(address, name)
  }
  const expected: Record<string, [number, number]> = {
    B1: [-3, -39],
    B2: [5, 13],
    B3: [3, 39],
    B4: [1, -13],
    B5: [-9, -13],
    B6: [-8, -13],
    B7: [-13, -13],
    B8: [84.5, 1],
  }
  for (const [address, [value, grad]] of Object.entries(expected)) {
    await sheet.expectValue(address, value)
    await sheet.expectGrad(address, grad)
  }
})

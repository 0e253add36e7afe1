// Formula translation both ways, without files: Excel's grammar where it differs from
// math.js's (precedence, associativity, operators, names), and a property: any formula
// written in Excel syntax and read back computes the same value (fast-check, fixed seed).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createEngine } from '../index'
import { docOf } from '../test/helpers'
import { parseExcelFormula } from './excel-formula'
import { gradsheetToExcel } from './from-gradsheet'
import { translateExcelFormula, type TranslateContext } from './to-gradsheet'

const ctx: TranslateContext = {
  names: new Map<string, { gradsheet: string } | { inline: ReturnType<typeof parseExcelFormula> }>([
    ['RATE', { gradsheet: 'rate' }],
    ['SALES', { inline: parseExcelFormula('Data!$B$2:$B$9') }],
  ]),
  usedRows: () => 9,
  usedCols: () => 3,
}
const toGradsheet = (excel: string) => {
  const t = translateExcelFormula(excel, ctx)
  if (!t.ok) throw new Error(t.reason)
  return t.formula
}

describe('Excel → Gradsheet', () => {
  it.each([
    ['-2^2', '(-2)^2'],
    ['2^3^2', '(2^3)^2'],
    ['2^-1', '2^(-1)'],
    ['A1-(B1-C1)', 'A1 - (B1 - C1)'],
    ['A1=B1', 'A1 == B1'],
    ['A1<>B1', 'A1 != B1'],
    ['IF(TRUE,1,FALSE)', 'IF(true, 1, false)'],
    ['50%+A1%', '0.5 + A1 / 100'],
    ['{1,2;3,4}', '[[1, 2], [3, 4]]'],
    ["'My data'!$A$1:B2", "'My data'!$A$1:B2"],
    ['LOG10(A1)+ATAN2(1,2)', 'LOG10(A1) + atan2(2, 1)'],
    ['rate*SUM(Sales)', 'rate * SUM(Data!$B$2:$B$9)'],
    ['SUM(B:B)+SUM(2:2)', 'SUM(B1:B9) + SUM(A2:C2)'],
    ['_xlfn.STDEV.P(A1:A3)', 'std(A1:A3, "uncorrected")'],
    ['PI()*MMULT(A1:B2,C1:C2)', 'pi * multiply(A1:B2, C1:C2)'],
  ])('%s → %s', (excel, gradsheet) => expect(toGradsheet(excel)).toBe(gradsheet))

  it('keeps what it cannot translate, naming it', () => {
    expect(translateExcelFormula('VLOOKUP(A1,B1:C2,2,FALSE)&"x"', ctx)).toMatchObject({
      ok: true,
      formula: 'CONCATENATE(VLOOKUP(A1, B1:C2, 2, false), "x")',
      exact: false,
      unknownFunctions: expect.arrayContaining(['VLOOKUP', 'CONCATENATE']),
    })
    expect(translateExcelFormula('[1]Sheet1!A1', ctx)).toMatchObject({ ok: false, reason: expect.stringMatching(/external link/) })
    expect(translateExcelFormula('Sheet1:Sheet3!A1', ctx)).toMatchObject({ ok: false })
  })
})

describe('Gradsheet → Excel → Gradsheet computes the same value', () => {
  const leaf = fc.constantFrom('A1', 'A2', 'A3', '2', '0.5', 'x')
  const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.tuple(tie('e'), fc.constantFrom(' + ', ' - ', ' * ', ' / ', '^'), tie('e')).map(([a, op, b]) => `${a}${op}${b}`),
      tie('e').map((a) => `-${a}`),
      tie('e').map((a) => `(${a})`),
      fc.tuple(tie('e'), tie('e')).map(([a, b]) => `IF(${a} > ${b}, ${a}, ${b})`),
      fc.tuple(tie('e'), tie('e')).map(([a, b]) => `atan2(${a}, ${b})`),
      tie('e').map((a) => `tanh(${a}) + SUM(A1:A3) + log(2 + abs(${a}))`),
    ),
  })).e

  it('on random formulas (precedence, signs, powers, branches, argument order)', () => {
    fc.assert(
      fc.property(expr, (body) => {
        const there = gradsheetToExcel(body)
        if (!there.ok) throw new Error(`${body}: ${there.reason}`)
        const back = translateExcelFormula(there.formula, { ...ctx, names: new Map([['X', { gradsheet: 'x' }]]) })
        if (!back.ok) throw new Error(`${there.formula}: ${back.reason}`)
        const valueOf = (formula: string) => {
          const e = createEngine(docOf({ A1: '1.5', A2: '-2', A3: '3', B1: { input: '0.75', name: 'x' }, C1: { input: `=${formula}`, name: 'J' } }, 'J'))
          return e.cell('Sheet1', 'C1').value
        }
        const a = valueOf(body)
        const b = valueOf(back.formula)
        if (a.kind === 'number' && b.kind === 'number') expect(Math.abs(a.value - b.value), `${body} → ${there.formula} → ${back.formula}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(a.value)))
        else expect(b.kind, `${body} → ${there.formula} → ${back.formula}`).toBe(a.kind)
      }),
      { numRuns: 200, seed: 42 },
    )
  })
})

// The shape reader (shape-scan.ts) against the general scanner and compiler: on random
// formula texts — references in and out of the grid, ranges, sheets, `$`, names that look
// like cells, functions named like cells, numbers with exponents, strings, `#REF!`, `!=` —
// whenever the shape reader answers, its program and references are the general path's.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileFormula } from './compile'
import { compileShape, shapeRefs } from './shape-scan'

const piece = fc.oneof(
  fc.constantFrom('A1', 'b7', 'XFD1048576', 'XFE1', 'A0', 'A1048577', 'AB12', 'ABCD1', 'A1:B3', 'Sheet2!A1', "'My data'!B2", '$A$1', 'A$1', '#REF!'),
  fc.tuple(fc.constantFrom('A', 'B', 'Z', 'AA', 'XF'), fc.integer({ min: 1, max: 2000 })).map(([c, r]) => `${c}${r}`),
  fc.constantFrom('w', 'b', 'w_1', 'bias', 'log10', 'e', 'pi', 'x1y', 'A1_'),
  fc.constantFrom('0.5', '1e5', '2.5E-3', '.5', '12.', '1.e5', '3'),
  fc.constantFrom('tanh(', 'SUM(', 'log10(', 'A1(', 'max(', 'IF('),
  fc.constantFrom('+', '-', '*', '/', '^', '(', ')', ',', ' ', '!=', '<', '>=', '==', '!', ':', '.', '"s"', "'", '\t', '[', ']', ';', 'é'),
)
const body = fc.array(piece, { minLength: 1, maxLength: 12 }).map((ps) => ps.join(''))

function expectSameAsGeneral(input: string): void {
  const program = compileShape(input)
  if (program === null) return
  const refs = { count: shapeRefs.count, rows: [...shapeRefs.rows.subarray(0, shapeRefs.count)], cols: [...shapeRefs.cols.subarray(0, shapeRefs.count)] }
  const general = compileFormula(input.slice(1))
  expect(program).toEqual(general.program)
  expect(general.refs.length).toBe(refs.count)
  general.refs.forEach((r, k) => {
    expect(r.range || r.sheet !== null || r.outOfBounds).toBe(false)
    expect([r.row0, r.col0]).toEqual([refs.rows[k], refs.cols[k]])
  })
}

describe('compileShape', () => {
  it('answers the usual formulas with their references', () => {
    const p = compileShape('=0.5*P15+0.5*O16')
    expect(p).not.toBeNull()
    expect([shapeRefs.count, shapeRefs.rows[0], shapeRefs.cols[0], shapeRefs.rows[1], shapeRefs.cols[1]]).toEqual([2, 15, 16, 16, 15])
    // Same shape, other cells: the same shared program.
    expect(compileShape('=0.5*B2+0.5*C3')).toBe(p)
    expect([shapeRefs.rows[0], shapeRefs.cols[0], shapeRefs.rows[1], shapeRefs.cols[1]]).toEqual([2, 2, 3, 3])
    expect(compileShape('=w*A125+b')?.names).toEqual(['w', 'b'])
  })

  it('leaves everything else to the general path', () => {
    for (const input of ['=SUM(A1:A3)', '=Sheet2!A1', '=$A$1', '="A1"', "='s'!A1", '=#REF!+1', '=XFE1', '=A0', '=1.E5', '=A1!', '=A1\t+1', '=é', 'A1', '=A1+', '= A1 + 1 ', '=(1'])
      if (compileShape(input) !== null) expectSameAsGeneral(input)
    for (const input of ['=SUM(A1:A3)', '=Sheet2!A1', '=$A$1', '="A1"', '=#REF!+1', '=XFE1', '=A0', '=A1:B2+1']) expect(compileShape(input)).toBeNull()
    // A syntax error's message points into its own text: never shared through the shape cache.
    expect(compileShape('=(A1')).toBeNull()
    expect(compileShape('=(A2')).toBeNull()
  })

  it('random formula texts: whenever it answers, it answers as the general path does (also from its cache)', () => {
    fc.assert(
      fc.property(fc.array(body, { minLength: 1, maxLength: 8 }), (bodies) => {
        // Twice over: the first reading of a shape fills the cache, the second is served from it.
        for (let round = 0; round < 2; round++) for (const b of bodies) expectSameAsGeneral('=' + b)
      }),
      { seed: 1205, numRuns: 400 },
    )
  })

  it('many shapes at once: each served from the cache by its own text', () => {
    const inputs: string[] = []
    for (let k = 0; k < 3000; k++) inputs.push(`=A${(k % 50) + 1}*${k}+B${k + 1}`, `=tanh(C${k + 1})+${k}*w`)
    for (let round = 0; round < 2; round++) for (const input of inputs) expectSameAsGeneral(input)
  })
})

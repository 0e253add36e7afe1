// Loading with the shape reader (formula/shape-scan.ts, the load path's reader of the usual
// formula) gives the same engine as loading with the general scanner and compiler alone:
// random documents mixing formulas it takes and formulas it leaves (ranges, sheets, `$`,
// strings, syntax errors, out-of-grid references, names, functions), with names, param
// marks, labels, unknown fields and non-canonical keys; every cell's view, J and the saved
// document, compared value for value (issue 12, load, fifth session).
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { createEngine } from '../index'
import { useShapeReader } from '../formula/shape-scan'
import type { CellEntry, WorkbookDocument } from '../workbook/document'

const ADDRESSES = ['A1', 'A2', 'A3', 'B1', 'B2', 'C1', 'C3', 'a2', '$B$1', 'XFE1', 'A0']
const term = fc.constantFrom('A1', 'A2', 'A3', 'B1', 'B2', 'C1', 'C3', 'b2', 'w', 'rate', 'Z9', 'XFE1', 'A1048577', 'Data!A1', '$A$1', 'SUM(A1:A3)', '2', '-1.5', '1e-3', '"t"', '#REF!')
const formula = fc.oneof(
  fc.tuple(term, fc.constantFrom('+', '-', '*', '/', '^', ' + ', '!=', '>'), term).map(([a, op, b]) => `=${a}${op}${b}`),
  fc.tuple(fc.constantFrom('tanh', 'exp', 'abs', 'log10', 'A1', 'max'), term, term).map(([f, a, b]) => `=${f}(${a}) * ${b}`),
  fc.tuple(term, term).map(([a, b]) => `=IF(${a} > 0, ${b}, ${a} * ${b})`),
  fc.constantFrom('=(A1', '=A1 +', '=1/0', '= A1 ', '=A1\t+1', '=w*A1+b'),
)
const entry: fc.Arbitrary<CellEntry> = fc.record(
  {
    input: fc.oneof({ weight: 4, arbitrary: formula }, { weight: 2, arbitrary: fc.constantFrom('1', '0.5', '-2', 'label', '', 'TRUE') }),
    name: fc.constantFrom('w', 'rate', 'b'),
    param: fc.boolean(),
    note: fc.constant('kept'),
  },
  { requiredKeys: ['input'] },
)
const document = fc.tuple(fc.dictionary(fc.constantFrom(...ADDRESSES), entry), fc.dictionary(fc.constantFrom('A1', 'B1'), entry), fc.constantFrom('C3', 'A1', 'B2', null)).map(
  ([cells, data, objective]): WorkbookDocument => ({ format: 'gradsheet', version: 1, objective, sheets: [{ name: 'Sheet1', cells }, { name: 'Data', cells: data }] }),
)

const seen = (doc: WorkbookDocument) => {
  const engine = createEngine(structuredClone(doc))
  return { cells: engine.cells(), objective: engine.objective(), saved: engine.toDocument() }
}

describe('the shape reader at load', () => {
  afterEach(() => useShapeReader(true))

  it('random documents: the same cells, J and saved document as the general path alone', () => {
    fc.assert(
      fc.property(document, (doc) => {
        useShapeReader(false)
        const general = seen(doc)
        useShapeReader(true)
        // Twice: the first load may fill the shape cache, the second is served from it.
        expect(seen(doc)).toEqual(general)
        expect(seen(doc)).toEqual(general)
      }),
      { seed: 1130, numRuns: 300 },
    )
  })
})

// The vectorisation rules (docs/excel-and-export.md, "Vectorised runs"), read off the
// exported forward(): which filled-down runs become one vector line, which rows stay one
// line per cell, and what the vector lines read. export-python.test.ts runs such modules
// in Python against the engine's values and gradients.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createEngine } from '../index'
import { docOf, type CellSpec } from '../test/helpers'
import { restoreDocument } from '../workbook'
import { exportPython } from './module'
import { MIN_RUN } from './runs'

function forward(cells: Record<string, CellSpec> | string): string[] {
  let doc
  if (typeof cells === 'string') {
    const read = restoreDocument(readFileSync(resolve(import.meta.dirname, '../../examples', cells), 'utf8'))
    if (!read.ok) throw new Error(read.error)
    doc = read.doc
  } else doc = docOf(cells, 'J')
  const out = exportPython(createEngine(doc), { target: 'pytorch', moduleFileName: null })
  if (!out.ok) throw new Error(out.error)
  const lines = out.code.split('\n')
  const start = lines.indexOf('    def forward(self):')
  const end = lines.findIndex((l, i) => i > start && l.startsWith('        return '))
  return lines.slice(start + 1, end + 1).map((l) => l.trim())
}

/** Rows 1..n of column A (data) and column C filled with `formula(r)`, J = SUM(C1:Cn) (or `j`). */
function column(n: number, formula: (r: number) => string, more: Record<string, CellSpec> = {}, j = `=SUM(C1:C${n})`): Record<string, CellSpec> {
  const cells: Record<string, CellSpec> = { F1: { input: '0.5', name: 'w', param: true }, F2: '2', G1: { input: j, name: 'J' } }
  for (let r = 1; r <= n + 1; r++) cells[`A${r}`] = String(((r * 37) % 11) / 4 - 1.125)
  for (let r = 1; r <= n; r++) cells[`C${r}`] = '=' + formula(r)
  return { ...cells, ...more }
}

const vectorLines = (lines: string[]) => lines.filter((l) => / cells\): /.test(l))

describe('vectorised runs in the exported forward()', () => {
  it('write the linear-regression example as three lines: f, loss and J over slices of the data', () => {
    expect(forward('linear-regression.gradsheet')).toEqual([
      'data = self.data',
      'w = self.w',
      'b = self.b',
      'f_C2_C9 = (w * data[0:8]) + b  # Sheet1!C2:C9 (8 cells): =w * A2 + b',
      'loss_D2_D9 = _pow((f_C2_C9 - data[8:16]), 2.0) / 2.0  # Sheet1!D2:D9 (8 cells): =(C2 - B2)^2 / 2',
      'J = _mean(loss_D2_D9)  # Sheet1!G3 (J): =AVERAGE(D2:D9)',
      'return _t(J)',
    ])
  })

  it(`need at least ${MIN_RUN} rows`, () => {
    expect(vectorLines(forward(column(MIN_RUN - 1, (r) => `w * A${r}`)))).toEqual([])
    expect(vectorLines(forward(column(MIN_RUN, (r) => `w * A${r}`)))).toEqual([`C1_C${MIN_RUN} = w * data[0:${MIN_RUN}]  # Sheet1!C1:C${MIN_RUN} (${MIN_RUN} cells): =w * A1`])
  })

  it('read $-absolute references once for the whole run, and a run that reads no row of its own is still a vector', () => {
    expect(vectorLines(forward(column(10, (r) => `A${r} * $F$2 + w`)))).toEqual(['C1_C10 = (data[0:10] * F2) + w  # Sheet1!C1:C10 (10 cells): =A1 * $F$2 + w'])
    expect(vectorLines(forward(column(10, () => '$F$2 * w')))).toEqual(['C1_C10 = _lanes((F2 * w), 10)  # Sheet1!C1:C10 (10 cells): =$F$2 * w'])
  })

  it('stay one line per cell when the cells are not a fill: a sliding range, the same text in every row, a running total', () => {
    expect(vectorLines(forward(column(10, (r) => `SUM(A${r}:A${r + 1}) * w`)))).toEqual([])
    expect(vectorLines(forward(column(10, () => 'A1 * w')))).toEqual([])
    const running = forward(column(10, (r) => (r === 1 ? 'A1 * w' : `C${r - 1} + A${r} * w`)))
    expect(vectorLines(running)).toEqual([])
    expect(running).toContain('C10 = C9 + (A10 * w)  # Sheet1!C10: =C9 + A10 * w')
  })

  it('stay one line per cell for a function with no elementwise form', () => {
    expect(vectorLines(forward(column(10, (r) => `hypot(A${r}, w)`)))).toEqual([])
    expect(vectorLines(forward(column(10, (r) => `A${r} * SUM($A$1:$A$3) + w`)))).toHaveLength(1) // SUM is the same for every row
  })

  it('cut a run at a row that reads a blank: two vectors, that row on its own, and the sum reads all three', () => {
    const lines = forward(column(20, (r) => `w * A${r}`, { A9: '' }))
    expect(vectorLines(lines)).toEqual([
      'C1_C8 = w * data[0:8]  # Sheet1!C1:C8 (8 cells): =w * A1',
      'C10_C20 = w * data[8:19]  # Sheet1!C10:C20 (11 cells): =w * A10',
    ])
    expect(lines).toContain('C9 = w * 0.0  # Sheet1!C9: =w * A9')
    expect(lines).toContain('J = _flat(_flat(C1_C8, C9, C10_C20)).sum()  # Sheet1!G1 (J): =SUM(C1:C20)')
  })

  it('read another run, shifted, as a slice; one cell of a run as an element', () => {
    const cells = column(12, (r) => `w * A${r}`, {}, '=SUM(D1:D10) + C5')
    for (let r = 1; r <= 10; r++) cells[`D${r}`] = `=C${r + 1} - C${r}`
    const lines = forward(cells)
    expect(vectorLines(lines)).toEqual([
      'C1_C11 = w * data[0:11]  # Sheet1!C1:C11 (11 cells): =w * A1',
      'D1_D10 = C1_C11[1:11] - C1_C11[0:10]  # Sheet1!D1:D10 (10 cells): =C2 - C1',
    ])
    expect(lines).toContain('J = _flat(D1_D10).sum() + C1_C11[4]  # Sheet1!G1 (J): =SUM(D1:D10) + C5')
  })

  it('write AND/OR/NOT per element, as a condition only', () => {
    expect(vectorLines(forward(column(10, (r) => `AND(A${r} > 0, NOT(A${r} > 1), w > 0) ? A${r} : w`)))).toEqual([
      'C1_C10 = _where(_and_lanes((data[0:10] > 0.0), _not_lanes((data[0:10] > 1.0)), (w > 0.0)), data[0:10], w)  # Sheet1!C1:C10 (10 cells): =AND(A1 > 0, NOT(A1 > 1), w > 0) ? A1 : w',
    ])
    expect(vectorLines(forward(column(10, (r) => `OR(A${r} > 0, w > 1) * A${r}`)))).toEqual([]) // a truth value used as a number
  })

  it('write IF and MAX over a run with where, except at rows where the untaken branch has an infinite derivative', () => {
    expect(vectorLines(forward(column(10, (r) => `IF(A${r} > 0, w * A${r}, MAX(A${r}, w))`)))).toEqual([
      'C1_C10 = _where((data[0:10] > 0.0), (w * data[0:10]), _max_lanes(data[0:10], w))  # Sheet1!C1:C10 (10 cells): =IF(A1 > 0, w * A1, MAX(A1, w))',
    ])
    // sqrt(|0|) has an infinite derivative: where would send 0·∞ = NaN into A's gradient, so row 9 is cut out.
    const lines = forward(column(20, (r) => `IF(A${r} > 0, sqrt(abs(A${r})), w)`, { A9: '0' }))
    expect(vectorLines(lines).map((l) => l.split(' = ')[0])).toEqual(['C1_C8', 'C10_C20'])
    expect(lines).toContain('C9 = torch.sqrt(_t(torch.abs(_t(A9)))) if _truth((A9 > 0.0)) else w  # Sheet1!C9: =IF(A9 > 0, sqrt(abs(A9)), w)')
  })

  it('name a run after the label above it', () => {
    const cells = column(10, (r) => `w * A${r + 1}`)
    for (let r = 10; r >= 1; r--) cells[`C${r + 1}`] = '=' + `w * A${r + 1}`
    cells.C1 = 'pred (w·x)'
    cells.G1 = { input: '=SUM(C2:C11)', name: 'J' }
    expect(vectorLines(forward(cells))[0]).toMatch(/^pred_C2_C11 = w \* data\[\d+:\d+\]/)
  })
})

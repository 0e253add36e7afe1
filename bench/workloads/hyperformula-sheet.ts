// Builds the 2-D array HyperFormula.buildFromArray takes: numbers and '=…' formulas.
import type { Workload } from './ops.ts'
import { refCol, refRow } from './ops.ts'
import { formulaText, hyperformulaRef } from './print.ts'

export type HyperFormulaSheet = (number | string | null)[][]

export function buildHyperFormulaSheet(workload: Workload, n: number): HyperFormulaSheet {
  const rows: HyperFormulaSheet = []
  workload.cells(n, (at, op) => {
    const r = refRow(at)
    const c = refCol(at)
    while (rows.length <= r) rows.push([])
    const row = rows[r]
    while (row.length < c) row.push(null)
    row[c] = op.code === 'const' ? op.value : '=' + formulaText(op, 'hyperformula', hyperformulaRef)
  })
  return rows
}

// Builds the gradsheet WorkbookDocument of a workload (what a user would load from a file).
import type { CellEntry, WorkbookDocument } from '../../engine/workbook/document.ts'
import { a1 } from './address.ts'
import type { Ref, Workload } from './ops.ts'
import { formulaText } from './print.ts'

export const SHEET = 'Sheet1'

export function buildDocument(workload: Workload, n: number): WorkbookDocument {
  const names = new Map<Ref, string>()
  workload.cells(n, (at, _op, name) => { if (name) names.set(at, name) })
  const byName = (r: Ref): string => names.get(r) ?? a1(r)
  const cells: Record<string, CellEntry> = {}
  workload.cells(n, (at, op, name) => {
    const input = op.code === 'const' ? String(op.value) : '=' + formulaText(op, 'gradsheet', byName)
    cells[a1(at)] = name ? { input, name } : { input }
  })
  return { format: 'gradsheet', version: 1, objective: a1(workload.objective(n)), sheets: [{ name: SHEET, cells }] }
}

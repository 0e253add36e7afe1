// Measures HyperFormula (values only). GPL: imported only here, in the benchmark,
// never by shipped code.
import { HyperFormula } from 'hyperformula'
import { type Measurement, editValue, keepAlive, liveBytes, median, sampleTimes, timed } from '../measure.ts'
import { buildHyperFormulaSheet } from '../workloads/hyperformula-sheet.ts'
import { type Workload, refCol, refRow } from '../workloads/ops.ts'

// Spreadsheet-sized limits (its defaults stop at 40 000 rows) and full precision.
const CONFIG = { licenseKey: 'gpl-v3', maxRows: 1_048_576, maxColumns: 16_384, precisionRounding: 15 }

export function measureHyperFormula(workload: Workload, n: number): Measurement {
  const sheet = buildHyperFormulaSheet(workload, n)
  let cells = 0
  for (const row of sheet) for (const c of row) if (c !== null && c !== undefined) cells++
  const before = liveBytes()
  const load = timed(() => HyperFormula.buildFromArray(sheet, CONFIG))
  const hf = load.result
  const bytes = liveBytes() - before
  keepAlive(sheet) // so its collection does not shrink the memory delta
  const j = workload.objective(n)
  const J = Number(hf.getCellValue({ sheet: 0, row: refRow(j), col: refCol(j) }))

  const input = workload.editTarget(n)
  const at = { sheet: 0, row: refRow(input), col: refCol(input) }
  const base = Number(hf.getCellValue(at))
  const edits = sampleTimes((k) => { hf.setCellContents(at, [[editValue(base, k)]]) })
  return {
    system: 'hyperformula', workload: workload.id, n, cells, status: 'ok',
    loadMs: load.ms, editMs: median(edits), editMinMs: Math.min(...edits), editSamples: edits.length,
    bytesPerCell: bytes / cells, objective: J,
    notes: ['values only, no gradients; load = buildFromArray; edit = setCellContents of the input (recomputes everything downstream); no full-recompute API without a rebuild'],
  }
}

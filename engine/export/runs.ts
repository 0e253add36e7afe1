// Filled-down runs, the unit the exporter vectorises (docs/excel-and-export.md,
// "Vectorised runs"): consecutive cells of one column whose formulas are each the one
// above shifted down one row — what fill-down and copy/paste make, decided with the
// engine's own copy rule (engine/formula/ref-shift.ts), so the cells share one program
// and differ only in the rows their relative references read. This file finds those
// candidate runs and says, per reference slot, whether it moves with the row (a lane:
// one element per row) or stays put (one value for the whole run); lanes.ts decides
// whether the program may run over the whole column at once, vectorise.ts which runs
// finally get one line.
import { formatAddress, parseAddress } from '../address'
import type { Program } from '../formula/program'
import { shiftFormula } from '../formula/ref-shift'
import type { ExportPlan, PlannedCell } from './plan'

/** Shorter runs stay one line per cell: a handful of similar lines is still easy to read. */
export const MIN_RUN = 8

export interface Run {
  sheet: string
  col: number
  /** The row of cells[0]; cells[k] is at row0 + k. */
  row0: number
  cells: PlannedCell[]
  program: Program
  /** The reference slots that move with the row (a single cell each, one row further per cell). */
  laneSlots: number[]
}

/** "Sheet1!C2:C10001" */
export const runKey = (run: Run): string =>
  `${run.sheet}!${formatAddress(run.row0, run.col)}:${formatAddress(run.row0 + run.cells.length - 1, run.col)}`

/** The cell a lane slot reads in row k of the run. */
export const laneKey = (run: Run, slot: number, k: number): string | undefined => run.cells[k].slots[slot]?.keys[0]

/**
 * Candidate runs of J's cone: ≥ MIN_RUN consecutive formula cells of one column, each
 * the fill of the one above. Named cells and the objective keep their own line.
 */
export function candidateRuns(plan: ExportPlan): Run[] {
  const columns = new Map<string, { row: number; cell: PlannedCell }[]>()
  for (const cell of plan.order) {
    if (cell.role !== 'formula' || !cell.compiled || cell.view.name || cell.key === plan.objectiveKey) continue
    const at = parseAddress(cell.address)
    if (!at) continue
    const id = `${cell.sheet}\u0000${at.col}`
    const list = columns.get(id) ?? []
    list.push({ row: at.row, cell })
    columns.set(id, list)
  }
  const runs: Run[] = []
  for (const list of columns.values()) {
    list.sort((a, b) => a.row - b.row)
    let start = 0
    for (let i = 1; i <= list.length; i++) {
      const prev = list[i - 1]
      const next = list[i]
      const joins = next !== undefined && next.row === prev.row + 1 && next.cell.compiled!.program === prev.cell.compiled!.program &&
        shiftFormula(prev.cell.view.input, 1, 0) === next.cell.view.input
      if (joins) continue
      if (i - start >= MIN_RUN) {
        const run = classify(list.slice(start, i).map((x) => x.cell), list[start].row)
        if (run) runs.push(run)
      }
      start = i
    }
  }
  return runs
}

/** The run with its lane slots, or null when a reference neither moves with the row nor stays (a sliding range). */
function classify(cells: PlannedCell[], row0: number): Run | null {
  const first = cells[0]
  const refs0 = first.compiled!.refs
  const laneSlots: number[] = []
  for (let s = 0; s < refs0.length; s++) {
    const r0 = refs0[s]
    let moves = !r0.range
    let stays = true
    for (let k = 0; k < cells.length; k++) {
      const r = cells[k].compiled!.refs[s]
      if (!r || !cells[k].slots[s] || r.col0 !== r0.col0 || r.col1 !== r0.col1) return null
      if (r.row0 !== r0.row0 + k || r.row1 !== r0.row1 + k) moves = false
      if (r.row0 !== r0.row0 || r.row1 !== r0.row1) stays = false
    }
    if (moves && cells.length > 1) laneSlots.push(s)
    else if (!stays) return null
  }
  const at = parseAddress(first.address)!
  return { sheet: first.sheet, col: at.col, row0, cells, program: first.compiled!.program, laneSlots }
}

/**
 * The parts of a run that remain vectorisable: maximal stretches of rows that are each
 * `usable` and each `continues` from the row above (k-1 → k), at least MIN_RUN long.
 */
export function splitRun(run: Run, usable: (k: number) => boolean, continues: (k: number) => boolean): Run[] {
  const parts: Run[] = []
  let start = -1
  for (let k = 0; k <= run.cells.length; k++) {
    const ok = k < run.cells.length && usable(k)
    if (ok && start >= 0 && continues(k)) continue
    if (start >= 0 && k - start >= MIN_RUN) parts.push({ ...run, row0: run.row0 + start, cells: run.cells.slice(start, k) })
    start = ok ? k : -1
  }
  return parts
}

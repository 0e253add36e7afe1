// Which runs finally become one vector line, and the order of the lines
// (docs/excel-and-export.md, "Vectorised runs"). A run keeps a row only while each of its
// lane slots reads, row after row, consecutive elements of one vector the module holds:
// the data vector (layout.ts), or another vectorised run (a shifted one too: A3 read
// from row 2 is a slice starting one element later). A row reading a blank, a label or a
// parameter breaks the run there, and so does a jump to another vector or element; pieces shorter than MIN_RUN
// go back to one line per cell. Cutting one run can break another that reads it, so this
// repeats until nothing changes. Then J's cone is ordered with each run as one unit
// (every unit after what it reads); a run on a cycle of units (a row reading a row of its
// own run, as a running total does, or a cell between two rows of one run, reading one
// and read by the other) goes back to one line per cell.
import { NotExportable, programValues, valueOf, type CellSource } from './expressions'
import { analyseLanes } from './lanes'
import { postOrder } from './post-order'
import { dependenciesOf, type ExportPlan, type PlannedCell } from './plan'
import { candidateRuns, laneKey, splitRun, type Run } from './runs'
import type { Target } from './translations'

export interface VectorRun extends Run {
  /** 1 for each op of the program whose value differs per row (lanes.ts). */
  laneOps: Uint8Array
}

/** One line of forward(): a cell, or a whole vectorised run. */
export type Unit = PlannedCell | VectorRun

export const isRun = (u: Unit): u is VectorRun => 'cells' in u

export interface Vectorised {
  runs: VectorRun[]
  /** The run and row of every cell of a vectorised run. */
  member: Map<string, { run: VectorRun; row: number }>
  /** J's cone, every unit after the units it reads. */
  units: Unit[]
}

/** The filled-down runs of J's cone whose program may run over a whole column, cut where a row may not (lanes.ts). */
export function vectorCandidates(plan: ExportPlan, target: Target): VectorRun[] {
  const values: CellSource = { cell: (key) => plan.cells.get(key), read: () => '0.0', place: () => undefined }
  const cellValue = (key: string | undefined) => valueOf(plan.cells.get(key ?? '')?.view.value ?? { kind: 'empty' })
  const out: VectorRun[] = []
  for (const run of candidateRuns(plan)) {
    let base
    try {
      base = programValues(run.cells[0], values, target)
    } catch (e) {
      if (e instanceof NotExportable) continue // the per-cell line reports it
      throw e
    }
    const lanes = analyseLanes(run, base, cellValue)
    if ('refused' in lanes) continue
    for (const part of splitRun(run, (k) => lanes.usable[k], () => true)) out.push({ ...part, laneOps: lanes.laneOps })
  }
  return out
}

const membersOf = (runs: VectorRun[]) => {
  const member = new Map<string, { run: VectorRun; row: number }>()
  for (const run of runs) run.cells.forEach((c, row) => member.set(c.key, { run, row }))
  return member
}

export function settleRuns(plan: ExportPlan, candidates: VectorRun[], dataIndex: Map<string, number>): Vectorised {
  let runs = candidates
  for (;;) {
    const member = membersOf(runs)
    // A run on a cycle of units (a running total reads its own run) goes first, in one step.
    const ordered = orderUnits(plan, member)
    if ('cycle' in ordered) {
      runs = runs.filter((r) => !ordered.cycle.has(r))
      continue
    }
    const place = (key: string | undefined): { vector: unknown; index: number } | null => {
      if (key === undefined) return null
      const d = dataIndex.get(key)
      if (d !== undefined) return { vector: dataIndex, index: d }
      const m = member.get(key)
      return m ? { vector: m.run, index: m.row } : null
    }
    let changed = false
    const next: VectorRun[] = []
    for (const run of runs) {
      const at = (slot: number, k: number) => place(laneKey(run, slot, k))
      const usable = (k: number) => run.laneSlots.every((s) => at(s, k) !== null)
      const continues = (k: number) => run.laneSlots.every((s) => {
        const [p, q] = [at(s, k - 1)!, at(s, k)!]
        return p.vector === q.vector && q.index === p.index + 1
      })
      const parts = splitRun(run, usable, continues)
      if (parts.length === 1 && parts[0].cells.length === run.cells.length) next.push(run)
      else {
        changed = true
        next.push(...(parts as VectorRun[]))
      }
    }
    if (!changed) return { runs, member, units: ordered.units }
    runs = next
  }
}

/** Depth-first post-order over units from J, or the runs on a cycle of units. */
function orderUnits(plan: ExportPlan, member: Map<string, { run: VectorRun; row: number }>): { units: Unit[] } | { cycle: Set<VectorRun> } {
  const unitOf = (key: string): Unit => member.get(key)?.run ?? plan.cells.get(key)!
  const depsOf = (u: Unit): Unit[] => {
    if (!isRun(u)) return dependenciesOf(u).map(unitOf)
    const deps = new Set<Unit>()
    for (const c of u.cells) for (const k of dependenciesOf(c)) deps.add(unitOf(k))
    return [...deps]
  }
  const walked = postOrder(unitOf(plan.objectiveKey), depsOf)
  if ('order' in walked) return { units: walked.order }
  const cycle = new Set(walked.cycle.filter(isRun))
  if (cycle.size === 0) throw new Error(`${plan.objectiveKey}: a reference cycle the plan did not see`)
  return { cycle }
}

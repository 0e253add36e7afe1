// Which inputs matter (SPEC §6 `gradsheet sensitivity`, and the app's Sensitivity
// panel): the number input cells J depends on, ranked by |∂J/∂x|, each with its
// elasticity x/J · ∂J/∂x (the % change of J per % change of x; null when J is 0).
import { parseAddress } from '../address'
import type { CellView } from '../api'
import { planExport, type EngineReader } from './plan'

export interface SensitivityEntry {
  /** "Sheet1!B3" */
  cell: string
  sheet: string
  address: string
  name: string | null
  value: number
  grad: number
  elasticity: number | null
}

export interface SensitivityReport {
  objective: string | null
  J: number | null
  inputs: SensitivityEntry[]
  /** Why there is no ranking (no usable objective), or absent. */
  gradients_unavailable?: string
}

/** Ranks number input cells by |grad|, largest first (ties keep the given order). */
export function rankInputs(j: number, inputs: CellView[]): SensitivityEntry[] {
  const entries: SensitivityEntry[] = []
  for (const c of inputs) {
    if (c.value.kind !== 'number' || c.grad.kind !== 'number') continue
    const grad = c.grad.value
    const value = c.value.value
    entries.push({
      cell: `${c.sheet}!${c.address}`,
      sheet: c.sheet,
      address: c.address,
      name: c.name ?? null,
      value,
      grad,
      elasticity: j === 0 ? null : (value / j) * grad,
    })
  }
  return entries.map((e, i) => ({ e, i })).sort((a, b) => Math.abs(b.e.grad) - Math.abs(a.e.grad) || a.i - b.i).map((x) => x.e)
}

/** The sensitivity report of an engine's workbook: the inputs in J's cone (engine/export/plan.ts). */
export function sensitivityReport(engine: EngineReader, top: number | null = null): SensitivityReport {
  const objective = engine.objective()
  const plan = planExport(engine)
  if ('error' in plan || objective.value === null) {
    return { objective: objective.cell, J: null, inputs: [], gradients_unavailable: objective.unavailableReason ?? ('error' in plan ? plan.error : 'J is not a number') }
  }
  // Ties in |grad| keep the workbook's reading order: sheets in tab order, row by row.
  const sheetIndex = new Map(engine.sheets().map((name, i) => [name, i]))
  const rank = (c: CellView) => {
    const at = parseAddress(c.address) ?? { row: 0, col: 0 }
    return [sheetIndex.get(c.sheet) ?? 0, at.row, at.col]
  }
  const inputs = plan.order
    .filter((c) => (c.role === 'data' || c.role === 'param') && c.view.value.kind === 'number')
    .map((c) => ({ view: c.view, r: rank(c.view) }))
    .sort((a, b) => a.r[0] - b.r[0] || a.r[1] - b.r[1] || a.r[2] - b.r[2])
    .map((x) => x.view)
  const ranked = rankInputs(objective.value, inputs)
  return { objective: plan.objectiveKey, J: objective.value, inputs: top === null ? ranked : ranked.slice(0, top) }
}

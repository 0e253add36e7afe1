// `gradsheet sensitivity FILE [--objective REF] [--top N] [--json]` (SPEC §6): the input
// cells J depends on, ranked by |∂J/∂x|, with elasticity x/J · ∂J/∂x.
import type { SensitivityOptions } from './args.ts'
import { loadEngineForCommand } from './command-engine.ts'
import type { Output } from './eval-command.ts'
import { formatNumber, formatTable } from './report.ts'

export async function runSensitivity(options: SensitivityOptions, out: Output): Promise<number> {
  const engine = await loadEngineForCommand(options.file, options.objective, out)
  if (typeof engine === 'number') return engine
  const { sensitivityReport } = await import('../engine/export/sensitivity.ts')
  const report = sensitivityReport(engine, options.top)
  if (options.json) {
    const { objective, J, inputs, gradients_unavailable } = report
    const entries = inputs.map(({ cell, name, value, grad, elasticity }) => ({ cell, name, value, grad, elasticity }))
    out.stdout(JSON.stringify({ objective, J, inputs: entries, ...(gradients_unavailable !== undefined ? { gradients_unavailable } : {}) }, null, 2) + '\n')
    return 0
  }
  if (report.gradients_unavailable !== undefined) {
    out.stdout(`Objective: ${report.objective ?? 'none'}. Gradients unavailable: ${report.gradients_unavailable}\n`)
    return 0
  }
  const rows = report.inputs.map((e, i) => [String(i + 1), e.cell, e.name ?? '', formatNumber(e.value), formatNumber(e.grad), e.elasticity === null ? 'n/a' : formatNumber(e.elasticity)])
  out.stdout(`Objective J = ${report.objective} = ${formatNumber(report.J!)}; ${report.inputs.length} input${report.inputs.length === 1 ? '' : 's'} ranked by |dJ/dx|\n\n`)
  out.stdout(formatTable(['rank', 'cell', 'name', 'value', 'dJ/dx', 'elasticity'], rows) + '\n')
  return 0
}

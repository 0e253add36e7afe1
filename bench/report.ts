// Renders the measurements as the markdown of bench/RESULTS.md.
import type { Measurement, SystemId } from './measure.ts'
import { formatSize } from './sizes.ts'
import { TARGETS, memoryMeetsTarget, memoryTargetText } from './targets.ts'

export interface ReportInput {
  measurements: Measurement[]
  sizes: number[]
  workloads: { id: string; description: string }[]
  machine: string[]
  command: string
  boundsText: string
}

type Metric = 'loadMs' | 'editMs' | 'fullMs' | 'bytesPerCell'

const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 0.1 ? x.toFixed(2) : x.toFixed(3)) + ' ms'
const bytes = (x: number): string => `${Math.round(x)} B`
const fmt = (metric: Metric, x: number): string => (metric === 'bytesPerCell' ? bytes(x) : ms(x))
const ratio = (a?: number, b?: number): string => (a !== undefined && b !== undefined && b > 0 ? `${(a / b).toFixed(a / b >= 10 ? 0 : 2)}×` : '—')

function find(ms: Measurement[], system: SystemId, workload: string, n: number): Measurement | undefined {
  return ms.find((m) => m.system === system && m.workload === workload && m.n === n)
}

function cell(m: Measurement | undefined, metric: Metric): string {
  if (!m) return '—'
  if (m.status !== 'ok') return `not run (${m.reason})`
  const x = m[metric]
  if (x === undefined) return 'n/a'
  return metric === 'editMs' && m.editMinMs !== undefined ? `${fmt(metric, x)} (min ${fmt(metric, m.editMinMs)}, ${m.editSamples}×)` : fmt(metric, x)
}

function targetMark(m: Measurement | undefined, metric: Metric): string {
  const t = m && TARGETS[m.n]
  const x = m?.[metric]
  if (!t || m.status !== 'ok' || x === undefined) return ''
  const ok = metric === 'bytesPerCell' ? memoryMeetsTarget(t, x, m.cells) : x <= t[metric]
  return ok ? ' ✓' : ' ✗'
}

function targetText(n: number, metric: Metric): string {
  const t = TARGETS[n]
  if (!t) return '—'
  return metric === 'bytesPerCell' ? memoryTargetText(t) : `≤ ${t[metric]} ms`
}

const TITLES: Record<Metric, string> = {
  loadMs: 'Load: parse, build, order, first forward + reverse',
  editMs: 'Edit one input, everything downstream (median; fastest and sample count in brackets)',
  fullMs: 'Full forward + reverse on the built graph',
  bytesPerCell: 'Memory per cell (heapUsed + arrayBuffers delta around construction)',
}

function metricTable(input: ReportInput, metric: Metric): string[] {
  const { measurements: all } = input
  const lines = [
    `### ${TITLES[metric]}`, '',
    '| workload | size | cells | target | engine | tape (floor) | HyperFormula | math.js | engine / tape | engine / HyperFormula |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ]
  for (const n of input.sizes) {
    for (const w of input.workloads) {
      const get = (s: SystemId) => find(all, s, w.id, n)
      const e = get('engine'), t = get('tape'), h = get('hyperformula'), j = get('mathjs')
      const cells = [e, t, h, j].find((m) => m)?.cells ?? 0
      const val = (m?: Measurement) => (m?.status === 'ok' ? m[metric] : undefined)
      lines.push(`| ${w.id} | ${formatSize(n)} | ${cells} | ${targetText(n, metric)} | ${cell(e, metric)}${targetMark(e, metric)} | ${cell(t, metric)} | ${cell(h, metric)} | ${cell(j, metric)} | ${ratio(val(e), val(t))} | ${ratio(val(e), val(h))} |`)
    }
  }
  return lines
}

function agreementTable(input: ReportInput): string[] {
  const lines = ['### J as each system computes it (the systems must agree)', '', '| workload | size | engine | tape | HyperFormula | math.js |', '|---|---|---|---|---|---|']
  for (const n of input.sizes) for (const w of input.workloads) {
    const j = (s: SystemId) => { const m = find(input.measurements, s, w.id, n); return m?.status === 'ok' && m.objective !== undefined ? m.objective.toPrecision(12) : '—' }
    lines.push(`| ${w.id} | ${formatSize(n)} | ${j('engine')} | ${j('tape')} | ${j('hyperformula')} | ${j('mathjs')} |`)
  }
  return lines
}

function anatomyTable(input: ReportInput): string[] {
  const lines = [
    '### What one engine edit did (from its ChangeList)', '',
    '| workload | size | cells in the change list | forward evaluations | reverse visits | edit with a CellView per changed cell |', '|---|---|---|---|---|---|',
  ]
  for (const n of input.sizes) for (const w of input.workloads) {
    const a = find(input.measurements, 'engine', w.id, n)?.editAnatomy
    if (a) lines.push(`| ${w.id} | ${formatSize(n)} | ${a.changedCells} | ${a.forwardEvaluations} | ${a.reverseVisits} | ${a.withViewsMs === undefined ? '—' : ms(a.withViewsMs)} |`)
  }
  return lines
}

function methodNotes(input: ReportInput): string[] {
  const seen = new Set<string>()
  const lines: string[] = []
  for (const m of input.measurements) for (const note of [...(m.notes ?? []), ...(m.fullMethod ? [`full pass = ${m.fullMethod}`] : [])]) {
    const line = `- ${m.system}: ${note}`
    if (!seen.has(line)) { seen.add(line); lines.push(line) }
  }
  return lines
}

function targetSummary(input: ReportInput): string[] {
  const metrics: Metric[] = ['loadMs', 'editMs', 'fullMs', 'bytesPerCell']
  const lines = ['| engine target | ' + input.sizes.map(formatSize).join(' | ') + ' |', '|---|' + input.sizes.map(() => '---|').join('')]
  for (const metric of metrics) {
    const row = input.sizes.map((n) => {
      let met = 0, measured = 0
      for (const w of input.workloads) {
        const mark = targetMark(find(input.measurements, 'engine', w.id, n), metric)
        if (mark) { measured++; if (mark.includes('✓')) met++ }
      }
      return TARGETS[n] ? `${targetText(n, metric)}: ${met} of ${measured} workloads met` : '—'
    })
    lines.push(`| ${metric === 'loadMs' ? 'load' : metric === 'editMs' ? 'edit' : metric === 'fullMs' ? 'full pass' : 'memory'} | ${row.join(' | ')} |`)
  }
  return lines
}

export function renderReport(input: ReportInput): string {
  return [
    '# Benchmark results', '',
    `Produced by \`${input.command}\` (bench/run.ts). Method and analysis: docs/benchmarks.md.`, '',
    ...input.machine.map((l) => `- ${l}`), '',
    `Each system × workload × size ran in its own Node process. ${input.boundsText}`,
    'Targets (issue 2) are for the engine, values and all gradients included; ✓/✗ marks the engine\'s figure.',
    'HyperFormula and math.js compute values only (no gradients); the tape computes values and all gradients.', '',
    '## Workloads', '',
    ...input.workloads.map((w) => `- ${w.description}`), '',
    '## Summary', '',
    ...targetSummary(input), '',
    '## Results', '',
    ...metricTable(input, 'loadMs'), '',
    ...metricTable(input, 'editMs'), '',
    ...metricTable(input, 'fullMs'), '',
    ...metricTable(input, 'bytesPerCell'), '',
    ...anatomyTable(input), '',
    ...agreementTable(input), '',
    '## How each figure was taken', '',
    '- every system × workload × size runs in a fresh process from one esbuild bundle of the benchmark (bench/child-bundle.ts), as the app runs its bundled worker',
    ...methodNotes(input), '',
  ].join('\n')
}

// Measures the gradsheet engine: values and every gradient, through its public API.
import type { ChangeList } from '../../engine/api.ts'
import type { WorkbookDocument } from '../../engine/workbook/document.ts'
import { type Measurement, editValue, keepAlive, liveBytes, median, sampleTimes, timed } from '../measure.ts'
import { a1 } from '../workloads/address.ts'
import { SHEET, buildDocument } from '../workloads/document.ts'
import type { Workload } from '../workloads/ops.ts'
import { createBenchEngine as createEngine } from './engine-loader.ts'

const countCells = (doc: WorkbookDocument): number => Object.keys(doc.sheets[0].cells).length

export async function measureEngine(workload: Workload, n: number): Promise<Measurement> {
  const doc = buildDocument(workload, n)
  const cells = countCells(doc)

  const before = liveBytes()
  const load = timed(() => {
    const engine = createEngine(doc)
    return { engine, objective: engine.objective() } // objective() forces evaluation if the engine is lazy
  })
  const { engine, objective } = load.result
  const bytes = liveBytes() - before
  keepAlive(doc)

  const address = a1(workload.editTarget(n))
  const base = Number(doc.sheets[0].cells[address].input)
  // The edit as the windowed app makes it (issue 12): every value and gradient computed, the
  // change list carrying where the changed cells are and the workbook figures, no CellView each.
  let last: ChangeList | undefined
  const edits = sampleTimes((k) => {
    last = engine.apply([{ type: 'setInput', sheet: SHEET, address, input: String(editValue(base, k)) }], { views: 'none' })
  })
  // The same edit with a CellView per changed cell (what the CLI and tests still get by default).
  const withViews = sampleTimes((k) => {
    engine.apply([{ type: 'setInput', sheet: SHEET, address, input: String(editValue(base, k + 1000)) }])
  }, 3, 9, 1000)
  const editAnatomy = last && { changedCells: last.unlisted ?? last.cells.length, ...last.stats, withViewsMs: median(withViews) }
  // An edit is a full forward + reverse pass, unless J is affine in its cone and the engine
  // skips the reverse pass (its gradients cannot change: docs/engine.md). Then the full
  // pass is timed on a second engine that runs the reverse pass after every edit.
  let full = edits
  let fullMethod = 'no full-pass API: the edit samples (the edited input reaches every formula cell, then a full reverse)'
  if (last && last.stats.reverseVisits === 0) {
    const always = createEngine(doc, { alwaysReverse: true })
    full = sampleTimes((k) => {
      always.apply([{ type: 'setInput', sheet: SHEET, address, input: String(editValue(base, k + 2000)) }], { views: 'none' })
    })
    fullMethod = 'J is affine, so an edit skips the reverse pass: the same edits on an engine made with { alwaysReverse: true } (every formula cell, then a full reverse)'
  }
  return {
    system: 'engine', workload: workload.id, n, cells, status: 'ok',
    loadMs: load.ms, editMs: median(edits), editMinMs: Math.min(...edits), editSamples: edits.length,
    // The engine has no "recompute everything" call; the edited input reaches every formula cell
    // (bench/workloads/workloads.test.ts checks it), so an edit with its reverse pass is a full pass.
    fullMs: median(full), fullMethod,
    bytesPerCell: bytes / cells, objective: objective.value ?? Number.NaN, editAnatomy,
    notes: [
      "load = createEngine(doc) + objective(); edit = apply([setInput], { views: 'none' }) including its change list (positions and figures, no CellViews)",
      "the edit table's last column: the same edit with a CellView per changed cell (views: 'all', the default), median of 3-9",
    ],
  }
}

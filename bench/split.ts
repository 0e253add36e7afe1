// npx tsx bench/split.ts WORKLOAD N [EDITS]: one edit's parts timed separately (fastest of
// EDITS, views: 'none'): applying the edit, the forward pass, the reverse pass, the change
// list; the same edit through engine.apply; and the Float64Array tape's edit in the same
// process, for the ratio (of the parts' total).
import { GraphEngine } from '../engine/engine.ts'
import { applyOne } from '../engine/core/edit-rules.ts'
import { forward } from '../engine/core/forward.ts'
import { reverse } from '../engine/core/reverse.ts'
import { drainChanges } from '../engine/core/change-list.ts'
import type { WorkbookState } from '../engine/core/workbook-state.ts'
import { buildTape, editInput, slotOf } from './tape/tape.ts'
import { a1 } from './workloads/address.ts'
import { buildDocument } from './workloads/document.ts'
import { workloadById } from './workloads/index.ts'

const [id, nArg, editsArg] = process.argv.slice(2)
const workload = workloadById(id ?? '')
if (!workload || !Number(nArg)) {
  console.error('usage: npx tsx bench/split.ts WORKLOAD N [EDITS]')
  process.exit(2)
}
const n = Number(nArg)
const doc = buildDocument(workload, n)
const engine = new GraphEngine(doc)
const w = (engine as unknown as { w: WorkbookState }).w
const tape = buildTape(workload, n)
const objective = slotOf(tape, workload.objective(n))
const input = slotOf(tape, workload.editTarget(n))
const address = a1(workload.editTarget(n))
const base = Number(doc.sheets[0].cells[address].input)
const parts = { edit: [] as number[], forward: [] as number[], reverse: [] as number[], changes: [] as number[], total: [] as number[], apply: [] as number[], tape: [] as number[] }
for (let k = 0; k < Number(editsArg ?? 30); k++) {
  const x = base + (k + 1) * 1e-3
  const t0 = performance.now()
  w.changes.meta.clear()
  applyOne(w, { type: 'setInput', sheet: 'Sheet1', address, input: String(x) })
  const t1 = performance.now()
  forward(w)
  const t2 = performance.now()
  if (w.grads.stale) reverse(w)
  const t3 = performance.now()
  drainChanges(w, false)
  const t4 = performance.now()
  editInput(tape, input, x, objective)
  const t5 = performance.now()
  engine.apply([{ type: 'setInput', sheet: 'Sheet1', address, input: String(x + 5e-4) }], { views: 'none' })
  parts.apply.push(performance.now() - t5)
  parts.edit.push(t1 - t0); parts.forward.push(t2 - t1); parts.reverse.push(t3 - t2); parts.changes.push(t4 - t3); parts.total.push(t4 - t0); parts.tape.push(t5 - t4)
}
const min = (a: number[]) => Math.min(...a)
console.log(`${id} ${n}: ` + Object.entries(parts).map(([k, v]) => `${k} ${min(v).toFixed(2)}`).join(' | ') + ` | ratio ${(min(parts.total) / min(parts.tape)).toFixed(1)}×`)

// npx tsx bench/interleaved.ts WORKLOAD N [SAMPLES]: the engine's edit and the Float64Array
// tape's edit interleaved in one process, so both see the same machine load (this machine
// is shared; a full `npm run bench` run can see the load change between its children).
// Prints one markdown row: engine fastest / median, tape fastest / median, the ratio of
// the fastest, the fastest views: 'all' edit, and the engine's load time (all ms).
import { createEngine } from '../engine/index.ts'
import { buildTape, editInput, slotOf } from './tape/tape.ts'
import { a1 } from './workloads/address.ts'
import { buildDocument } from './workloads/document.ts'
import { workloadById } from './workloads/index.ts'

const [id, nArg, samplesArg] = process.argv.slice(2)
const workload = workloadById(id ?? '')
if (!workload || !Number(nArg)) {
  console.error('usage: npx tsx bench/interleaved.ts WORKLOAD N [SAMPLES]')
  process.exit(2)
}
const n = Number(nArg)
const samples = Number(samplesArg ?? 40)
const doc = buildDocument(workload, n)
let t0 = performance.now()
const engine = createEngine(doc)
const loadMs = performance.now() - t0
const tape = buildTape(workload, n)
const objective = slotOf(tape, workload.objective(n))
const input = slotOf(tape, workload.editTarget(n))
const address = a1(workload.editTarget(n))
const base = Number(doc.sheets[0].cells[address].input)
const engineMs: number[] = []
const tapeMs: number[] = []
const viewsMs: number[] = []
const time = (f: () => void): number => {
  const t = performance.now()
  f()
  return performance.now() - t
}
for (let k = 0; k < samples; k++) {
  const x = base + (k + 1) * 1e-3
  engineMs.push(time(() => engine.apply([{ type: 'setInput', sheet: 'Sheet1', address, input: String(x) }], { views: 'none' })))
  tapeMs.push(time(() => editInput(tape, input, x, objective)))
  if (k % 8 === 0) viewsMs.push(time(() => engine.apply([{ type: 'setInput', sheet: 'Sheet1', address, input: String(x + 5e-4) }])))
}
const min = (a: number[]) => Math.min(...a)
const med = (a: number[]) => [...a].sort((p, q) => p - q)[a.length >> 1]
const f = (x: number) => x.toFixed(2)
console.log(`| ${id} | ${n >= 1e6 ? n / 1e6 + 'M' : n / 1000 + 'k'} | ${f(min(engineMs))} | ${f(med(engineMs))} | ${f(min(tapeMs))} | ${f(med(tapeMs))} | ${(min(engineMs) / min(tapeMs)).toFixed(1)}× | ${f(min(viewsMs))} | ${loadMs.toFixed(0)} |`)

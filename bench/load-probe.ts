// One engine load and nothing else, for A/B comparisons of the load path (docs/benchmarks.md,
// "Eighth session: the 1M loads"): builds the workload's document as bench/systems/engine.ts does, collects,
// then times createEngine(doc) + objective() — wall time, CPU time (the process's, and the main
// thread's alone), and the garbage collector's pauses during the load (a PerformanceObserver on 'gc' entries).
// Usage: node --expose-gc --max-old-space-size=16384 bench/.cache/probe.mjs WORKLOAD N
// (bundle it with esbuild as child-bundle.ts does). Prints one line: PROBE <json>.
import { readFileSync } from 'node:fs'
import { PerformanceObserver } from 'node:perf_hooks'
import { createBenchEngine } from './systems/engine-loader.ts'
import { a1 } from './workloads/address.ts'
import { SHEET, buildDocument } from './workloads/document.ts'
import { workloadById } from './workloads/index.ts'

/** A fingerprint of every cell's view (value, gradient, error) after the load, to check a change alters none. */
function digest(e: { cells(): unknown[] }): string {
  return hash(e.cells().map((v) => JSON.stringify(v)).join('\n'))
}

function hash(text: string): string {
  let h = 0
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0
  return (h >>> 0).toString(16)
}

const [id, size] = process.argv.slice(2)
const workload = workloadById(id ?? '')
const n = Number(size)
if (!workload || !Number.isInteger(n)) {
  console.error('usage: load-probe.ts WORKLOAD N')
  process.exit(2)
}
const doc = buildDocument(workload, n)
const collect = (globalThis as { gc?: () => void }).gc
collect?.()
collect?.()
const live = (): number => {
  collect?.()
  collect?.()
  const m = process.memoryUsage()
  return m.heapUsed + m.arrayBuffers
}
const before = live()
const pauses: { kind: number; ms: number; at: number }[] = []
let t0 = 0
const observer = new PerformanceObserver((list) => {
  // A 'gc' entry's detail says which collection it was (Node's PerformanceEntry type does not declare it).
  for (const e of list.getEntries()) pauses.push({ kind: (e as unknown as { detail: { kind: number } }).detail.kind, ms: e.duration, at: e.startTime - t0 })
})
observer.observe({ entryTypes: ['gc'] })
/** This thread's CPU time in ms (Linux: /proc; 10 ms ticks), without the collector's helper threads that process.cpuUsage counts. */
function mainThreadCpuMs(): number {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return (Number(fields[11]) + Number(fields[12])) * 10 // utime + stime, in clock ticks of 10 ms
  } catch {
    return Number.NaN
  }
}
const main0 = mainThreadCpuMs()
const cpu0 = process.cpuUsage()
t0 = performance.now()
const engine = createBenchEngine(doc)
const value = engine.objective().value
const wallMs = performance.now() - t0
const cpu = process.cpuUsage(cpu0)
const mainCpuMs = mainThreadCpuMs() - main0
setTimeout(() => {
  observer.disconnect()
  const bytesPerCell = Math.round((live() - before) / Object.keys(doc.sheets[0].cells).length)
  const inLoad = pauses.filter((p) => p.at >= 0 && p.at <= wallMs)
  const major = inLoad.filter((p) => p.kind === 4) // NODE_PERFORMANCE_GC_MAJOR
  const result = {
    workload: id, n, wallMs: Math.round(wallMs), cpuMs: Math.round((cpu.user + cpu.system) / 1000), mainCpuMs,
    gcMs: Math.round(inLoad.reduce((s, p) => s + p.ms, 0)), majorMs: major.map((p) => Math.round(p.ms)),
    majorAt: major.map((p) => Math.round(p.at)), value, bytesPerCell,
  }
  if (process.env.DIGEST) {
    // After the load, and after the benchmark's edit: its change list too.
    const address = a1(workload.editTarget(n))
    const base = Number(doc.sheets[0].cells[address].input)
    const list = engine.apply([{ type: 'setInput', sheet: SHEET, address, input: String(base + 1e-3) }])
    console.log('DIGEST', digest(engine), hash(JSON.stringify(list)))
  }
  process.stdout.write('PROBE ' + JSON.stringify(result) + '\n')
}, 0)

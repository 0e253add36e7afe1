// Where the engine spends its time on a benchmark workload: a CPU profile of just the
// load or just the edits (no process start-up, no module loading), summarised as self
// time per function.
// Usage: node --import tsx bench/profile.ts WORKLOAD N load|edit [EDITS] [views]
// Edits are applied with views: 'none' (what the benchmark measures) unless `views` is given.
// PROFILE_FROM_JSON=1 loads the document as JSON.parse would give it from a file (its input
// strings flat; the builder's are concatenations, which the load's first read flattens).
import { Session } from 'node:inspector/promises'
import { createBenchEngine } from './systems/engine-loader.ts'
import { a1 } from './workloads/address.ts'
import { SHEET, buildDocument } from './workloads/document.ts'
import { workloadById } from './workloads/index.ts'

interface ProfileNode { id: number; callFrame: { functionName: string; url: string } }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

function summarise(p: Profile, top: number): string[] {
  const byId = new Map(p.nodes.map((n) => [n.id, n]))
  const self = new Map<string, number>()
  let total = 0
  p.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame
    const key = `${f.functionName || '(anonymous)'} ${f.url ? f.url.replace(/^.*?\/(engine|bench|node_modules)\//, '$1/') : '(V8/native)'}`
    self.set(key, (self.get(key) ?? 0) + p.timeDeltas[i])
    total += p.timeDeltas[i]
  })
  return [...self].sort((x, y) => y[1] - x[1]).slice(0, top)
    .map(([k, us]) => `${(us / 1000).toFixed(1).padStart(9)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`)
}

async function main(): Promise<void> {
  const [id, size, phase, count, views] = process.argv.slice(2)
  const workload = workloadById(id ?? '')
  const n = Number(size)
  if (!workload || !Number.isInteger(n) || n < 2 || (phase !== 'load' && phase !== 'edit')) {
    console.error('usage: node --import tsx bench/profile.ts chain|fan-in|stencil|regression N load|edit [EDITS]')
    process.exit(2)
  }
  // PROFILE_FROM_JSON=1: the document as a file's JSON.parse gives it (flat strings), not as the builder concatenated it.
  const built = buildDocument(workload, n)
  const doc = process.env.PROFILE_FROM_JSON === '1' ? (JSON.parse(JSON.stringify(built)) as typeof built) : built
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: 1000 })
  if (phase === 'load') await session.post('Profiler.start')
  const t0 = performance.now()
  // CPU time as well as wall time: on a shared machine the wall time includes waiting for a core.
  const cpu0 = process.cpuUsage()
  const engine = createBenchEngine(doc)
  engine.objective()
  const loadMs = performance.now() - t0
  const cpu = process.cpuUsage(cpu0)
  const loadCpuMs = (cpu.user + cpu.system) / 1000
  const edits = phase === 'edit' ? Number(count ?? 20) : 0
  const address = a1(workload.editTarget(n))
  const base = Number(doc.sheets[0].cells[address].input)
  // A few edits first, so the profile shows optimised code rather than V8 warming up.
  const edit = (k: number) => engine.apply([{ type: 'setInput', sheet: SHEET, address, input: String(base + (k + 1) * 1e-6) }], { views: views === 'views' ? 'all' : 'none' })
  if (phase === 'edit') for (let k = 0; k < 5; k++) edit(1000 + k)
  if (phase === 'edit') await session.post('Profiler.start')
  const t1 = performance.now()
  for (let k = 0; k < edits; k++) edit(k)
  const editMs = (performance.now() - t1) / Math.max(1, edits)
  const { profile } = await session.post('Profiler.stop')
  if (process.env.PROFILE_OUT) (await import("node:fs")).writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile))
  session.disconnect()
  console.log(phase === 'load' ? `load ${loadMs.toFixed(1)} ms (CPU ${loadCpuMs.toFixed(0)} ms, all threads)` : `${edits} edits, ${editMs.toFixed(2)} ms each`)
  for (const line of summarise(profile as Profile, 25)) console.log(line)
}

main().catch((e: unknown) => { console.error((e as Error).stack ?? String(e)); process.exit(1) })

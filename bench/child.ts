// One measurement in its own process (spawned by run.ts), so memory figures do not mix
// and a run that exhausts memory cannot take the others with it.
// Usage: node --expose-gc bench/.cache/child.mjs SYSTEM WORKLOAD N (the bundle run.ts builds,
// child-bundle.ts), or node --expose-gc --import tsx bench/child.ts … to run the sources.
// Prints one line: RESULT <json Measurement>.
import type { Measurement, SystemId } from './measure.ts'
import { measureEngine } from './systems/engine.ts'
import { measureHyperFormula } from './systems/hyperformula.ts'
import { measureMathjs } from './systems/mathjs.ts'
import { measureTape } from './systems/tape.ts'
import { workloadById } from './workloads/index.ts'

async function main(): Promise<void> {
  const [system, workloadId, size] = process.argv.slice(2)
  const workload = workloadById(workloadId)
  const n = Number(size)
  if (!workload || !Number.isInteger(n) || n < 2) {
    console.error('usage: child.ts engine|tape|hyperformula|mathjs chain|fan-in|stencil|regression N')
    process.exit(2)
  }
  const measurers: Record<SystemId, () => Measurement | Promise<Measurement>> = {
    engine: () => measureEngine(workload, n),
    tape: () => measureTape(workload, n),
    hyperformula: () => measureHyperFormula(workload, n),
    mathjs: () => measureMathjs(workload, n),
  }
  const measure = measurers[system as SystemId]
  if (!measure) { console.error(`unknown system ${system}`); process.exit(2) }
  const t0 = performance.now()
  const result = await measure()
  result.elapsedMs = performance.now() - t0
  process.stdout.write('RESULT ' + JSON.stringify(result) + '\n')
}

main().catch((e: unknown) => {
  console.error((e as Error).stack ?? String(e))
  process.exit(1)
})

// npm run bench [-- --sizes 10k,100k] [--workloads chain,stencil] [--systems engine,tape] [--out FILE]
// Runs every system × workload × size in a fresh child process, prints the tables and
// writes them to bench/RESULTS.md (or --out).
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildChildBundle } from './child-bundle.ts'
import { machineInfo } from './machine.ts'
import type { Measurement, SystemId } from './measure.ts'
import { renderReport } from './report.ts'
import { DEFAULT_SIZES, formatSize, parseSize } from './sizes.ts'
import { WORKLOADS } from './workloads/index.ts'

const HERE = dirname(fileURLToPath(import.meta.url))
const SYSTEMS: SystemId[] = ['engine', 'tape', 'hyperformula', 'mathjs']
/**
 * From 1M cells on, every system but the tape gets a bound, so the default run stays near
 * 10 minutes: the baselines are not under test, and an engine that needs minutes there has
 * missed its 1M targets (3 s load, 50 ms edit) by far anyway.
 */
const BOUND_MS: Record<SystemId, number> = { engine: 120_000, tape: 600_000, hyperformula: 60_000, mathjs: 60_000 }
const BOUND_FROM = 1_000_000
/** A run whose previous size took longer than bound/ratio would not finish within the bound (costs grow at least linearly): skip it. */
const projectedTooSlow = (previousMs: number | undefined, ratio: number, boundMs: number): boolean =>
  previousMs !== undefined && previousMs * ratio > boundMs

/** Any single measurement: beyond this something is wrong (a hang), not slow. */
const HARD_BOUND_MS = 600_000

interface Options { sizes: number[]; workloads: typeof WORKLOADS; systems: SystemId[]; out: string }

function usage(message: string): never {
  console.error(`${message}\nusage: npm run bench -- [--sizes 10k,100k,1M] [--workloads ${WORKLOADS.map((w) => w.id).join(',')}] [--systems ${SYSTEMS.join(',')}] [--out FILE]`)
  process.exit(2)
}

function parseOptions(argv: string[]): Options {
  const o: Options = { sizes: DEFAULT_SIZES, workloads: WORKLOADS, systems: SYSTEMS, out: join(HERE, 'RESULTS.md') }
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]
    const value = argv[i + 1]
    if (value === undefined) usage(`${flag} needs a value`)
    const list = value.split(',').map((s) => s.trim()).filter(Boolean)
    if (flag === '--sizes') o.sizes = list.map((s) => parseSize(s) ?? usage(`not a size: ${s}`))
    else if (flag === '--workloads') o.workloads = list.map((id) => WORKLOADS.find((w) => w.id === id) ?? usage(`unknown workload: ${id}`))
    else if (flag === '--systems') o.systems = list.map((s) => (SYSTEMS.includes(s as SystemId) ? (s as SystemId) : usage(`unknown system: ${s}`)))
    else if (flag === '--out') o.out = value
    else usage(`unknown option ${flag}`)
    i++
  }
  return o
}

const countCells = (workload: (typeof WORKLOADS)[number], n: number): number => {
  let count = 0
  workload.cells(n, () => { count++ })
  return count
}

/** Runs one measurement in a child process; never throws: failures become 'not run' rows. */
function runChild(childBundle: string, system: SystemId, workload: string, n: number, boundMs: number): Promise<Measurement> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', '--max-old-space-size=16384', childBundle, system, workload, String(n)], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    let timedOut = false
    child.stdout.on('data', (d) => { out += d })
    child.stderr.on('data', (d) => { err += d })
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL') }, boundMs)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      const line = out.split('\n').find((l) => l.startsWith('RESULT '))
      if (line) return resolve(JSON.parse(line.slice('RESULT '.length)) as Measurement)
      const reason = timedOut
        ? `did not finish within the ${boundMs / 1000} s bound`
        : `failed (${signal ?? `exit ${code}`}): ${err.trim().split('\n').filter(Boolean).slice(0, 1).join('') || 'no message'}`
      resolve({ system, workload, n, cells: 0, status: 'not run', reason })
    })
  })
}

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2))
  const measurements: Measurement[] = []
  const childBundle = await buildChildBundle(HERE)
  const started = performance.now()
  /** Each child's own working time (start-up excluded), by system/workload/size, for the projection above. */
  const wall = new Map<string, number>()
  const sorted = [...o.sizes].sort((p, q) => p - q)
  for (const n of sorted) {
    for (const w of o.workloads) {
      for (const system of o.systems) {
        const bounded = n >= BOUND_FROM
        const bound = bounded ? BOUND_MS[system] : HARD_BOUND_MS
        const smaller = sorted.filter((s) => s < n).at(-1)
        const previous = smaller === undefined ? undefined : wall.get(`${system}/${w.id}/${smaller}`)
        const t0 = performance.now()
        const m = bounded && smaller !== undefined && projectedTooSlow(previous, n / smaller, bound)
          ? { system, workload: w.id, n, cells: 0, status: 'not run' as const, reason: `projected past the ${bound / 1000} s bound: the ${formatSize(smaller)} run took ${(previous! / 1000).toFixed(1)} s` }
          : await runChild(childBundle, system, w.id, n, bound)
        if (m.status !== 'ok') m.cells = countCells(w, n)
        measurements.push(m)
        wall.set(`${system}/${w.id}/${n}`, m.elapsedMs ?? performance.now() - t0)
        const took = ((performance.now() - t0) / 1000).toFixed(1)
        console.error(`${formatSize(n).padStart(5)} ${w.id.padEnd(10)} ${system.padEnd(12)} ${m.status === 'ok' ? 'ok' : `not run: ${m.reason}`} (${took} s)`)
      }
    }
  }
  const argv = process.argv.slice(2).join(' ')
  const report = renderReport({
    measurements, sizes: sorted, workloads: o.workloads, machine: machineInfo(),
    command: 'npm run bench' + (argv ? ` -- ${argv}` : ''),
    boundsText: `From ${formatSize(BOUND_FROM)} cells on, each run (process start, building the workload, measuring) was bounded: engine ${BOUND_MS.engine / 1000} s, HyperFormula and math.js ${BOUND_MS.hyperformula / 1000} s; a run past its bound, or projected past it (the previous size's working time × the size ratio), is marked "not run"; whole run took ${((performance.now() - started) / 60000).toFixed(1)} min.`,
  })
  // `npm run bench:ui` owns the section between its markers: a rerun of this bench keeps it.
  const previous = existsSync(o.out) ? readFileSync(o.out, 'utf8') : ''
  const ui = previous.match(/<!-- ui:start -->[\s\S]*<!-- ui:end -->\n?/)
  writeFileSync(o.out, ui ? `${report.trimEnd()}\n\n${ui[0]}` : report)
  process.stdout.write(report)
  console.error(`written to ${o.out}`)
}

main().catch((e: unknown) => { console.error((e as Error).stack ?? String(e)); process.exit(1) })

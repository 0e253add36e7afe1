// Peak memory of `gradsheet eval` on a large workbook (issue 12: ≤ 500 B/cell at 1M
// cells). Writes a workload's .gradsheet file (default: the 1M-cell chain) to a temp
// directory, runs the CLI on it as a child process exactly as a user would (output
// piped, counted, discarded), and reads the child's peak resident memory: VmHWM from
// /proc/PID/status, polled while it runs (Linux), so the figure covers the JSON text, the
// parsed and restored document, the engine and the printed report together. Also the
// child's CPU time (user + system, /proc/PID/stat), the fair speed figure on a shared
// machine. Runs it --runs times (default 5) and prints each run, the median and the max.
// --ab alternates the launcher's two ways to run (the prebuilt bundle, and the sources
// through tsx: GRADSHEET_SOURCE=1) in the same minutes; --source runs only the latter.
// A bundle older than the sources is rebuilt first (npm run build:cli).
// Usage: npx tsx bench/cli-memory.ts [WORKLOAD] [N] [--runs K] [--ab | --source] [-- extra eval options, e.g. --json]
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { buildDocument } from './workloads/document.ts'
import { workloadById } from './workloads/index.ts'
import { buildBundle, freshBundle } from '../cli/launch/bundle.mjs'

const HERE = resolve(import.meta.dirname)
const CLI = join(HERE, '..', 'cli', 'bin', 'gradsheet.mjs')
const CLOCK_TICKS_PER_SECOND = 100

/** Peak resident set (VmHWM) and CPU seconds (user + system) of a running process; zeros when /proc cannot tell. */
function sample(pid: number): { peak: number; cpu: number } {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    // Fields 14 and 15 of /proc/PID/stat (utime, stime), counted after the command name's closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return { peak: m ? Number(m[1]) * 1024 : 0, cpu: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND }
  } catch {
    return { peak: 0, cpu: 0 }
  }
}

export interface CliMemory {
  cells: number
  fileBytes: number
  peakBytes: number
  bytesPerCell: number
  exitCode: number | null
  ms: number
  cpuSeconds: number
  outputBytes: number
  /** How the launcher ran the command (its GRADSHEET_LAUNCH_TRACE line). */
  launched: string
}

/** Runs `gradsheet eval FILE …options` and reports its peak memory; `source`: through tsx rather than the bundle. */
export async function measureCliMemory(file: string, cells: number, options: string[] = [], source = false): Promise<CliMemory> {
  const t0 = performance.now()
  const env = { ...process.env, GRADSHEET_LAUNCH_TRACE: '1', ...(source ? { GRADSHEET_SOURCE: '1' } : {}) }
  const child = spawn(process.execPath, [CLI, 'eval', file, ...options], { stdio: ['ignore', 'pipe', 'pipe'], env })
  let outputBytes = 0
  child.stdout.on('data', (chunk: Buffer) => void (outputBytes += chunk.length))
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk))
  let last = { peak: 0, cpu: 0 }
  const poll = setInterval(() => {
    const now = sample(child.pid!)
    if (now.peak > 0) last = { peak: Math.max(last.peak, now.peak), cpu: now.cpu }
  }, 20)
  // VmHWM is a high-water mark, so the last reading before exit is the peak; `exit` fires before the process is reaped.
  const exitCode = await new Promise<number | null>((done) => {
    child.on('exit', (code) => {
      const now = sample(child.pid!)
      if (now.peak > 0) last = { peak: Math.max(last.peak, now.peak), cpu: now.cpu }
      done(code)
    })
  })
  clearInterval(poll)
  const launched = /gradsheet: running (.*)/.exec(stderr)?.[1] ?? '?'
  for (const line of stderr.split('\n')) if (line !== '' && !line.startsWith('gradsheet: running ')) console.error(line)
  return {
    cells, fileBytes: statSync(file).size, peakBytes: last.peak, bytesPerCell: last.peak / cells, exitCode,
    ms: performance.now() - t0, cpuSeconds: last.cpu, outputBytes, launched,
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const dash = args.indexOf('--')
  const own = dash >= 0 ? args.slice(0, dash) : args
  const extra = dash >= 0 ? args.slice(dash + 1) : []
  const flag = (name: string) => own.includes(name)
  const runsAt = own.indexOf('--runs')
  const runs = runsAt >= 0 ? Number(own[runsAt + 1]) : 5
  const positional = own.filter((a, i) => !a.startsWith('--') && (runsAt < 0 || i !== runsAt + 1))
  const workload = workloadById(positional[0] ?? 'chain')
  const n = Number(positional[1] ?? 1_000_000)
  if (!workload || !Number.isInteger(n) || n < 2 || !Number.isInteger(runs) || runs < 1) {
    console.error('usage: npx tsx bench/cli-memory.ts [chain|fan-in|stencil|regression|mixed] [N] [--runs K] [--ab | --source] [-- eval options]')
    process.exit(2)
  }
  const ways = flag('--ab') ? [false, true] : [flag('--source')]
  // What `npx gradsheet` runs after `npm ci` is the bundle: measure that, not a fallback to the sources.
  if (ways.includes(false)) {
    const fresh = freshBundle()
    if (fresh.entry === null) {
      console.log(`building the command's bundle first (${fresh.reason})`)
      await buildBundle()
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'gradsheet-cli-memory-'))
  try {
    const file = join(dir, `${workload.id}-${n}.gradsheet`)
    const doc = buildDocument(workload, n)
    const cells = Object.keys(doc.sheets[0].cells).length
    writeFileSync(file, JSON.stringify(doc))
    const mb = (b: number) => (b / 1e6).toFixed(0)
    console.log(`gradsheet eval ${[workload.id, ...extra].join(' ')}: ${cells} cells, file ${mb(statSync(file).size)} MB, target ≤ 500 B/cell`)
    const results = new Map<boolean, CliMemory[]>(ways.map((w) => [w, []]))
    for (let run = 0; run < runs; run++) {
      for (const source of ways) {
        const r = await measureCliMemory(file, cells, extra, source)
        results.get(source)!.push(r)
        console.log(`  ${source ? 'source' : 'launcher'} run ${run + 1}: peak ${mb(r.peakBytes)} MB = ${r.bytesPerCell.toFixed(0)} B/cell, CPU ${r.cpuSeconds.toFixed(1)} s, wall ${(r.ms / 1000).toFixed(1)} s, exit ${r.exitCode}, output ${mb(r.outputBytes)} MB (${r.launched})`)
      }
    }
    for (const [source, rs] of results) {
      const peaks = rs.map((r) => r.peakBytes)
      console.log(`${source ? 'source' : 'launcher'}: peak median ${mb(median(peaks))} MB, max ${mb(Math.max(...peaks))} MB, min ${mb(Math.min(...peaks))} MB; CPU median ${median(rs.map((r) => r.cpuSeconds)).toFixed(1)} s; wall median ${(median(rs.map((r) => r.ms)) / 1000).toFixed(1)} s (${rs.length} runs)`)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) void main()

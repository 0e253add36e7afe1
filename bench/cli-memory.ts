// Peak memory of `gradsheet eval` on a large workbook (issue 12: ≤ 500 B/cell at 1M
// cells). Writes a workload's .gradsheet file (default: the 1M-cell chain) to a temp
// directory, runs the CLI on it as a child process exactly as a user would (output to a
// file, then discarded), and reads the child's peak resident memory: VmHWM from
// /proc/PID/status, polled while it runs (Linux), so the figure covers the JSON text, the
// parsed and restored document, the engine and the printed report together.
// Usage: npx tsx bench/cli-memory.ts [WORKLOAD] [N] [-- extra gradsheet eval options, e.g. --json]
import { spawn } from 'node:child_process'
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { buildDocument } from './workloads/document.ts'
import { workloadById } from './workloads/index.ts'

const HERE = resolve(import.meta.dirname)
const CLI = join(HERE, '..', 'cli', 'bin', 'gradsheet.mjs')

/** Peak resident set (VmHWM) of a running process in bytes, or 0 when /proc cannot tell. */
function peakRss(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) * 1024 : 0
  } catch {
    return 0
  }
}

export interface CliMemory {
  cells: number
  fileBytes: number
  peakBytes: number
  bytesPerCell: number
  exitCode: number | null
  ms: number
}

/** Runs `gradsheet eval FILE …options` and reports its peak memory. */
export async function measureCliMemory(file: string, cells: number, options: string[] = []): Promise<CliMemory> {
  const dir = mkdtempSync(join(tmpdir(), 'gradsheet-cli-out-'))
  const out = createWriteStream(join(dir, 'out.txt'))
  const t0 = performance.now()
  const child = spawn(process.execPath, [CLI, 'eval', file, ...options], { stdio: ['ignore', 'pipe', 'inherit'] })
  child.stdout.pipe(out)
  let peak = 0
  const poll = setInterval(() => {
    peak = Math.max(peak, peakRss(child.pid!))
  }, 20)
  // VmHWM is a high-water mark, so the last reading before exit is the peak; `exit` fires before the process is reaped.
  const exitCode = await new Promise<number | null>((done) => {
    child.on('exit', (code) => {
      peak = Math.max(peak, peakRss(child.pid!))
      done(code)
    })
  })
  clearInterval(poll)
  await new Promise((done) => out.close(done))
  rmSync(dir, { recursive: true, force: true })
  return { cells, fileBytes: statSync(file).size, peakBytes: peak, bytesPerCell: peak / cells, exitCode, ms: performance.now() - t0 }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const dash = args.indexOf('--')
  const own = dash >= 0 ? args.slice(0, dash) : args
  const extra = dash >= 0 ? args.slice(dash + 1) : []
  const workload = workloadById(own[0] ?? 'chain')
  const n = Number(own[1] ?? 1_000_000)
  if (!workload || !Number.isInteger(n) || n < 2) {
    console.error('usage: npx tsx bench/cli-memory.ts [chain|fan-in|stencil|regression|mixed] [N] [-- eval options]')
    process.exit(2)
  }
  const dir = mkdtempSync(join(tmpdir(), 'gradsheet-cli-memory-'))
  try {
    const file = join(dir, `${workload.id}-${n}.gradsheet`)
    const doc = buildDocument(workload, n)
    const cells = Object.keys(doc.sheets[0].cells).length
    writeFileSync(file, JSON.stringify(doc))
    const r = await measureCliMemory(file, cells, extra)
    const mb = (b: number) => (b / 1e6).toFixed(0)
    console.log(`gradsheet eval ${[workload.id, ...extra].join(' ')}: ${cells} cells, file ${mb(r.fileBytes)} MB, peak RSS ${mb(r.peakBytes)} MB = ${r.bytesPerCell.toFixed(0)} B/cell (target ≤ 500), exit ${r.exitCode}, ${(r.ms / 1000).toFixed(1)} s`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) void main()

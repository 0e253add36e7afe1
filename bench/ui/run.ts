// `npm run bench:ui`: the app's responsiveness on large workbooks (issues 3 and 12).
// Drives the real app (the same launch path as the e2e suite) and measures
//  - open → first paint (1M chain): from the page's navigation start to the frame in which
//    the grid first shows a computed value, with the worker's own load time beside it;
//  - edit-to-display: from the Enter keydown that commits a new input to the frame in
//    which every visible cell shows its new value, A1 its new gradient and the status bar the new J
//    (100k and 1M chains), with where the time went (worker, reply parse, store); at 1M also
//    with a 2 s pause before each Enter, as a person types, so that it meets the hot-exit backup;
//  - scrolling (100k): frame-to-frame times while the grid scrolls, once the edits' views have settled
//    and right after an edit (while the views of the cells off screen are still being pulled).
// Figures go to stdout and into bench/RESULTS.md between the ui markers.
// `npm run bench:ui -- --sizes 100k` runs one size.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadavg } from 'node:os'
import { launchApp } from '../../e2e/support/launch.ts'
import { tempDir } from '../../e2e/support/files.ts'
import { describeTarget, repoRoot } from '../../e2e/support/target.ts'
import { chain } from '../workloads/chain.ts'
import { buildDocument } from '../workloads/document.ts'
import { editToDisplay, firstPaint, installProbes, readyToMeasure, scrollFrames, settle, type EditTiming } from './probes.ts'

const EDITS = 7
/** 1M: edits after a pause in which the hot-exit backup starts. */
const PAUSED_EDITS = 5
const PAUSE_MS = 2000

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

const load = () => loadavg().map((x) => x.toFixed(1)).join(', ')
const row = (label: string, value: string, target: string, ok: boolean) => `| ${label} | ${value} | ${target} | ${ok ? '✓' : '✗'} |`
const ms = (x: number) => `${x.toFixed(0)} ms`

function editRows(size: string, edits: EditTiming[], target: number, what: string): string[] {
  const total = edits.map((e) => e.total)
  const m = median(total)
  const part = (pick: (e: EditTiming) => number) => ms(median(edits.map(pick)))
  return [
    row(`${size}: Enter → ${what}, median`, `${ms(m)} (all: ${total.map((t) => t.toFixed(0)).join(', ')})`, `≤ ${target} ms (issue 12)`, m <= target),
    `| ${size}: of which the worker, median | ${part((e) => e.workerMs)} (the engine's apply ${part((e) => e.engineMs)}, views and owed queue ${part((e) => e.workerMs - e.engineMs)}) | | |`,
    `| ${size}: of which parsing the reply on the UI thread, median | ${part((e) => e.parseMs)} (${Math.round(median(edits.map((e) => e.chars)) / 1000)} kB) | | |`,
    `| ${size}: of which applying it to the store, median | ${part((e) => e.storeMs)} | | |`,
  ]
}

async function run100k(file: string): Promise<string[]> {
  const app = await launchApp(file)
  try {
    const { page } = app
    await readyToMeasure(page)
    const edits: EditTiming[] = []
    for (let i = 0; i < EDITS; i++) edits.push(await editToDisplay(page, String(0.25 + i * 0.01)))
    console.log('100k edits', edits)
    await settle(page)
    const wheel = await scrollFrames(page, 180, 120)
    await settle(page)
    const jumps = await scrollFrames(page, 180, 'page')
    // Right after an edit: the views of the cells off screen are still owed and being pulled.
    await settle(page)
    await editToDisplay(page, '0.5')
    const afterEdit = await scrollFrames(page, 180, 120)
    return [
      ...editRows('100k', edits, 50, 'visible cells and J in the status bar'),
      row('100k: scrolling 120 px a frame (wheel), longest frame', `${ms(wheel.max)} (p95 ${ms(wheel.p95)} over ${wheel.count} frames)`, '≤ 50 ms', wheel.max <= 50),
      row('100k: scrolling a screen a frame (scrollbar drag), longest frame', `${ms(jumps.max)} (p95 ${ms(jumps.p95)} over ${jumps.count} frames)`, '≤ 50 ms', jumps.max <= 50),
      row('100k: scrolling 120 px a frame right after an edit (views still owed), longest frame', `${ms(afterEdit.max)} (p95 ${ms(afterEdit.p95)} over ${afterEdit.count} frames)`, '≤ 50 ms', afterEdit.max <= 50),
    ]
  } finally {
    await app.close()
  }
}

async function run1M(file: string): Promise<string[]> {
  const app = await launchApp(file)
  try {
    const { page } = app
    const open = await firstPaint(page)
    console.log('1M open', open)
    await installProbes(page)
    await settle(page)
    const edits: EditTiming[] = []
    for (let i = 0; i < EDITS; i++) edits.push(await editToDisplay(page, String(0.25 + i * 0.01)))
    console.log('1M edits', edits)
    // As a person types: a pause after each edit, long enough for the hot-exit backup to
    // start (app/document-controller.ts: after 0.5 s without typing), so the Enter meets it.
    const paused: EditTiming[] = []
    for (let i = 0; i < PAUSED_EDITS; i++) {
      await page.waitForTimeout(PAUSE_MS)
      paused.push(await editToDisplay(page, String(0.5 + i * 0.01)))
    }
    console.log('1M edits after a pause', paused)
    return [
      row('1M: open → first paint with values', `${ms(open.total)} (worker's load ${ms(open.workerMs)}, reply ${Math.round(open.chars / 1000)} kB, ${open.views} views, ${open.owed} owed)`, '≤ 5 s (issue 12)', open.total <= 5000),
      ...editRows('1M', edits, 150, 'visible cells and gradients'),
      ...editRows(`1M, ${PAUSE_MS / 1000} s pause before each (the backup is being written)`, paused, 150, 'visible cells and gradients'),
    ]
  } finally {
    await app.close()
  }
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--sizes')
  const sizes = at >= 0 ? process.argv[at + 1].split(',') : ['100k', '1M']
  if (process.env.GRADSHEET_SKIP_BUILD !== '1') {
    const built = spawnSync(join(repoRoot, 'node_modules', '.bin', 'electron-vite'), ['build'], { stdio: 'inherit' })
    if (built.status !== 0) throw new Error('the app did not build')
  }
  console.log(describeTarget())
  const rows: string[] = []
  const loads: string[] = []
  for (const size of sizes) {
    const cells = size === '1M' ? 1_000_000 : 100_000
    const file = join(tempDir(), `chain-${size}.gradsheet`)
    // Compact JSON: the 1M chain pretty-printed is 67 MB, over the 64 MB a workbook may have (node/file-store.ts).
    writeFileSync(file, JSON.stringify(buildDocument(chain, cells)))
    loads.push(`${size}: ${load()} before`)
    rows.push(...(size === '1M' ? await run1M(file) : await run100k(file)))
    loads.push(`${size}: ${load()} after`)
  }
  const lines = [
    '<!-- ui:start -->',
    '## The app: chains of 100k and 1M cells in the browser build (`npm run bench:ui`)',
    '',
    `- ${describeTarget()}`,
    `- Date: ${new Date().toISOString().slice(0, 16)}Z; ${EDITS} edits of A1 per size, every cell downstream changes`,
    `- Load average (1, 5, 15 min): ${loads.join('; ')} — other agents share the 2 cores`,
    '',
    '| measure | measured | target | |',
    '|---|---|---|---|',
    ...rows,
    '',
    'Open → first paint is timed in the page from navigation start (reading the file, starting',
    'the worker, the engine\'s load, the first views and the first render) to the frame where A2',
    'shows its value. Enter → display is timed in the page from the Enter keydown to the animation',
    'frame in which every visible cell (and J in the status bar) shows the new state (frame',
    'resolution, ~16 ms); its parts are User Timing marks the app sets (gs:apply-reply,',
    'gs:parse-applied, gs:apply-stored). Scrolling starts after the app reports it is idle,',
    'except the row "right after an edit", which starts in the frame the edit shows.',
    'Headless Chromium with software rendering (--disable-gpu) on a 2-core machine; analysis',
    'in docs/benchmarks.md ("The app at scale").',
    '<!-- ui:end -->',
  ]
  const section = lines.join('\n')
  console.log('\n' + section)
  const results = join(repoRoot, 'bench', 'RESULTS.md')
  const old = existsSync(results) ? readFileSync(results, 'utf8') : '# Benchmark results\n'
  const replaced = old.includes('<!-- ui:start -->')
    ? old.replace(/<!-- ui:start -->[\s\S]*<!-- ui:end -->/, section)
    : old.trimEnd() + '\n\n' + section + '\n'
  writeFileSync(results, replaced)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})

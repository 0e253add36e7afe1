// `npx tsx bench/ui/open-timeline.ts [--cells N] [--screenshot PNG]`: where every second of
// opening a large workbook goes in the web build, one run. bench:ui gives the total (navigation
// start → first paint); this prints the path's steps on one clock: the web server's start-up
// (spawn → its address printed), the page's request for the starting file (sent, first byte,
// last byte, parsed), the worker's share (restore, the engine's build and first pass, the first
// views), storing the snapshot and the first paint. Times come from the app's User Timing
// marks (App.tsx, document-controller.ts) and the browser's Resource Timing of the request.
// Needs a build (`npx electron-vite build`); the file is built with the bench's chain workload.
import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadavg } from 'node:os'
import { chromium } from '@playwright/test'
import { tempDir } from '../../e2e/support/files.ts'
import { CHROMIUM_ARGS, chromiumBinary, repoRoot } from '../../e2e/support/target.ts'
import { waitForUrl } from '../../e2e/support/launch.ts'
import { serializeDocument } from '../../engine/workbook/index.ts'
import { chain } from '../workloads/chain.ts'
import { buildDocument } from '../workloads/document.ts'

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name)
  return at >= 0 ? process.argv[at + 1] : undefined
}

async function main(): Promise<void> {
  const cells = Number(option('--cells') ?? 1_000_000)
  const shot = option('--screenshot')
  const dir = tempDir()
  const file = join(dir, `chain-${cells}.gradsheet`)
  writeFileSync(file, serializeDocument(buildDocument(chain, cells)))
  console.log(`chain of ${cells} cells; load average ${loadavg().map((x) => x.toFixed(1)).join(', ')}`)
  const spawned = performance.now()
  const child = spawn(process.execPath, [join(repoRoot, 'scripts', 'web.mjs'), '--port', '0', file], {
    cwd: repoRoot,
    env: { ...process.env, GRADSHEET_DATA_DIR: join(dir, 'data'), GRADSHEET_SKIP_BUILD: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const browser = await chromium.launch({ executablePath: chromiumBinary(), args: CHROMIUM_ARGS })
  try {
    const url = await waitForUrl(child, 120_000)
    console.log(`server start-up (spawn → address printed): ${(performance.now() - spawned).toFixed(0)} ms`)
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(url)
    const timeline = await (
      await page.waitForFunction(
        // No named inner functions: tsx would wrap them in a helper (__name) the page does not have.
        () => {
          if (!document.querySelector('[data-cell="A2"][data-value]')) return false
          const marks: Record<string, number> = {}
          for (const name of ['gs:initial-file-request', 'gs:initial-file-reply', 'gs:load-request', 'gs:load-reply', 'gs:load-stored']) {
            marks[name] = performance.getEntriesByName(name).at(-1)?.startTime ?? NaN
          }
          const request = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((r) => r.name.includes('/api/initialFile'))
          return {
            'page script starts, asks for the file': marks['gs:initial-file-request'],
            'request sent': request?.requestStart ?? NaN,
            'first byte of the reply (host read and check)': request?.responseStart ?? NaN,
            'last byte of the reply': request?.responseEnd ?? NaN,
            'reply parsed (bridge.initialFile resolves)': marks['gs:initial-file-reply'],
            'text posted to the worker': marks['gs:load-request'],
            'worker reply arrives': marks['gs:load-reply'],
            'snapshot stored': marks['gs:load-stored'],
            'first paint with values': performance.now(),
            worker: (performance.getEntriesByName('gs:load-reply').at(-1) as PerformanceMark | undefined)?.detail ?? null,
          }
        },
        undefined,
        { polling: 'raf', timeout: 600_000 },
      )
    ).jsonValue()
    const { worker, ...steps } = timeline as Record<string, number> & { worker: unknown }
    let last = 0
    for (const [step, t] of Object.entries(steps)) {
      console.log(`${t.toFixed(0).padStart(7)} ms  (+${(t - last).toFixed(0).padStart(5)})  ${step}`)
      last = t
    }
    console.log('worker:', JSON.stringify(worker))
    if (shot) await page.screenshot({ path: shot })
  } finally {
    await browser.close()
    child.kill('SIGTERM')
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})

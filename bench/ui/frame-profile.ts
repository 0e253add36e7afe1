// `npx tsx bench/ui/frame-profile.ts [--cells N] [--mode wheel|page|after-edit]`: what the
// long frames of a scroll are. Opens a chain in the web build, scrolls it as bench:ui does
// (120 px a frame, a screen a frame, or 120 px a frame right after an edit while views are
// still owed) under the V8 CPU profiler (Chrome DevTools Protocol), and prints each frame
// longer than 50 ms with the functions sampled during it (self time), plus the app's User
// Timing marks that fell in it. Needs a build (`npx electron-vite build`).
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadavg } from 'node:os'
import { launchApp } from '../../e2e/support/launch.ts'
import { tempDir } from '../../e2e/support/files.ts'
import { serializeDocument } from '../../engine/workbook/index.ts'
import { chain } from '../workloads/chain.ts'
import { buildDocument } from '../workloads/document.ts'
import { editToDisplay, readyToMeasure } from './probes.ts'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
}
interface Profile {
  nodes: ProfileNode[]
  startTime: number
  samples: number[]
  timeDeltas: number[]
}

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name)
  return at >= 0 ? process.argv[at + 1] : fallback
}

interface TraceEvent {
  name: string
  ph: string
  ts: number
  dur?: number
  tid: number
  args?: { data?: { frame?: string } }
}

/** Per long frame, the renderer main thread's top-level events longer than 2 ms (layout, paint, script, GC…). */
function printTrace(trace: { traceEvents: TraceEvent[] }, frames: { out: { start: number; end: number }[]; marks: { name: string; at: number }[] }): void {
  const probe = trace.traceEvents.find((e) => e.name === 'gs:probe-start')
  const pageProbe = frames.marks.find((m) => m.name === 'gs:probe-start')
  if (!probe || !pageProbe) return console.log('trace: no alignment mark')
  const main = trace.traceEvents.filter((e) => e.tid === probe.tid && e.ph === 'X' && (e.dur ?? 0) > 2000)
  const toPage = (ts: number) => pageProbe.at + (ts - probe.ts) / 1000
  for (const frame of frames.out.filter((f) => f.end - f.start > 50)) {
    const inside = main.filter((e) => toPage(e.ts) < frame.end && toPage(e.ts + (e.dur ?? 0)) > frame.start)
    console.log(`trace of frame ${(frame.end - frame.start).toFixed(0)} ms at ${frame.start.toFixed(0)}: ` + inside.map((e) => `${e.name} ${((e.dur ?? 0) / 1000).toFixed(0)} ms @${toPage(e.ts).toFixed(0)}`).join(', '))
  }
}

async function main(): Promise<void> {
  const cells = Number(option('--cells', '100000'))
  const mode = option('--mode', 'after-edit')
  const file = join(tempDir(), `chain-${cells}.gradsheet`)
  writeFileSync(file, serializeDocument(buildDocument(chain, cells)))
  const app = await launchApp(file)
  try {
    const { page } = app
    await readyToMeasure(page)
    if (mode === 'after-edit') await editToDisplay(page, '0.75') // the chain's A1 is 0.5: a new value, so every cell changes
    const browser = page.context().browser()
    const tracing = process.argv.includes('--trace') && browser
    if (tracing) await browser.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing', 'v8', 'disabled-by-default-devtools.timeline'] })
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
    await cdp.send('Profiler.start')
    const frames = await page.evaluate(async (by) => {
      const scroller = [...document.querySelectorAll<HTMLElement>('*')]
        .filter((el) => el.scrollHeight > el.clientHeight + 1000)
        .sort((a, b) => b.scrollHeight - a.scrollHeight)[0]
      const out: { start: number; end: number }[] = []
      performance.mark('gs:probe-start') // aligns the trace's clock with the page's
      let last = await new Promise<number>((r) => requestAnimationFrame(r))
      for (let i = 0; i < 180; i++) {
        scroller.scrollTop += by === 'page' ? scroller.clientHeight : 120
        const t = await new Promise<number>((r) => requestAnimationFrame(r))
        out.push({ start: last, end: t })
        last = t
      }
      const marks = performance.getEntriesByType('mark').filter((m) => m.startTime >= out[0].start).map((m) => ({ name: m.name, at: m.startTime }))
      return { out, marks, now: performance.now() }
    }, mode === 'page' ? 'page' : 'wheel')
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile }
    if (tracing) printTrace(JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }, frames)
    // Profile times are µs on the monotonic clock; the page's performance.now() at the end ≈ the profile's end.
    const profileEnd = profile.startTime + profile.timeDeltas.reduce((a, b) => a + b, 0)
    const toPage = (us: number) => frames.now - (profileEnd - us) / 1000
    const byId = new Map(profile.nodes.map((n) => [n.id, n]))
    const samples: { at: number; ms: number; name: string }[] = []
    let t = profile.startTime
    profile.samples.forEach((id, k) => {
      t += profile.timeDeltas[k]
      const f = byId.get(id)!.callFrame
      samples.push({ at: toPage(t), ms: (profile.timeDeltas[k + 1] ?? 0) / 1000, name: `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}` })
    })
    const durations = frames.out.map((f) => f.end - f.start).sort((a, b) => a - b)
    console.log(`${mode}, ${cells} cells, load ${loadavg().map((x) => x.toFixed(1)).join(', ')}: longest ${durations.at(-1)!.toFixed(0)} ms, p95 ${durations[Math.floor(durations.length * 0.95)].toFixed(0)} ms`)
    const total = new Map<string, number>()
    for (const frame of frames.out.filter((f) => f.end - f.start > 50)) {
      const inside = samples.filter((s) => s.at >= frame.start && s.at < frame.end)
      const self = new Map<string, number>()
      for (const s of inside) self.set(s.name, (self.get(s.name) ?? 0) + s.ms)
      for (const [k, v] of self) total.set(k, (total.get(k) ?? 0) + v)
      const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${v.toFixed(0)} ms ${k}`)
      const marks = frames.marks.filter((m) => m.at >= frame.start && m.at < frame.end).map((m) => m.name)
      console.log(`frame ${(frame.end - frame.start).toFixed(0)} ms at ${frame.start.toFixed(0)}: ${marks.join(' ')}\n  ${top.join('\n  ')}`)
    }
    console.log('long frames together:\n  ' + [...total].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${v.toFixed(0)} ms ${k}`).join('\n  '))
  } finally {
    await app.close()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})

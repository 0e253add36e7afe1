// In-page measurements for bench:ui. Timing happens inside the page (performance.now),
// so Playwright's own round trips are not counted.
import type { Page } from '@playwright/test'

declare global {
  interface Window {
    __gsEnterAt?: number
  }
}

export async function installProbes(page: Page): Promise<void> {
  await page.evaluate(() => {
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') window.__gsEnterAt = performance.now()
    }, true)
  })
}

/** One edit's Enter → display time and where it went (the app's User Timing marks, document-controller.ts / engine-client.ts). */
export interface EditTiming {
  total: number
  /** The worker's own time: the engine's update and the views it built. */
  workerMs: number
  /** Of workerMs, the engine's apply. */
  engineMs: number
  /** JSON.parse of the reply on the UI thread. */
  parseMs: number
  /** From the reply in hand to the store updated. */
  storeMs: number
  /** Size of the reply (characters of JSON). */
  chars: number
}

/** Sets A1 to `input` through the name box and the keyboard; returns ms until every visible cell and J in the status bar show the new state. */
export async function editToDisplay(page: Page, input: string): Promise<EditTiming> {
  const nameBox = page.getByLabel('Name box')
  await nameBox.fill('A1')
  await nameBox.press('Enter')
  // The visible cells, plus J in the status bar (pseudo-cell '=J', when the workbook has an objective).
  const before = await page.evaluate(() => {
    const cells = [...document.querySelectorAll<HTMLElement>('[data-cell][data-value]')].map((el) => [el.dataset.cell!, el.dataset.value!, el.dataset.grad ?? ''])
    const j = document.querySelector<HTMLElement>('.status-objective')?.title
    return j ? [...cells, ['=J', j, '']] : cells
  })
  await page.keyboard.type(input)
  await page.keyboard.press('Enter')
  const handle = await page.waitForFunction(
    (old: string[][]) => {
      const now = new Map([...document.querySelectorAll<HTMLElement>('[data-cell][data-value]')].map((el) => [el.dataset.cell!, el]))
      for (const [cell, value, grad] of old) {
        if (cell === '=J') {
          if (document.querySelector<HTMLElement>('.status-objective')?.title === value) return false
          continue
        }
        const el = now.get(cell)
        if (!el || el.dataset.value === value) return false
        if (cell === 'A1' && el.dataset.grad === grad) return false
      }
      const total = performance.now() - (window.__gsEnterAt ?? 0)
      const reply = performance.getEntriesByName('gs:apply-reply').at(-1) as PerformanceMark | undefined
      const stored = performance.getEntriesByName('gs:apply-stored').at(-1)
      const parse = performance.getEntriesByName('gs:parse-applied').at(-1) as PerformanceMeasure | undefined
      const detail = (reply?.detail ?? {}) as { workerMs?: number; engineMs?: number }
      return {
        total,
        workerMs: detail.workerMs ?? NaN,
        engineMs: detail.engineMs ?? NaN,
        parseMs: parse?.duration ?? NaN,
        storeMs: reply && stored ? stored.startTime - reply.startTime : NaN,
        chars: ((parse?.detail ?? {}) as { chars?: number }).chars ?? NaN,
      }
    },
    before,
    { polling: 'raf', timeout: 300_000 },
  )
  return (await handle.jsonValue()) as EditTiming
}

export interface OpenTiming {
  /** Navigation start → the frame where A2 first shows a value. */
  total: number
  /** The worker's load (parse, engine build and first pass, the first views). */
  workerMs: number
  chars: number
  views: number
  owed: number
}

/** Waits for the first computed value on screen after the page opened its workbook; times it from navigation start. */
export async function firstPaint(page: Page): Promise<OpenTiming> {
  const handle = await page.waitForFunction(
    () => {
      if (!document.querySelector('[data-cell="A2"][data-value]')) return false
      const reply = performance.getEntriesByName('gs:load-reply').at(-1) as PerformanceMark | undefined
      const parse = performance.getEntriesByName('gs:parse-loaded').at(-1) as PerformanceMeasure | undefined
      const detail = (reply?.detail ?? {}) as { workerMs?: number; views?: number; owed?: number }
      return {
        total: performance.now(),
        workerMs: detail.workerMs ?? NaN,
        chars: ((parse?.detail ?? {}) as { chars?: number }).chars ?? NaN,
        views: detail.views ?? NaN,
        owed: detail.owed ?? NaN,
      }
    },
    undefined,
    { polling: 'raf', timeout: 600_000 },
  )
  return (await handle.jsonValue()) as OpenTiming
}

export interface FrameStats {
  count: number
  max: number
  p95: number
}

/**
 * Waits until the app says it is not computing, then 5 s more: after an edit of 100k
 * cells the worker's change list is still streaming in (in parts, visible cells first)
 * and being collected for a few seconds; scrolling is timed in the steady state after.
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => !/computing/i.test(document.querySelector('[role="status"]')?.textContent ?? ''), undefined, { timeout: 120_000 })
  await page.waitForTimeout(5000)
}

/**
 * Scrolls the grid's scroller by `step` pixels per animation frame ('page': one screen,
 * like dragging the scrollbar; a number: like a mouse wheel) and times the frames.
 */
export async function scrollFrames(page: Page, frames: number, step: number | 'page'): Promise<FrameStats> {
  return page.evaluate(async ([n, by]) => {
    const scroller = [...document.querySelectorAll<HTMLElement>('*')]
      .filter((el) => el.scrollHeight > el.clientHeight + 1000)
      .sort((a, b) => b.scrollHeight - a.scrollHeight)[0]
    if (!scroller) throw new Error('no scrolling grid found')
    const deltas: number[] = []
    let last = await new Promise<number>((r) => requestAnimationFrame(r))
    for (let i = 0; i < n; i++) {
      scroller.scrollTop += by === 'page' ? scroller.clientHeight : by
      const t = await new Promise<number>((r) => requestAnimationFrame(r))
      deltas.push(t - last)
      last = t
    }
    const sorted = [...deltas].sort((a, b) => a - b)
    return { count: deltas.length, max: sorted[sorted.length - 1], p95: sorted[Math.floor(sorted.length * 0.95)] }
  }, [frames, step] as const)
}

/** Waits for the opened chain's first values, installs the probes and lets the app settle: where every measurement starts. */
export async function readyToMeasure(page: Page): Promise<void> {
  await page.locator('[data-cell="A2"][data-value]').waitFor({ timeout: 300_000 })
  await installProbes(page)
  await settle(page)
}

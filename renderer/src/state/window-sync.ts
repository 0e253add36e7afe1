// Keeps the store current behind a large edit or the windowed load of a large workbook. The edit's reply carries only the views of
// the grid's window; the worker owes the rest. While it does, this module
//  - pulls the owed views in small slices when the UI thread is idle (so typing the next
//    edit or scrolling never waits behind them), and
//  - each animation frame in which the visible window moved, asks for that window's
//    current views, so a scroll right after a large edit never shows old values.
// Every batch goes through the store's generation gate (state/generation.ts).
import { createEffect, onCleanup } from 'solid-js'
import type { EngineClient } from '../worker/engine-client'
import type { ViewportHint } from '../worker/protocol'
import type { WorkbookStore } from './workbook-store'

type WindowClient = Pick<EngineClient, 'streaming' | 'appliedCount' | 'pull' | 'window'>

/** Owed views per pull: small, so applying one slice fits in an idle period. */
export const PULL_SIZE = 2000

/** Pulling starts this long after the last edit's reply (and the last scroll), so edits typed in a row and scrolling never queue behind pulls. */
export const PULL_AFTER_MS = 300

/** Windows larger than this (a zoomed-out screen) are cut: the worker reads each cell. */
const MAX_WINDOW_CELLS = 20_000

function sameWindow(a: ViewportHint | undefined, b: ViewportHint | undefined): boolean {
  return !!a && !!b && a.sheet === b.sheet && a.rows[0] === b.rows[0] && a.rows[1] === b.rows[1] && a.cols[0] === b.cols[0] && a.cols[1] === b.cols[1]
}

function bounded(hint: ViewportHint): ViewportHint {
  const cols = Math.min(hint.cols[1] - hint.cols[0] + 1, MAX_WINDOW_CELLS)
  const rows = Math.max(1, Math.min(hint.rows[1] - hint.rows[0] + 1, Math.floor(MAX_WINDOW_CELLS / cols)))
  return { sheet: hint.sheet, rows: [hint.rows[0], hint.rows[0] + rows - 1], cols: [hint.cols[0], hint.cols[0] + cols - 1] }
}

const whenIdle: (run: () => void) => void =
  typeof requestIdleCallback === 'function' ? (run) => void requestIdleCallback(run) : (run) => void setTimeout(run, 16)

export function createWindowSync(store: WorkbookStore, client: WindowClient, visibleHint: () => ViewportHint | undefined): void {
  let pulling = false
  let lastEditAt = 0
  // The last frame in which the visible window moved: pulls wait for scrolling to pause too,
  // so a scroll right after a large edit never shares its frames with applying pulled views
  // (measured: 100–350 ms frames while 100k owed views were pulled during a scroll).
  let lastMovedAt = 0
  function pullWhenIdle(): void {
    if (pulling || client.streaming() === 0) return
    pulling = true
    const wait = Math.max(lastEditAt, lastMovedAt) + PULL_AFTER_MS - performance.now()
    if (wait > 0) {
      setTimeout(() => {
        pulling = false
        pullWhenIdle()
      }, wait)
      return
    }
    whenIdle(() => {
      void client.pull(PULL_SIZE).then((res) => {
        pulling = false
        if (res.type === 'refreshed') store.applyCells(res.cells, res.generation, res.remaining)
        pullWhenIdle()
      })
    })
  }

  createEffect(() => {
    client.appliedCount()
    lastEditAt = performance.now()
  })

  let asked: ViewportHint | undefined
  let inFlight = false
  createEffect(() => {
    if (client.streaming() === 0) {
      asked = undefined
      return
    }
    pullWhenIdle()
    // The window the last edit's reply covered counts as asked.
    asked ??= visibleHint()
    let frame = requestAnimationFrame(function check() {
      const now = visibleHint()
      if (now && !inFlight && !sameWindow(now, asked)) {
        asked = now
        lastMovedAt = performance.now()
        inFlight = true
        void client.window(bounded(now)).then((res) => {
          inFlight = false
          if (res.type === 'window') store.applyCells(res.cells, res.generation)
        })
      }
      frame = requestAnimationFrame(check)
    })
    onCleanup(() => cancelAnimationFrame(frame))
  })
}

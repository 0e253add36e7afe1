// Keeps the grid's window current while an edit's views stream in behind it: the streamed
// views go into the store (through its generation gate), and while views are still owed,
// each animation frame in which the visible window moved asks the worker for that
// window's current views, so a scroll right after a large edit never shows old values.
import { createEffect, onCleanup } from 'solid-js'
import type { EngineClient } from '../worker/engine-client'
import type { ViewportHint } from '../worker/protocol'
import type { WorkbookStore } from './workbook-store'

type WindowClient = Pick<EngineClient, 'streaming' | 'setRefreshListener' | 'window'>

function sameWindow(a: ViewportHint | undefined, b: ViewportHint | undefined): boolean {
  return !!a && !!b && a.sheet === b.sheet && a.rows[0] === b.rows[0] && a.rows[1] === b.rows[1] && a.cols[0] === b.cols[0] && a.cols[1] === b.cols[1]
}

/** Windows larger than this (a zoomed-out screen) are cut: the worker reads each cell. */
const MAX_WINDOW_CELLS = 20_000

function bounded(hint: ViewportHint): ViewportHint {
  const cols = hint.cols[1] - hint.cols[0] + 1
  const rows = Math.max(1, Math.min(hint.rows[1] - hint.rows[0] + 1, Math.floor(MAX_WINDOW_CELLS / Math.max(1, cols))))
  return { sheet: hint.sheet, rows: [hint.rows[0], hint.rows[0] + rows - 1], cols: [hint.cols[0], Math.min(hint.cols[1], hint.cols[0] + MAX_WINDOW_CELLS - 1)] }
}

export function createWindowSync(store: WorkbookStore, client: WindowClient, visibleHint: () => ViewportHint | undefined): void {
  client.setRefreshListener((cells, generation) => void store.applyCells(cells, generation))
  let asked: ViewportHint | undefined
  let inFlight = false
  createEffect(() => {
    if (client.streaming() === 0) {
      asked = undefined
      return
    }
    // The window the last edit's reply covered counts as asked.
    asked ??= visibleHint()
    let frame = requestAnimationFrame(function check() {
      const now = visibleHint()
      if (now && !inFlight && !sameWindow(now, asked)) {
        asked = now
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

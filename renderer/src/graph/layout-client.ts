// The UI side of layout.worker.ts: one promise per layout. elk runs in the worker for
// graphs up to ELK_NODE_LIMIT nodes; bigger ones, a layout that takes longer than
// LAYOUT_TIMEOUT_MS (the worker is then stopped) or a failing worker get the plain
// layered layout, computed in place (linear time). The view is never left waiting.
import { layeredLayout } from './layered-layout'
import type { LayoutInput, LayoutResult } from './layout-types'

/** Above this many nodes elk's crossing minimisation takes seconds (measured: 300 nodes, 10–17 s here). */
export const ELK_NODE_LIMIT = 120
const LAYOUT_TIMEOUT_MS = 5000

let worker: Worker | null | undefined
let nextId = 1
const pending = new Map<number, { resolve: (r: LayoutResult) => void; input: LayoutInput; timer: ReturnType<typeof setTimeout> }>()

function settle(id: number, result: LayoutResult | null): void {
  const waiting = pending.get(id)
  if (!waiting) return
  pending.delete(id)
  clearTimeout(waiting.timer)
  waiting.resolve(result ?? layeredLayout(waiting.input))
}

/** Stops a stuck or broken worker; a fresh one is started for the next layout. */
function dropWorker(): void {
  worker?.terminate()
  worker = undefined
  for (const id of [...pending.keys()]) settle(id, null)
}

function layoutWorker(): Worker | null {
  if (worker !== undefined) return worker
  try {
    worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' })
    worker.onmessage = (e: MessageEvent<{ id: number; result: LayoutResult }>) => settle(e.data.id, e.data.result)
    worker.onerror = (e) => {
      e.preventDefault()
      dropWorker()
    }
  } catch {
    worker = null
  }
  return worker
}

export function layout(input: LayoutInput): Promise<LayoutResult> {
  if (input.nodes.length > ELK_NODE_LIMIT) return Promise.resolve(layeredLayout(input))
  const w = layoutWorker()
  if (!w) return Promise.resolve(layeredLayout(input))
  const id = nextId++
  return new Promise((resolve) => {
    pending.set(id, { resolve, input, timer: setTimeout(dropWorker, LAYOUT_TIMEOUT_MS) })
    w.postMessage({ id, input })
  })
}

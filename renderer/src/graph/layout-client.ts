// The UI side of layout.worker.ts: one promise per layout, the latest wins. Without a
// worker (tests), or if the worker fails, the plain layered layout runs in place.
import { layeredLayout } from './layered-layout'
import type { LayoutInput, LayoutResult } from './layout-types'

let worker: Worker | null | undefined
let nextId = 1
const pending = new Map<number, (r: LayoutResult) => void>()
const inputs = new Map<number, LayoutInput>()

function layoutWorker(): Worker | null {
  if (worker !== undefined) return worker
  try {
    worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' })
    worker.onmessage = (e: MessageEvent<{ id: number; result: LayoutResult }>) => {
      pending.get(e.data.id)?.(e.data.result)
      pending.delete(e.data.id)
      inputs.delete(e.data.id)
    }
    worker.onerror = () => {
      // A broken worker: answer what is waiting in place, and stop using it.
      for (const [id, resolve] of pending) resolve(layeredLayout(inputs.get(id)!))
      pending.clear()
      inputs.clear()
      worker = null
    }
  } catch {
    worker = null
  }
  return worker
}

export function layout(input: LayoutInput): Promise<LayoutResult> {
  const w = layoutWorker()
  if (!w) return Promise.resolve(layeredLayout(input))
  const id = nextId++
  return new Promise((resolve) => {
    pending.set(id, resolve)
    inputs.set(id, input)
    w.postMessage({ id, input })
  })
}

// The UI side of the worker protocol: promise per request, in order, and a "busy" signal
// that turns on only when a reply takes longer than BUSY_AFTER_MS (no flicker).
import { createSignal } from 'solid-js'
import type { Edit } from '../../../engine/api'
import type { RequestBody, WorkerRequest, WorkerResponse } from './protocol'

const BUSY_AFTER_MS = 100

export type EngineClient = ReturnType<typeof createEngineClient>

export function createEngineClient(worker: Worker) {
  let nextId = 1
  const pending = new Map<number, (res: WorkerResponse) => void>()
  const [busy, setBusy] = createSignal(false)
  let busyTimer: ReturnType<typeof setTimeout> | undefined

  function refreshBusy(): void {
    if (pending.size === 0) {
      clearTimeout(busyTimer)
      busyTimer = undefined
      setBusy(false)
    } else if (busyTimer === undefined) {
      busyTimer = setTimeout(() => setBusy(pending.size > 0), BUSY_AFTER_MS)
    }
  }

  worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const resolve = pending.get(event.data.id)
    if (!resolve) return
    pending.delete(event.data.id)
    resolve(event.data)
    refreshBusy()
  }
  worker.onerror = (event: ErrorEvent) => {
    const error = `The engine stopped: ${event.message || 'unknown error'}`
    for (const [id, resolve] of pending) resolve({ id, type: 'failed', error })
    pending.clear()
    refreshBusy()
  }

  function request(body: RequestBody): Promise<WorkerResponse> {
    const id = nextId++
    return new Promise((resolve) => {
      pending.set(id, resolve)
      refreshBusy()
      worker.postMessage({ ...body, id } as WorkerRequest)
    })
  }

  return {
    busy,
    load: (text: string | null) => request({ type: 'load', text }),
    apply: (edits: Edit[]) => request({ type: 'apply', edits }),
    serialize: () => request({ type: 'serialize' }),
    snapshot: () => request({ type: 'snapshot' }),
  }
}

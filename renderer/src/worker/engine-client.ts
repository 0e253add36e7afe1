// The UI side of the worker protocol: promise per request, in order, and a "busy" signal
// that turns on only when a reply takes longer than BUSY_AFTER_MS (no flicker).
import { createSignal } from 'solid-js'
import type { Edit } from '../../../engine/api'
import type { TrainingSettings } from '../../../engine/train/settings'
import type { TrainOptions } from '../../../engine/train/loop'
import type { GraphScope } from '../../../engine/explain/types'
import type { RequestBody, ViewportHint, WorkerRequest, WorkerResponse } from './protocol'
import type { WorkerPort } from './supervised-worker'

type FinalResponse = Exclude<WorkerResponse, { type: 'trainProgress' }>
type ProgressListener = (res: Extract<WorkerResponse, { type: 'trainProgress' }>) => void

const BUSY_AFTER_MS = 100
/** Requests that only read views or badges for the store (window-sync.ts, graph/badge-window.ts), and the backup's text: never shown as "computing…". */
const QUIET = new Set<WorkerRequest['type']>(['pull', 'window', 'conventions'])
const isQuiet = (body: RequestBody): boolean => QUIET.has(body.type) || (body.type === 'serialize' && body.background === true)

export type EngineClient = ReturnType<typeof createEngineClient>

export function createEngineClient(worker: WorkerPort) {
  let nextId = 1
  const pending = new Map<number, { resolve: (res: FinalResponse) => void; onProgress?: ProgressListener; quiet: boolean }>()
  const [busy, setBusy] = createSignal(false)
  let busyTimer: ReturnType<typeof setTimeout> | undefined
  // How many changed cells' views the worker still owes after the last edit (state/window-sync.ts pulls them).
  const [streaming, setStreaming] = createSignal(0)
  /** Bumps with every 'applied' reply. */
  const [appliedCount, setAppliedCount] = createSignal(0)

  // Views pulled behind a large edit or load are not "computing": only other requests make the app busy.
  const working = () => [...pending.values()].some((p) => !p.quiet)
  function refreshBusy(): void {
    if (!working()) {
      clearTimeout(busyTimer)
      busyTimer = undefined
      setBusy(false)
    } else if (busyTimer === undefined) {
      busyTimer = setTimeout(() => {
        busyTimer = undefined
        setBusy(working())
      }, BUSY_AFTER_MS)
    }
  }

  worker.onmessage = (event: MessageEvent<string | WorkerResponse>) => {
    const arrived = performance.now()
    // JSON text, except a workbook's text or Blob, which come as an object (engine.worker.ts).
    const res = (typeof event.data === 'string' ? JSON.parse(event.data) : event.data) as WorkerResponse
    // bench:ui: when a load's or an edit's reply arrived and how long parsing it took.
    if (res.type === 'loaded' || res.type === 'applied') {
      performance.clearMeasures(`gs:parse-${res.type}`)
      performance.measure(`gs:parse-${res.type}`, { start: arrived, detail: { chars: typeof event.data === 'string' ? event.data.length : 0 } })
    }
    if (res.type === 'refreshed') setStreaming(res.remaining)
    // A large workbook's load (or snapshot) owes the views outside the window, pulled like those behind an edit.
    if (res.type === 'loaded' || res.type === 'snapshot') setStreaming(res.snapshot.streaming ?? 0)
    if (res.type === 'applied') {
      setStreaming(res.streaming)
      setAppliedCount((n) => n + 1)
    }
    const waiting = pending.get(res.id)
    if (!waiting) return
    if (res.type === 'trainProgress') return waiting.onProgress?.(res)
    pending.delete(res.id)
    waiting.resolve(res)
    refreshBusy()
  }
  // Once the worker has died (a script error, out of memory) every request fails at once
  // with the reason, instead of waiting forever for a reply.
  let deadReason: string | null = null
  worker.onerror = (event: ErrorEvent) => {
    const error = `The engine stopped: ${event.message || 'unknown error'}. Reload the window to continue.`
    deadReason = error
    for (const [id, waiting] of pending) waiting.resolve({ id, type: 'failed', error })
    pending.clear()
    refreshBusy()
  }

  function request(body: RequestBody, onProgress?: ProgressListener): Promise<FinalResponse> {
    const id = nextId++
    if (deadReason !== null) return Promise.resolve({ id, type: 'failed', error: deadReason })
    return new Promise((resolve) => {
      pending.set(id, { resolve, onProgress, quiet: isQuiet(body) })
      refreshBusy()
      worker.postMessage({ ...body, id } as WorkerRequest)
    })
  }

  return {
    busy,
    /** How many changed cells' views the worker still owes behind the last edit (0: the UI holds every view). */
    streaming,
    /** Counts edits' replies (window-sync waits a moment after each before pulling). */
    appliedCount,
    /** Up to `max` owed views (the UI asks when idle). */
    pull: (max: number) => request({ type: 'pull', max }),
    /** The current views of every cell in a window (a scroll while views are streaming in). */
    window: (window: ViewportHint) => request({ type: 'window', window }),
    /** The non-empty cells along a column or row (Ctrl+arrow while views are owed). */
    line: (sheet: string, vertical: boolean, index: number) => request({ type: 'line', sheet, vertical, index }),
    /** `visible`: the window on screen (its size decides how many views come with the reply; the rest stream in). */
    load: (text: string | null, visible?: ViewportHint) => request({ type: 'load', text, visible }),
    /** The reply carries the views of the changed cells in `visible`; the rest stream in (setRefreshListener). */
    apply: (edits: Edit[], visible?: ViewportHint) => request({ type: 'apply', edits, visible }),
    /** The workbook's text as of now (save, export); edits sent after it are answered while it is written. */
    serialize: () => request({ type: 'serialize' }),
    /** The same as a Blob (Save); `background`: never shown as "computing…" (the hot-exit backup, written while the person works). */
    serializeBlob: (background = false) => request({ type: 'serialize', form: 'blob', background }),
    snapshot: (visible?: ViewportHint) => request({ type: 'snapshot', visible }),
    /** Training (renderer/src/training): progress arrives through onProgress until the final 'trained'. */
    train: (options: TrainOptions, onProgress: ProgressListener) => request({ type: 'train', options }, onProgress),
    stopTraining: () => request({ type: 'trainStop' }),
    randomize: (seed: number) => request({ type: 'randomize', seed }),
    gradCheck: (cells?: { sheet: string; address: string }[]) => request({ type: 'gradCheck', cells }),
    trainingSettings: () => request({ type: 'trainingSettings' }),
    /** graph branch (issue 13): the panel's settings, stored in the workbook. */
    setTrainingSettings: (settings: TrainingSettings) => request({ type: 'setTrainingSettings', settings }),
    /** The graph view's requests (renderer/src/graph). */
    graph: (scope: GraphScope, limit?: number) => request({ type: 'graph', scope, limit }),
    explain: (sheet: string, address: string) => request({ type: 'explain', sheet, address }),
    conventions: (window?: ViewportHint) => request({ type: 'conventions', window }),
  }
}

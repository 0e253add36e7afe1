// The worker watchdog. It stands between the engine client and the engine worker and
// looks like a worker to the client. When the worker answers nothing for longer than a
// bound (a runaway computation), it terminates that worker, starts a fresh one, replays
// the last good document (the last text loaded or serialised, plus the edits the engine
// accepted since), fails the runaway request with a message that names what was stopped
// and keeps the user's input in it, and re-sends the requests queued behind it. The
// window never waits on the worker, so it stays responsive throughout.
import type { Edit } from '../../../engine/api'
import type { WorkerRequest, WorkerResponse } from './protocol'

/** What the engine client uses of a Worker. */
export interface WorkerPort {
  postMessage(message: unknown): void
  /** JSON text, or (a workbook's serialized text) the reply object itself (engine.worker.ts). */
  onmessage: ((event: MessageEvent<string | WorkerResponse>) => void) | null
  onerror: ((event: ErrorEvent) => void) | null
  terminate(): void
}

export interface WatchdogOptions {
  /** Silence allowed for an edit, a snapshot or a serialisation before the worker is restarted. */
  requestMs: number
  /** Silence allowed for a load, and for the replay after a restart (loading is legitimately slower). */
  loadMs: number
  /** Called after a restart with what the user is told (the runaway request also fails with it). */
  onRestart?: (message: string) => void
}

export const DEFAULT_WATCHDOG: WatchdogOptions = { requestMs: 20_000, loadMs: 120_000 }

type Sent = WorkerRequest & { startedAt?: number }

/** Replies that are not the end of their request (as in engine-client: every other reply is final). */
export const PARTIAL_REPLIES = new Set(['trainProgress'])

/** Replies are JSON text that begins with the id and type (see engine.worker.ts `reply`). */
const HEADER = /^\{"id":(-?\d+),"type":"(\w+)"/

const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`

/** The inputs a request would have set, so a stopped edit does not lose what was typed. */
export function describeStopped(req: WorkerRequest): string {
  if (req.type !== 'apply') return req.type === 'load' ? 'opening the workbook' : 'the engine’s last task'
  const inputs = req.edits.filter((e): e is Extract<Edit, { type: 'setInput' }> => e?.type === 'setInput')
  if (inputs.length === 0) return 'the last edit'
  const shown = inputs.slice(0, 3).map((e) => `${e.sheet}!${e.address} ← ${e.input}`)
  const more = inputs.length > 3 ? ` and ${inputs.length - 3} more cells` : ''
  return `the edit ${shown.join(', ')}${more}`
}

export function superviseWorker(make: () => WorkerPort, options: WatchdogOptions = DEFAULT_WATCHDOG): WorkerPort & { restarts(): number } {
  let worker = make()
  let restarts = 0
  let dead = false
  /** Requests sent to the current worker and not yet answered, oldest first. */
  const inFlight: Sent[] = []
  /** The last good document: text the engine loaded or produced, and the edits it accepted since (with their requests' ids). */
  let baseText: string | null = null
  let baseRaw: string | null = null
  let accepted: { id: number; edits: Edit[] }[] = []
  /** Internal replay requests use negative ids; their replies are not forwarded. */
  let replayId = 0
  let replaying = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  const port: WorkerPort & { restarts(): number } = {
    onmessage: null,
    onerror: null,
    postMessage(message: unknown) {
      const req = message as WorkerRequest
      inFlight.push(req)
      worker.postMessage(req)
      arm()
    },
    terminate() {
      clearTimeout(timer)
      worker.terminate()
    },
    restarts: () => restarts,
  }

  function limitFor(req: WorkerRequest | undefined): number {
    return replaying > 0 || req?.type === 'load' ? options.loadMs : options.requestMs
  }
  /**
   * The request the worker is busy with: replies come in order except a workbook's text,
   * written in slices while later requests are answered (text-job.ts), so the oldest other
   * request, or the text when there is none.
   */
  const oldestWaiting = (): WorkerRequest | undefined => inFlight.find((r) => r.type !== 'serialize') ?? inFlight[0]

  /** (Re)starts the silence timer while anything is outstanding. */
  function arm(): void {
    clearTimeout(timer)
    timer = undefined
    if (dead || (inFlight.length === 0 && replaying === 0)) return
    timer = setTimeout(onSilence, limitFor(oldestWaiting()))
  }

  function wire(w: WorkerPort): void {
    w.onmessage = (event) => {
      if (w !== worker) return
      const data = event.data
      const head = typeof data === 'string' ? HEADER.exec(data) : null
      // A reply sent as an object (a serialized workbook) names its id and type itself.
      const known = head !== null || (typeof data === 'object' && data !== null)
      const id = head ? Number(head[1]) : typeof data === 'object' && data !== null ? data.id : NaN
      const type = head ? head[2] : typeof data === 'object' && data !== null ? data.type : ''
      if (id < 0) {
        if (!PARTIAL_REPLIES.has(type)) replaying--
      } else if (known && !PARTIAL_REPLIES.has(type)) {
        const k = inFlight.findIndex((r) => r.id === id)
        if (k >= 0) remember(inFlight.splice(k, 1)[0], type, data)
      }
      arm()
      if (id >= 0 || !known) port.onmessage?.(event)
    }
    w.onerror = (event) => {
      if (w !== worker) return
      dead = true
      clearTimeout(timer)
      port.onerror?.(event)
    }
  }

  /** Keeps the replay log in step with what the engine has accepted. */
  function remember(req: WorkerRequest, type: string, raw: string | WorkerResponse): void {
    if (req.type === 'load' && type === 'loaded') {
      baseText = req.text
      baseRaw = null
      accepted = []
    } else if (req.type === 'apply' && type === 'applied') {
      // Refused edits change nothing, so replaying them is harmless (they are refused again).
      accepted.push({ id: req.id, edits: req.edits })
    } else if (req.type === 'train' && type === 'trained') {
      // A finished run moved the parameters: replay where it left them.
      accepted.push({ id: req.id, edits: (typeof raw === 'string' ? (JSON.parse(raw) as { redo: Edit[] }) : (raw as { redo: Edit[] })).redo })
    } else if (req.type === 'serialize' && type === 'serialized') {
      // Parsed only if a restart needs it: most serialisations are never replayed. (A
      // backup's Blob is no new base: its text cannot be read at once, and the log replays.)
      baseRaw = typeof raw === 'string' ? raw : null
      baseText = typeof raw === 'string' ? null : (raw as { text: string }).text
      // The text is the workbook as of its request: edits sent after it were answered
      // while it was written (text-job.ts) and are not in it, so they stay to be replayed.
      accepted = accepted.filter((a) => a.id > req.id)
    }
  }

  function replayText(): string | null {
    if (baseRaw !== null) {
      baseText = (JSON.parse(baseRaw) as { text: string }).text
      baseRaw = null
    }
    return baseText
  }

  function onSilence(): void {
    if (replaying > 0) return giveUp()
    const oldest = oldestWaiting()
    if (!oldest) return
    const stopped = inFlight.splice(inFlight.indexOf(oldest), 1)[0]
    const limit = limitFor(stopped)
    worker.onmessage = null
    worker.onerror = null
    worker.terminate()
    restarts++
    let fresh: WorkerPort
    try {
      fresh = make()
    } catch (err) {
      return giveUp(err)
    }
    worker = fresh
    wire(fresh)
    // Replay the last good document, then the requests that were waiting behind the runaway.
    const post = (req: WorkerRequest) => {
      replaying++
      fresh.postMessage(req)
    }
    post({ id: --replayId, type: 'load', text: replayText() })
    for (const { edits } of accepted) post({ id: --replayId, type: 'apply', edits })
    for (const req of inFlight) fresh.postMessage(req)
    const message =
      `The engine was stopped: ${describeStopped(stopped)} computed for more than ${seconds(limit)}. ` +
      'It was restarted from your last good state; that change was not applied.'
    // Plain objects stand in for events: the client reads only .data and .message.
    port.onmessage?.({ data: JSON.stringify({ id: stopped.id, type: 'failed', error: message }) } as MessageEvent<string>)
    options.onRestart?.(message)
    arm()
  }

  function giveUp(err?: unknown): void {
    dead = true
    clearTimeout(timer)
    worker.terminate()
    const why = err instanceof Error ? err.message : 'it did not come back after a restart'
    port.onerror?.({ message: `the engine could not be restarted (${why})` } as ErrorEvent)
  }

  wire(worker)
  return port
}

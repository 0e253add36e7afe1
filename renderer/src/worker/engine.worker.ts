// The engine's home in the app: a Web Worker, so long recomputes never freeze the grid.
// It owns the one Engine instance; the UI only ever sees snapshots and change lists.
import { createEngine } from '../../../engine/index'
import { restoreDocument } from '../../../engine/workbook/index'
import { writeInSlices } from './text-job'
import { PART_SIZE } from './change-parts'
import { RefreshQueue, cutByWindow, viewsOfWindow, withMargin } from './window-views'
import { applyAction } from './worker-inverse'
import { handleTraining } from '../training/worker-training'
import { answerExplain } from '../graph/worker-explain'
import type { Snapshot, ViewportHint, WorkerRequest, WorkerResponse } from './protocol'
import type { CellView } from '../../../engine/api'
import { filledAlong, layoutOfPositions, layoutOfViews, loadWindow, type WorkbookLayout } from './load-layout'
import { WIDTH_EDITS, columnWidthsOf } from './column-widths'

type Engine = ReturnType<typeof createEngine>

let engine: Engine | null = null
/** Counts updates (loads, applies): every view sent is tagged with the generation it was read at. */
let generation = 0
/** Changed cells outside the grid's window whose views are still owed to the UI. */
const owed = new RefreshQueue()

// Replies go as JSON text: for a 100k-cell change list, JSON.parse on the UI thread is
// several times cheaper than structured-clone deserialisation of 100k small objects.
// Engine numbers are finite (non-finite results are #NUM! errors), so JSON keeps them.
function reply(message: WorkerResponse): void {
  ;(self as unknown as Worker).postMessage(JSON.stringify(message))
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

/**
 * The UI's new starting point. A small workbook comes whole; a large one brings the
 * window's views, the figures, every sheet's extent and the names, and owes the rest
 * (pulled when the UI is idle, window-sync.ts): no CellView per cell on the load path.
 */
function snapshotOf(e: Engine, window: ViewportHint): Snapshot {
  // Everything owed before is superseded: the snapshot is the new starting point.
  owed.clear()
  const figures = e.apply([], { views: 'none' }).figures
  const base = { sheets: e.sheets(), objective: e.objective(), columns: columnWidthsOf(e), figures, generation }
  let all: CellView[] | undefined
  let layout: WorkbookLayout
  const found = e.positions?.()
  if (found) layout = layoutOfPositions(found.positions, found.names)
  else layout = layoutOfViews(base.sheets, (all = e.cells()))
  const { count, extents, names, positions } = layout
  if (count <= PART_SIZE) return { ...base, cells: all ?? e.cells(), extents, names, streaming: 0 }
  owed.push(positions)
  return { ...base, cells: viewsOfWindow(e, window), extents, names, streaming: owed.size }
}

/**
 * Restores a workbook's text and builds its engine; the engine, or why the text was
 * refused. In a function of its own so that the restored document (a million entry
 * objects at 1M cells) is garbage once the engine is built: when a full collection came
 * during the first views with the document still held by the caller's frame, marking it
 * took 315–388 ms of the 1M open; without it, 62–64 ms (docs/benchmarks.md, "Ninth session").
 */
function engineFromText(text: string): { engine: Engine | string; restoreMs: number } {
  const started = performance.now()
  const restored = restoreDocument(text)
  const restoreMs = performance.now() - started
  if (!restored.ok) return { engine: restored.error, restoreMs }
  return { engine: createEngine(restored.doc), restoreMs }
}

const NO_WINDOW: ViewportHint = { sheet: '', rows: [0, -1], cols: [0, -1] }

function handle(req: WorkerRequest): WorkerResponse {
  switch (req.type) {
    case 'load': {
      const started = performance.now()
      let next: Engine
      let restoreMs = 0
      if (req.text === null) {
        next = createEngine()
      } else {
        const made = engineFromText(req.text)
        restoreMs = made.restoreMs
        // The open workbook stays untouched when the file is invalid.
        if (typeof made.engine === 'string') return { id: req.id, type: 'loadFailed', error: made.engine }
        next = made.engine
      }
      const builtAt = performance.now()
      engine = next
      generation++
      const first = next.sheets()[0] ?? 'Sheet1'
      const snapshot = snapshotOf(next, loadWindow(first, req.visible))
      const done = performance.now()
      // bench:ui's open timeline: the restore step, the engine's build and first pass, the first views.
      const parts = { restoreMs, engineMs: builtAt - started - restoreMs, viewsMs: done - builtAt }
      return { id: req.id, type: 'loaded', snapshot, ms: done - started, parts }
    }
    case 'apply': {
      if (!engine) engine = createEngine()
      const started = performance.now()
      // Editing commands are expanded before their inverse is computed (one exact undo step each).
      // No CellView per changed cell: views for the window now, the rest owed (window-views.ts).
      const { changes, inverses } = applyAction(engine, req.edits, { views: 'none' })
      const engineMs = performance.now() - started
      generation++
      const { changed = [], unlisted = 0, ...list } = changes
      const few = unlisted <= PART_SIZE
      const { views, rest } = cutByWindow(engine, changed, req.visible && withMargin(req.visible), few)
      owed.push(rest)
      const ms = performance.now() - started
      const columns = req.edits.some((e) => WIDTH_EDITS.has(e.type)) ? columnWidthsOf(engine) : undefined
      return { id: req.id, type: 'applied', changes: { ...list, cells: views }, ms, engineMs, inverses, columns, generation, streaming: owed.size }
    }
    case 'pull': {
      if (!engine) engine = createEngine()
      const cells = owed.take(engine, Math.max(1, Math.min(req.max, PART_SIZE)))
      return { id: req.id, type: 'refreshed', cells, generation, remaining: owed.size }
    }
    case 'line': {
      if (!engine) engine = createEngine()
      return { id: req.id, type: 'line', filled: filledAlong(engine, req.sheet, req.vertical, req.index) }
    }
    case 'window': {
      if (!engine) engine = createEngine()
      return { id: req.id, type: 'window', cells: viewsOfWindow(engine, req.window), generation }
    }
    case 'snapshot': {
      if (!engine) engine = createEngine()
      const sheets = engine.sheets()
      const visible = req.visible && sheets.includes(req.visible.sheet) ? withMargin(req.visible) : sheets.length > 0 ? loadWindow(sheets[0]) : NO_WINDOW
      return { id: req.id, type: 'snapshot', snapshot: snapshotOf(engine, visible) }
    }
    case 'graph':
    case 'explain':
    case 'conventions':
      if (!engine) engine = createEngine()
      return answerExplain(engine, req)
    default:
      // Training requests (handleTraining) and 'serialize' (serialize, in slices) are answered before handle is called.
      return { id: req.id, type: 'failed', error: `the worker does not know the request "${req.type}"` }
  }
}

// The next slice of a workbook's text runs after the messages already waiting (an edit
// is answered between two slices), without setTimeout's 4 ms clamp between nested timers.
const slices = new MessageChannel()
const nextSlices: (() => void)[] = []
slices.port1.onmessage = () => nextSlices.shift()?.()
const later = (step: () => void): void => {
  nextSlices.push(step)
  slices.port2.postMessage(null)
}

/**
 * The workbook's text as of this request (save, export, backup), written in slices with
 * other requests answered between them (text-job.ts). The text goes as it is, not inside
 * JSON: escaping 52 MB here and unescaping it on the UI thread cost ~0.2 s each at 1M
 * cells. A Blob goes as a handle: its bytes are not copied.
 */
function serialize(req: Extract<WorkerRequest, { type: 'serialize' }>): void {
  engine ??= createEngine()
  writeInSlices(engine.textWriter(), req.form ?? 'text', { later, now: () => performance.now() }, (result) => {
    if ('error' in result) return reply({ id: req.id, type: 'failed', error: `Could not write the workbook: ${describe(result.error)}` })
    const { text } = result
    const res: WorkerResponse = typeof text === 'string' ? { id: req.id, type: 'serialized', text } : { id: req.id, type: 'serializedBlob', blob: text }
    ;(self as unknown as Worker).postMessage(res)
  })
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const req = event.data
  try {
    // Training answers asynchronously, in slices (renderer/src/training/worker-training.ts).
    if (handleTraining(req, () => (engine ??= createEngine()), reply)) return
    if (req.type === 'serialize') return serialize(req)
    reply(handle(req))
  } catch (err) {
    // The engine keeps errors as values; this is the last guard so the UI never hangs.
    const error = `The engine failed: ${describe(err)}`
    reply(req.type === 'load' ? { id: req.id, type: 'loadFailed', error } : { id: req.id, type: 'failed', error })
  }
}

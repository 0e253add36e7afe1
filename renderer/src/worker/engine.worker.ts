// The engine's home in the app: a Web Worker, so long recomputes never freeze the grid.
// It owns the one Engine instance; the UI only ever sees snapshots and change lists.
import { createEngine } from '../../../engine/index'
import { restoreDocument, serializeDocument } from '../../../engine/workbook/index'
import type { CellView } from '../../../engine/api'
import { splitChangeCells } from './change-parts'
import { applyAction } from './worker-inverse'
import { handleTraining } from '../training/worker-training'
import { answerExplain } from '../graph/worker-explain'
import type { Snapshot, ViewportHint, WorkerRequest, WorkerResponse } from './protocol'
import { WIDTH_EDITS, columnWidthsOf } from './column-widths'

type Engine = ReturnType<typeof createEngine>

let engine: Engine | null = null

// Replies go as JSON text: for a 100k-cell change list, JSON.parse on the UI thread is
// several times cheaper than structured-clone deserialisation of 100k small objects.
// Engine numbers are finite (non-finite results are #NUM! errors), so JSON keeps them.
function reply(message: WorkerResponse): void {
  ;(self as unknown as Worker).postMessage(JSON.stringify(message))
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

function snapshotOf(e: Engine): Snapshot {
  return { cells: e.cells(), sheets: e.sheets(), objective: e.objective(), columns: columnWidthsOf(e) }
}

/** Sends all but the last part of a long change list; returns the cells left for the final reply. */
function sendLeadingParts(id: number, cells: CellView[], hint: ViewportHint | undefined): CellView[] {
  const { leading, last } = splitChangeCells(cells, hint)
  for (const part of leading) reply({ id, type: 'appliedPart', cells: part })
  return last
}

function handle(req: WorkerRequest): WorkerResponse {
  switch (req.type) {
    case 'load': {
      const started = performance.now()
      let next: Engine
      if (req.text === null) {
        next = createEngine()
      } else {
        const restored = restoreDocument(req.text)
        // The open workbook stays untouched when the file is invalid.
        if (!restored.ok) return { id: req.id, type: 'loadFailed', error: restored.error }
        next = createEngine(restored.doc)
      }
      engine = next
      return { id: req.id, type: 'loaded', snapshot: snapshotOf(next), ms: performance.now() - started }
    }
    case 'apply': {
      if (!engine) engine = createEngine()
      const started = performance.now()
      // Editing commands are expanded before their inverse is computed (one exact undo step each).
      const { changes, inverses } = applyAction(engine, req.edits)
      const ms = performance.now() - started
      const last = sendLeadingParts(req.id, changes.cells, req.visible)
      const columns = req.edits.some((e) => WIDTH_EDITS.has(e.type)) ? columnWidthsOf(engine) : undefined
      return { id: req.id, type: 'applied', changes: { ...changes, cells: last }, ms, inverses, columns }
    }
    case 'snapshot': {
      if (!engine) engine = createEngine()
      return { id: req.id, type: 'snapshot', snapshot: snapshotOf(engine) }
    }
    case 'graph':
    case 'explain':
    case 'conventions':
      if (!engine) engine = createEngine()
      return answerExplain(engine, req)
    case 'serialize': {
      if (!engine) engine = createEngine()
      return { id: req.id, type: 'serialized', text: serializeDocument(engine.toDocument()) }
    }
    default:
      // Training requests are answered by handleTraining before handle is called.
      return { id: req.id, type: 'failed', error: `the worker does not know the request "${req.type}"` }
  }
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const req = event.data
  try {
    // Training answers asynchronously, in slices (renderer/src/training/worker-training.ts).
    if (handleTraining(req, () => (engine ??= createEngine()), reply)) return
    reply(handle(req))
  } catch (err) {
    // The engine keeps errors as values; this is the last guard so the UI never hangs.
    const error = `The engine failed: ${describe(err)}`
    reply(req.type === 'load' ? { id: req.id, type: 'loadFailed', error } : { id: req.id, type: 'failed', error })
  }
}

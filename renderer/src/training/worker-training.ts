// The worker's side of training: runs the engine/train loop in slices of about 50 ms,
// so progress goes out ~20 times a second and a Stop request is read between slices.
// After each slice one sync writes the parameters' inputs and lists every cell the
// slice's steps changed, so the grid receives one change list per progress message,
// not one per step.
import type { CellView } from '../../../engine/api'
import type { Engine } from '../../../engine/index'
import { gradientCheck } from '../../../engine/train/gradcheck'
import { createTrainer } from '../../../engine/train/loop'
import { randomizeEdits } from '../../../engine/train/random'
import type { WorkerRequest, WorkerResponse } from '../worker/protocol'
import { TRAINING_REQUESTS, type LossPoint, type TrainingRequest } from './protocol'

const SLICE_MS = 50

let running: { id: number; stop: boolean } | null = null

/** Handles a training request (true), or leaves the request to the worker (false). */
export function handleTraining(req: WorkerRequest, engineOf: () => Engine, reply: (res: WorkerResponse) => void): boolean {
  if (!TRAINING_REQUESTS.has(req.type)) return false
  const r = req as TrainingRequest
  const engine = engineOf()
  switch (r.type) {
    case 'train':
      if (running) reply({ id: r.id, type: 'failed', error: 'a training run is already going on' })
      else startRun(engine, r, reply)
      break
    case 'trainStop':
      if (running) running.stop = true
      reply({ id: r.id, type: 'trainStopping', running: running !== null })
      break
    case 'randomize': {
      const edits = randomizeEdits(engine, r.seed, r.scale ?? 1)
      reply('error' in edits ? { id: r.id, type: 'failed', error: edits.error } : { id: r.id, type: 'randomized', edits })
      break
    }
    case 'gradCheck': {
      const rows = gradientCheck(engine, r.cells, r.tolerance)
      reply('error' in rows ? { id: r.id, type: 'failed', error: rows.error } : { id: r.id, type: 'gradChecked', rows })
      break
    }
    case 'trainingSettings': {
      const extra = (engine.toDocument() as { training?: unknown }).training
      reply({ id: r.id, type: 'trainingSettings', settings: extra && typeof extra === 'object' ? (extra as never) : null })
      break
    }
  }
  return true
}

function startRun(engine: Engine, req: Extract<TrainingRequest, { type: 'train' }>, reply: (res: WorkerResponse) => void): void {
  const t = createTrainer(engine, req.options)
  if ('error' in t) return reply({ id: req.id, type: 'failed', error: t.error })
  const state = { id: req.id, stop: false }
  running = state
  let points: LossPoint[] = [[0, t.initialJ]]
  let cells = new Map<string, CellView>()
  let error: string | null = null
  const take = (list: CellView[]) => {
    for (const c of list) cells.set(`${c.sheet}!${c.address}`, c)
  }
  if (t.filled) take(t.filled.cells)
  const flush = () => {
    const out = { points, cells: [...cells.values()], objective: engine.objective() }
    points = []
    cells = new Map()
    return out
  }
  const slice = () => {
    const until = performance.now() + SLICE_MS
    try {
      while (!state.stop && t.done() < req.options.steps && performance.now() < until) {
        const r = t.step()
        if (r.changes) take(r.changes.cells)
        if (!r.ok) {
          error = r.message
          break
        }
        points.push([r.step, r.j])
      }
    } catch (err) {
      error = `training failed: ${err instanceof Error ? err.message : String(err)}`
    }
    // The steps ran on the engine's fast path: one apply writes the inputs and lists the cells.
    take(t.sync().cells)
    if (error !== null || state.stop || t.done() >= req.options.steps) {
      running = null
      const moved = t.changed()
      reply({
        id: req.id,
        type: 'trained',
        steps: t.done(),
        stopped: state.stop,
        error,
        ...flush(),
        undo: moved ? t.undoEdits : [],
        redo: moved ? t.currentEdits() : [],
      })
      return
    }
    reply({ id: req.id, type: 'trainProgress', ...flush() })
    setTimeout(slice, 0)
  }
  slice()
}

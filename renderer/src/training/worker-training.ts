// The worker's side of training: runs the engine/train loop in slices of about 50 ms,
// so progress goes out ~20 times a second and a Stop request is read between slices.
// After each slice one sync writes the parameters' inputs and lists every cell the
// slice's steps changed, so the grid receives one change list per progress message,
// not one per step.
import type { CellView, WorkbookFigures } from '../../../engine/api'
import type { Engine } from '../../../engine/index'
import { gradientCheck } from '../../../engine/train/gradcheck'
import { createTrainer } from '../../../engine/train/loop'
import { randomizeEdits } from '../../../engine/train/random'
import { trainingSettingsProblems } from '../../../engine/train/settings'
import type { WorkerRequest, WorkerResponse } from '../worker/protocol'
import { TRAINING_REQUESTS, type LossPoint, type TrainingRequest } from './protocol'

const SLICE_MS = 50
/** Points per progress message at most (see the stride in startRun). */
const MAX_POINTS_PER_MESSAGE = 200

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
    case 'setTrainingSettings': {
      // Only usable settings are stored, so a saved file always passes restore's check.
      const ok = trainingSettingsProblems(r.settings).length === 0 && typeof engine.setDocumentField === 'function'
      if (ok) engine.setDocumentField!('training', { method: r.settings.method, learningRate: r.settings.learningRate, steps: r.settings.steps, seed: r.settings.seed })
      reply({ id: r.id, type: 'trainingSettingsSet', stored: ok })
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
  const tracked = trackedElements(t.params)
  const pointOf = (step: number, j: number): LossPoint => {
    const theta = t.theta()
    return [step, j, ...tracked.map((e) => theta[e.index])]
  }
  const paramLabels = tracked.map((e) => e.label)
  let points: LossPoint[] = [pointOf(0, t.initialJ)]
  let cells = new Map<string, CellView>()
  let error: string | null = null
  // windowed: the engine's figures after the last sync, so the colour scale follows the run.
  let figures: WorkbookFigures | undefined
  const take = (list: CellView[]) => {
    for (const c of list) cells.set(`${c.sheet}!${c.address}`, c)
  }
  if (t.filled) take(t.filled.cells)
  let stride = 1
  let last: [number, number] | null = null
  const flush = () => {
    // The newest step is always in the message (the status line and the plot end there).
    if (last && points.at(-1)?.[0] !== last[0]) points.push(pointOf(last[0], last[1]))
    const out = { points, paramLabels, cells: [...cells.values()], objective: engine.objective(), figures }
    points = []
    cells = new Map()
    return out
  }
  const slice = () => {
    const until = performance.now() + SLICE_MS
    // Edits typed during the run were applied between slices: a parameter typed in counts.
    t.reread()
    try {
      while (!state.stop && t.done() < req.options.steps && performance.now() < until) {
        const r = t.step()
        if (r.changes) take(r.changes.cells)
        if (!r.ok) {
          error = r.message
          break
        }
        last = [r.step, r.j]
        // A fast model makes thousands of steps per slice: keep every stride-th, doubling
        // the stride when a message would carry too many, so progress stays small.
        if (r.step % stride === 0) points.push(pointOf(r.step, r.j))
        if (points.length > MAX_POINTS_PER_MESSAGE) {
          points = points.filter((_, i) => i % 2 === 1)
          stride *= 2
        }
      }
    } catch (err) {
      error = `training failed: ${err instanceof Error ? err.message : String(err)}`
    }
    // The steps ran on the engine's fast path: one apply writes the inputs and lists the cells.
    const synced = t.sync()
    take(synced.cells)
    figures = synced.figures ?? figures
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

/** At most this many parameter elements get a trajectory in the plot. */
export const MAX_TRACKED = 12

/** The parameter elements the plot can follow: "w", "b", "W[1,2]" …, up to MAX_TRACKED. */
export function trackedElements(set: { params: { label: string; shape: number[]; offset: number; size: number }[] }): { label: string; index: number }[] {
  const out: { label: string; index: number }[] = []
  for (const p of set.params)
    for (let i = 0; i < p.size && out.length < MAX_TRACKED; i++) {
      const at = p.shape.length === 2 ? `[${Math.floor(i / p.shape[1]) + 1},${(i % p.shape[1]) + 1}]` : p.shape.length === 1 ? `[${i + 1}]` : ''
      out.push({ label: p.label + at, index: p.offset + i })
    }
  return out
}

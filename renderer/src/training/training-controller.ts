// The training panel's state and actions: run (one undoable action through the document
// controller), stop, randomize parameters (seeded), gradient check, and the stored
// settings of a workbook. The worker does the work; this file moves results into the store.
import { batch, createSignal } from 'solid-js'
import type { CellView, ObjectiveState, WorkbookFigures } from '../../../engine/api'
import type { GradCheckRow } from '../../../engine/train/gradcheck'
import { MAX_STEPS, optionsProblem } from '../../../engine/train/loop'
import { METHODS, type Method } from '../../../engine/train/optimizers'
import type { DocumentController } from '../app/document-controller'
import type { SheetView } from '../app/sheet-view'
import { formatAddress } from '../model/address'
import type { WorkbookStore } from '../state/workbook-store'
import type { EngineClient } from '../worker/engine-client'
import type { LossPoint, TrainingSettings } from './protocol'
import { DEFAULT_TRAINING } from '../../../engine/train/settings'

export type TrainingController = ReturnType<typeof createTrainingController>

export const DEFAULT_SETTINGS: TrainingSettings = DEFAULT_TRAINING
/** The most points the loss plot holds. */
export const MAX_PLOTTED = 4000

const SETTING_NAMES: Record<keyof TrainingSettings, string> = { method: 'training method', learningRate: 'learning rate', steps: 'training steps', seed: 'seed' }

/** The undo label of a settings change: "Set learning rate to 0.01", or "Change training settings" for several at once. */
export function settingsLabel(keys: (keyof TrainingSettings)[], next: TrainingSettings): string {
  if (keys.length !== 1) return 'Change training settings'
  const key = keys[0]
  return `Set ${SETTING_NAMES[key]} to ${key === 'method' ? METHODS[next.method] : String(next[key])}`
}

/** Settings from a file's `training` field, each one kept only if it is usable. */
export function settingsFrom(raw: Partial<TrainingSettings> | null): TrainingSettings {
  const s = { ...DEFAULT_SETTINGS }
  if (!raw) return s
  if (raw.method === 'gd' || raw.method === 'momentum' || raw.method === 'adam') s.method = raw.method
  if (typeof raw.learningRate === 'number' && raw.learningRate > 0 && Number.isFinite(raw.learningRate)) s.learningRate = raw.learningRate
  if (Number.isInteger(raw.steps) && raw.steps! >= 1 && raw.steps! <= MAX_STEPS) s.steps = raw.steps!
  if (Number.isInteger(raw.seed)) s.seed = raw.seed!
  return s
}

export function createTrainingController(store: WorkbookStore, ctl: DocumentController, client: EngineClient, view: SheetView) {
  const [settings, setSettings] = createSignal<TrainingSettings>(DEFAULT_SETTINGS)
  const [running, setRunning] = createSignal(false)
  const [step, setStep] = createSignal(0)
  const [lastJ, setLastJ] = createSignal<number | null>(null)
  const [message, setMessage] = createSignal<string | null>(null)
  const [rows, setRows] = createSignal<GradCheckRow[] | null>(null)
  /** The run as uPlot wants it, one array per column: steps, J, then each tracked parameter element. */
  const [curve, setCurve] = createSignal<number[][]>([[], []], { equals: false })
  /** Steps so far plus the start, i.e. the points of the whole run (the plot may hold fewer, see MAX_PLOTTED). */
  const [pointCount, setPointCount] = createSignal(0)
  /** The tracked parameter elements' labels ("w", "W[1,2]"), one per column after J. */
  const [paramLabels, setParamLabels] = createSignal<string[]>([])

  function addPoints(points: LossPoint[], labels: string[]): void {
    if (points.length === 0) return
    let columns = curve()
    while (columns.length < 2 + labels.length) columns.push([])
    for (const point of points) columns.forEach((column, i) => column.push(point[i] ?? NaN))
    // A fast model makes tens of thousands of steps a second: the plot keeps at most
    // MAX_PLOTTED points (every other one is dropped when it fills, the last always kept),
    // so drawing stays cheap however long the run.
    if (columns[0].length > MAX_PLOTTED) columns = columns.map((c) => c.filter((_, i) => i % 2 === 0 || i === c.length - 1))
    batch(() => {
      setPointCount(points[points.length - 1][0] + 1)
      if (labels.join('\u0000') !== paramLabels().join('\u0000')) setParamLabels(labels)
      setCurve(columns)
      const last = points[points.length - 1]
      setStep(last[0])
      setLastJ(last[1])
    })
  }

  /** Stores the form's settings in the workbook, so Save writes them (engine/train/settings.ts). */
  function persist(next: TrainingSettings): Promise<boolean> {
    if (optionsProblem(next) !== null || !Number.isSafeInteger(next.seed)) return Promise.resolve(false)
    return client.setTrainingSettings(next).then((res) => res.type === 'trainingSettingsSet' && res.stored)
  }

  /** The settings the workbook holds (the form may hold an unusable value not stored yet). */
  let stored: TrainingSettings = DEFAULT_SETTINGS
  // An undo or redo of a settings change puts them back in the form too.
  ctl.onTrainingSettings((s) => {
    stored = s
    setSettings(s)
  })

  /** The user changed a setting: one undoable action that stores it in the workbook (docs/training.md). */
  function update(patch: Partial<TrainingSettings>): void {
    const next = setSettings((s) => ({ ...s, ...patch }))
    const keys = (Object.keys(next) as (keyof TrainingSettings)[]).filter((k) => next[k] !== stored[k])
    if (keys.length === 0 || optionsProblem(next) !== null || !Number.isSafeInteger(next.seed)) return
    void ctl.actTraining(settingsLabel(keys, next), stored, next)
  }

  function show(cells: CellView[], objective: ObjectiveState, figures?: WorkbookFigures): void {
    store.applyChanges({ cells, objective, rejected: [], figures, stats: { forwardEvaluations: 0, reverseVisits: 0 } })
  }

  /**
   * Progress messages are merged and shown once per animation frame: the grid and the
   * plot redraw at most at the screen's rate, and less when the machine is busy, so a
   * fast run never starves the window (edits typed during it stay responsive).
   */
  const progress = (() => {
    let cells = new Map<string, CellView>()
    let objective: ObjectiveState | null = null
    let figures: WorkbookFigures | undefined
    let points: LossPoint[] = []
    let labels: string[] = []
    let frame: number | null = null
    const flush = () => {
      if (frame !== null) cancelAnimationFrame(frame)
      frame = null
      if (objective) show([...cells.values()], objective, figures)
      addPoints(points, labels)
      cells = new Map()
      objective = null
      points = []
    }
    return {
      add(p: { cells: CellView[]; objective: ObjectiveState; figures?: WorkbookFigures; points: LossPoint[]; paramLabels: string[] }) {
        for (const c of p.cells) cells.set(`${c.sheet}!${c.address}`, c)
        objective = p.objective
        figures = p.figures ?? figures
        points.push(...p.points)
        labels = p.paramLabels
        frame ??= requestAnimationFrame(flush)
      },
      flush,
    }
  })()

  /** The load (ctl.loadCount) whose settings the form shows: reopening the panel keeps the user's. */
  let loadedFor = -1

  async function loadSettings(): Promise<void> {
    if (loadedFor === ctl.loadCount()) return
    loadedFor = ctl.loadCount()
    const res = await client.trainingSettings()
    stored = settingsFrom(res.type === 'trainingSettings' ? res.settings : null)
    setSettings(stored)
    batch(() => {
      setCurve([[], []])
      setPointCount(0)
      setParamLabels([])
      setStep(0)
      setLastJ(null)
      setRows(null)
      setMessage(null)
    })
  }

  async function train(): Promise<void> {
    if (running()) return
    const s = settings()
    const problem = optionsProblem(s)
    if (problem) return void setMessage(problem)
    batch(() => {
      setRunning(true)
      setMessage(null)
      setRows(null) // a gradient-check table from before the run would be stale
      setCurve([[], []])
      setPointCount(0)
      setStep(0)
    })
    try {
      // Edits typed before Train land first; edits typed during the run are not held back:
      // the worker applies them between its slices (the grid shows them at once) and the
      // run goes on from there. The run becomes one undoable entry when it ends.
      await ctl.runAction(async () => null)
      void persist(s)
      const res = await client.train({ method: s.method, learningRate: s.learningRate, steps: s.steps }, (p) => {
        progress.add(p)
      })
      progress.flush()
      if (res.type !== 'trained') return void setMessage(res.type === 'failed' ? res.error : 'the engine gave an unexpected answer')
      show(res.cells, res.objective, res.figures)
      addPoints(res.points, res.paramLabels)
      const j = res.objective.value
      const where = `${res.steps} ${res.steps === 1 ? 'step' : 'steps'}${j !== null ? `, J = ${j.toPrecision(6)}` : ''}`
      setMessage(res.error ?? (res.stopped ? `Stopped after ${where}.` : `Done: ${where}.`))
      if (res.redo.length > 0) await ctl.runAction(async () => ({ label: `Train (${res.steps} steps)`, forward: res.redo, inverse: res.undo }))
    } finally {
      setRunning(false)
    }
  }

  async function stop(): Promise<void> {
    await client.stopTraining()
  }

  async function randomize(): Promise<void> {
    const res = await client.randomize(settings().seed)
    if (res.type !== 'randomized') return void setMessage(res.type === 'failed' ? res.error : 'unexpected answer')
    await ctl.act(`Randomize parameters (seed ${settings().seed})`, res.edits)
    setMessage(`Parameters drawn from [−1, 1] with seed ${settings().seed}.`)
  }

  /** Every parameter, or (selectedOnly) the selected cell, which need not be a parameter. */
  async function gradientCheck(selectedOnly = false): Promise<void> {
    setRows(null)
    const res = await client.gradCheck(selectedOnly ? [{ sheet: view.activeSheet(), address: formatAddress(view.selection()) }] : undefined)
    if (res.type !== 'gradChecked') return void setMessage(res.type === 'failed' ? res.error : 'unexpected answer')
    setRows(res.rows)
    const bad = res.rows.filter((r) => r.flagged).length
    setMessage(bad ? `Gradient check: ${bad} of ${res.rows.length} over the tolerance.` : `Gradient check: all ${res.rows.length} agree.`)
  }

  return {
    loadCount: ctl.loadCount,
    settings,
    update,
    running,
    step,
    lastJ,
    message,
    rows,
    curve,
    pointCount,
    paramLabels,
    loadSettings,
    train,
    stop,
    randomize,
    gradientCheck,
    methods: ['gd', 'momentum', 'adam'] as Method[],
  }
}

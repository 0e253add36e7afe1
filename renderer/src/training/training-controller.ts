// The training panel's state and actions: run (one undoable action through the document
// controller), stop, randomize parameters (seeded), gradient check, and the stored
// settings of a workbook. The worker does the work; this file moves results into the store.
import { batch, createSignal } from 'solid-js'
import type { CellView, ObjectiveState } from '../../../engine/api'
import type { GradCheckRow } from '../../../engine/train/gradcheck'
import { MAX_STEPS, optionsProblem } from '../../../engine/train/loop'
import type { Method } from '../../../engine/train/optimizers'
import type { DocumentController } from '../app/document-controller'
import type { SheetView } from '../app/sheet-view'
import { formatAddress } from '../model/address'
import type { WorkbookStore } from '../state/workbook-store'
import type { EngineClient } from '../worker/engine-client'
import type { LossPoint, TrainingSettings } from './protocol'

export type TrainingController = ReturnType<typeof createTrainingController>

export const DEFAULT_SETTINGS: TrainingSettings = { method: 'adam', learningRate: 0.05, steps: 200, seed: 1 }

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
  /** The loss curve as uPlot wants it: steps and J values, in two arrays. */
  const [curve, setCurve] = createSignal<[number[], number[]]>([[], []], { equals: false })

  function addPoints(points: LossPoint[]): void {
    if (points.length === 0) return
    const [xs, ys] = curve()
    for (const [s, j] of points) {
      xs.push(s)
      ys.push(j)
    }
    batch(() => {
      setCurve([xs, ys])
      const last = points[points.length - 1]
      setStep(last[0])
      setLastJ(last[1])
    })
  }

  function show(cells: CellView[], objective: ObjectiveState): void {
    store.applyChanges({ cells, objective, rejected: [], stats: { forwardEvaluations: 0, reverseVisits: 0 } })
  }

  /** The load (ctl.loadCount) whose settings the form shows: reopening the panel keeps the user's. */
  let loadedFor = -1

  async function loadSettings(): Promise<void> {
    if (loadedFor === ctl.loadCount()) return
    loadedFor = ctl.loadCount()
    const res = await client.trainingSettings()
    setSettings(settingsFrom(res.type === 'trainingSettings' ? res.settings : null))
    batch(() => {
      setCurve([[], []])
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
      setStep(0)
    })
    try {
      await ctl.runAction(async () => {
        const res = await client.train({ method: s.method, learningRate: s.learningRate, steps: s.steps }, (p) => {
          show(p.cells, p.objective)
          addPoints(p.points)
        })
        if (res.type !== 'trained') {
          setMessage(res.type === 'failed' ? res.error : 'the engine gave an unexpected answer')
          return null
        }
        show(res.cells, res.objective)
        addPoints(res.points)
        const j = res.objective.value
        const where = `${res.steps} ${res.steps === 1 ? 'step' : 'steps'}${j !== null ? `, J = ${j.toPrecision(6)}` : ''}`
        setMessage(res.error ?? (res.stopped ? `Stopped after ${where}.` : `Done: ${where}.`))
        if (res.redo.length === 0) return null
        return { label: `Train (${res.steps} steps)`, forward: res.redo, inverse: res.undo }
      })
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
    update: (patch: Partial<TrainingSettings>) => setSettings((s) => ({ ...s, ...patch })),
    running,
    step,
    lastJ,
    message,
    rows,
    curve,
    loadSettings,
    train,
    stop,
    randomize,
    gradientCheck,
    methods: ['gd', 'momentum', 'adam'] as Method[],
  }
}

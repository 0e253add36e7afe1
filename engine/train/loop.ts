// The training loop, one step at a time so the caller (the app's worker) can interleave
// progress messages and a Stop request between steps. A step reads ∂J/∂θ from the
// engine's reverse pass, lets the optimizer move θ, and sets the parameters to θ through
// the engine's fast path `setValues` (values only, incremental forward and reverse, no
// change list), so every value and gradient stays current and exact. `sync()` writes θ
// as the parameters' input text through `apply`, whose change list then holds every cell
// the steps since the last sync changed: the caller syncs once per progress message and
// at the end, not once per step. Engines without the fast path get `apply` every step.
import type { ChangeList, Edit } from '../api'
import type { Engine } from '../index'
import { createOptimizer, METHODS, type Method, type Optimizer } from './optimizers'
import { findParams, readGradients, readValues, restoreEdits, writeEdits, type ParamSet } from './params'

export interface TrainOptions {
  method: Method
  learningRate: number
  steps: number
}

export const MAX_STEPS = 1_000_000

export type StepResult =
  /** changes: null on the fast path (sync() lists them). */
  | { ok: true; step: number; j: number; changes: ChangeList | null }
  /** The run cannot go on; the workbook is back at the last finite parameters. */
  | { ok: false; step: number; message: string; changes: ChangeList | null }

export interface Trainer {
  params: ParamSet
  /** J before the first step. */
  initialJ: number
  /** Edits that put the parameters back as they were before the run (for undo). */
  undoEdits: Edit[]
  /** What writing 0 into empty parameter cells changed before the first step, or null. */
  filled: ChangeList | null
  /** Whether the workbook differs from before the run (steps taken or empty parameters filled). */
  changed(): boolean
  /** Steps done so far. */
  done(): number
  step(): StepResult
  /** Edits that set the parameters to where the run is now (for redo). */
  currentEdits(): Edit[]
  /** Writes θ as the parameters' inputs; the change list covers every step since the last sync. */
  sync(): ChangeList
  /** θ as it is now (a live view: copy what you keep). */
  theta(): Float64Array
  /**
   * Reads θ back from the workbook: a parameter the user typed between steps (the app
   * applies edits typed during a run between its slices) is where the next step starts.
   */
  reread(): void
}

/** Why the options cannot be used, or null. */
export function optionsProblem(o: TrainOptions): string | null {
  if (!o || !(o.method in METHODS)) return `unknown method; use one of ${Object.keys(METHODS).join(', ')}`
  if (!Number.isFinite(o.learningRate) || o.learningRate <= 0) return 'the learning rate must be a number above 0'
  if (!Number.isInteger(o.steps) || o.steps < 1 || o.steps > MAX_STEPS) return `steps must be a whole number from 1 to ${MAX_STEPS}`
  return null
}

function objectiveValue(engine: Engine): number | string {
  const o = engine.objective()
  if (o.value !== null && Number.isFinite(o.value)) return o.value
  return o.unavailableReason ?? 'the objective is not a finite number'
}

/**
 * Why J is not finite, naming the cell where the non-finite number first appeared: an
 * error carries the cell it came from ("… (in B1)"), or arose in J's own formula.
 */
function nonFiniteCause(engine: Engine): string {
  const o = engine.objective()
  if (!o.cell) return o.unavailableReason ?? 'J is not a number'
  const bang = o.cell.lastIndexOf('!')
  const v = engine.cell(o.cell.slice(0, bang), o.cell.slice(bang + 1)).value
  if (v.kind !== 'error') return o.unavailableReason ?? 'J is not a finite number'
  const m = v.error.message
  return /\(in [^)]*\)$/.test(m) ? m : `${m} (in ${o.cell.slice(bang + 1)})`
}

/** Sets the parameters to θ: by the fast path when the engine has it, else by apply. */
function setParams(engine: Engine, params: ParamSet, theta: Float64Array): ChangeList | null {
  if (!engine.setValues) return engine.apply(writeEdits(params, theta))
  const updates = params.params.map((p) => ({ sheet: p.sheet, address: p.address, value: p.shape.length ? theta.slice(p.offset, p.offset + p.size) : theta[p.offset] }))
  const problem = engine.setValues(updates)
  return problem ? engine.apply(writeEdits(params, theta)) : null
}

export function createTrainer(engine: Engine, options: TrainOptions): Trainer | { error: string } {
  const problem = optionsProblem(options)
  if (problem) return { error: problem }
  const params = findParams(engine)
  if ('error' in params) return params
  const j0 = objectiveValue(engine)
  if (typeof j0 === 'string') return { error: `cannot train: ${j0}` }
  const theta = readValues(engine, params)
  // Empty cells marked as parameters have no gradient until they hold a number: write their 0.
  const empty = params.params.filter((p) => engine.cell(p.sheet, p.address).value.kind === 'empty')
  const filled = empty.length ? engine.apply(writeEdits({ params: empty, size: params.size }, theta)) : null
  const optimize: Optimizer = createOptimizer(options.method, options.learningRate, params.size)
  let steps = 0
  return {
    params,
    initialJ: j0,
    undoEdits: restoreEdits(params),
    filled,
    changed: () => steps > 0 || filled !== null,
    done: () => steps,
    currentEdits: () => writeEdits(params, theta),
    sync: () => engine.apply(writeEdits(params, theta)),
    theta: () => theta,
    reread: () => {
      const now = readValues(engine, params)
      if (now.every(Number.isFinite)) theta.set(now)
    },
    step(): StepResult {
      const at = steps + 1
      const g = readGradients(engine, params)
      if (!(g instanceof Float64Array)) return { ok: false, step: at, message: `step ${at}: ${g.error}`, changes: null }
      const last = theta.slice()
      optimize(theta, g)
      const bad = params.params.find((p) => theta.subarray(p.offset, p.offset + p.size).some((x) => !Number.isFinite(x)))
      if (bad) {
        theta.set(last)
        return { ok: false, step: at, message: `step ${at}: the parameter ${bad.label} went non-finite (lower the learning rate)`, changes: null }
      }
      const changes = setParams(engine, params, theta)
      const j = objectiveValue(engine)
      if (typeof j === 'string') {
        const cause = nonFiniteCause(engine)
        theta.set(last)
        const back = engine.apply(writeEdits(params, theta))
        const message = `step ${at}: J went non-finite: ${cause}. The parameters are back at step ${at - 1}; lower the learning rate.`
        return { ok: false, step: at, message, changes: changes ? mergeChanges(changes, back) : back }
      }
      steps = at
      return { ok: true, step: at, j, changes }
    },
  }
}

/** Two change lists as one: the later view of a cell wins. */
export function mergeChanges(a: ChangeList, b: ChangeList): ChangeList {
  const cells = new Map(a.cells.map((c) => [`${c.sheet}!${c.address}`, c]))
  for (const c of b.cells) cells.set(`${c.sheet}!${c.address}`, c)
  return { ...b, cells: [...cells.values()], rejected: [...a.rejected, ...b.rejected] }
}

/** Runs every step at once (tests, the CLI): J per step, or where the run stopped and why. */
export function train(engine: Engine, options: TrainOptions): { losses: number[]; error: string | null } {
  const t = createTrainer(engine, options)
  if ('error' in t) return { losses: [], error: t.error }
  const losses = [t.initialJ]
  for (let i = 0; i < options.steps; i++) {
    const r = t.step()
    if (!r.ok) return { losses, error: r.message }
    losses.push(r.j)
  }
  t.sync()
  return { losses, error: null }
}

// The training loop, one step at a time so the caller (the app's worker) can interleave
// progress messages and a Stop request between steps. A step reads ∂J/∂θ from the
// engine's reverse pass, lets the optimizer move θ, and writes θ back as the parameter
// cells' inputs through the ordinary incremental `apply`, so every value and gradient
// in the workbook stays current and exact.
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
  | { ok: true; step: number; j: number; changes: ChangeList }
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

/** The first cell of a change list (evaluation order) whose value became a #NUM! error. */
function firstNonFinite(changes: ChangeList): string | null {
  for (const c of changes.cells)
    if (c.value.kind === 'error' && c.value.error.code === '#NUM!') return `${c.sheet}!${c.address}${c.name ? ` (${c.name})` : ''}: ${c.value.error.message}`
  return null
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
      const changes = engine.apply(writeEdits(params, theta))
      const j = objectiveValue(engine)
      if (typeof j === 'string') {
        const where = firstNonFinite(changes)
        theta.set(last)
        const back = engine.apply(writeEdits(params, theta))
        const message = `step ${at}: J went non-finite${where ? `; the first cell that did is ${where}` : ` (${j})`}. The parameters are back at step ${at - 1}; lower the learning rate.`
        return { ok: false, step: at, message, changes: mergeChanges(changes, back) }
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
  return { losses, error: null }
}

// Whether a run's one program may run over the whole column at once and give, row by
// row, exactly the one-cell value and derivatives (docs/excel-and-export.md, "Vectorised
// runs"). An op is a *lane* when its value differs per row: it reads a lane slot
// (runs.ts), directly or through its arguments. Every lane call needs a lane rule
// (translations.ts): elementwise, or a `where` choice. The program is replayed for every
// row with the engine's own function values (never Python's): lane values must be finite
// numbers (a truth value only as IF's condition), and the values that are the same for
// every row must be finite numbers where a lane call reads them. `where` evaluates both
// branches of every row and sends the untaken one a zero gradient, which is the engine's
// answer only when that branch is finite with finite derivatives — 0·∞ would be NaN —
// so with a `where` every op's value and partial derivatives must be finite in a row for
// the row to stay vectorised. Rows that fail are cut out of the run (vectorise.ts).
import type { FnDef } from '../functions/types'
import { Err, Tensor, type Adj, type V } from '../values'
import { laneKey, type Run } from './runs'
import { laneRuleOf } from './translations'

export interface LanePlan {
  /** 1 for each op whose value differs per row. */
  laneOps: Uint8Array
  /** Whether row k of the run may take part in the vector line. */
  usable: boolean[]
}

const finiteNumber = (v: V | Adj): boolean => typeof v === 'number' && Number.isFinite(v)
const finiteValue = (v: V | Adj | null | undefined): boolean =>
  v === null || v === undefined || typeof v === 'boolean' || typeof v === 'string' || finiteNumber(v) ||
  (v instanceof Tensor && v.data.every(Number.isFinite)) || (v instanceof Float64Array && v.every(Number.isFinite))
const isChoice = (fn: FnDef): boolean => fn.name === 'IF' || fn.name === 'conditional'
const isLogic = (fn: FnDef): boolean => laneRuleOf(fn.name)?.kind === 'logic'

/** Runs one call the way the engine does (errors pass through unless the function sees them). */
function call(fn: FnDef, args: V[]): V {
  const bad = args.find((a) => a instanceof Err)
  if (bad && !fn.seesErrors) return bad
  try {
    return fn.value(args)
  } catch {
    return new Err('#VALUE!', 'not computable')
  }
}

/** Whether the call's partial derivatives (for an output adjoint of 1) are all finite. */
function finitePartials(fn: FnDef, args: V[], out: V): boolean {
  if (!fn.grad) return true
  if (fn.convention.kind === 'infiniteSlope' && fn.convention.hits(args) > 0) return false
  try {
    return fn.grad(args, out, out instanceof Tensor ? new Float64Array(out.data.length).fill(1) : 1).every((a) => finiteValue(a))
  } catch {
    return false
  }
}

/**
 * The lane plan of a run, or why it stays one line per cell. `base` holds each op's value
 * in the run's first row (expressions.ts replays it); `valueOf` reads a cell's value.
 */
export function analyseLanes(run: Run, base: V[], valueOf: (key: string | undefined) => V): LanePlan | { refused: string } {
  const ops = run.program.ops
  const lanes = new Set(run.laneSlots)
  const laneOps = new Uint8Array(ops.length)
  // Ops whose value is a choice's condition, directly or through AND/OR/NOT: the only
  // place a truth value may vary per row (a consumer comes after its arguments).
  const condition = new Uint8Array(ops.length)
  for (let i = ops.length - 1; i >= 0; i--) {
    const op = ops[i]
    if (op.k !== 'call') continue
    if (isChoice(op.fn)) condition[op.args[0]] = 1
    else if (isLogic(op.fn) && condition[i]) for (const a of op.args) condition[a] = 1
  }
  let wheres = false
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]
    if (op.k === 'cell') laneOps[i] = lanes.has(op.slot) ? 1 : 0
    if (op.k !== 'call') continue
    if (!op.args.some((a) => laneOps[a])) continue
    laneOps[i] = 1
    const rule = laneRuleOf(op.fn.name)
    if (!rule) return { refused: `${op.fn.name} has no elementwise form` }
    if (rule.kind === 'where') wheres = true
    if (rule.kind === 'elementwise' && rule.scalarArgs?.some((p) => laneOps[op.args[p]])) return { refused: `${op.fn.name} needs one value for the whole run` }
    for (const a of op.args) {
      const v = base[a]
      if (!laneOps[a] && !finiteNumber(v) && !(typeof v === 'boolean' && condition[a]))
        return { refused: `${op.fn.name} reads a value that is not a finite number` }
    }
  }
  const top = ops.length - 1
  if (!laneOps[top] && !finiteNumber(base[top])) return { refused: 'the cells are not numbers' }
  // With a `where`, both branches run in every row: the ops that are the same for every
  // row must be finite with finite derivatives (else no row is usable).
  if (wheres)
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i]
      if (laneOps[i]) continue
      if (!finiteValue(base[i])) return { refused: 'a branch is not finite' }
      if (op.k === 'call' && !finitePartials(op.fn, op.args.map((a) => base[a]), base[i])) return { refused: 'a branch has an infinite derivative' }
    }

  const usable: boolean[] = []
  const row: V[] = base.slice()
  for (let k = 0; k < run.cells.length; k++) {
    let ok = true
    for (let i = 0; i < ops.length && ok; i++) {
      if (!laneOps[i]) continue
      const op = ops[i]
      if (op.k === 'cell') row[i] = valueOf(laneKey(run, op.slot, k))
      else if (op.k === 'call') {
        const args = op.args.map((a) => row[a])
        row[i] = call(op.fn, args)
        if (wheres && !finitePartials(op.fn, args, row[i])) ok = false
      }
      const v = row[i]
      if (!(finiteNumber(v) || (typeof v === 'boolean' && condition[i]))) ok = false
    }
    usable.push(ok)
  }
  return { laneOps, usable }
}

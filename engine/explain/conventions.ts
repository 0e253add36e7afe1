// Where a cell's derivative used a convention of SPEC §4 at the current point: a
// conditional's branch, the max/min argument that got the gradient, abs/relu at 0,
// sqrt at 0, functions that pass no gradient. Read from the values of the cell's own ops
// and from each function's declared convention (FnDef.convention): no name lists here.
import { forwardValues } from '../evaluate/run'
import type { Op, Program } from '../formula/program'
import { Err, Tensor, type V } from '../values'
import { fmt, labelOf } from './labels'
import type { ExplainSource } from './source'

/** Kinds whose derivative never needs a word: smooth functions and truth values or counts. */
const SILENT = new Set(['smooth', 'discrete'])

/** Programs that call only silent functions never need a look at their values. */
const relevance = new WeakMap<Program, boolean>()
export function mayUseConvention(p: Program): boolean {
  let r = relevance.get(p)
  if (r === undefined) {
    r = p.ops.some((op) => op.k === 'call' && !SILENT.has(op.fn.convention.kind))
    relevance.set(p, r)
  }
  return r
}

const numbersOf = (v: V): number[] => (typeof v === 'number' ? [v] : v instanceof Tensor ? Array.from(v.data) : typeof v === 'boolean' ? [v ? 1 : 0] : [])
const truthy = (v: V): boolean => (typeof v === 'boolean' ? v : typeof v === 'number' ? v !== 0 : false)

function describe(src: ExplainSource, ops: Op[], i: number, vals: V[], slots: { slotIds: ArrayLike<number>; nameIds: ArrayLike<number> }): string {
  const op = ops[i]
  if (op.k === 'cell' && slots.slotIds[op.slot] >= 0) return labelOf(src, slots.slotIds[op.slot])
  if (op.k === 'name') return op.name
  const v = vals[i]
  return typeof v === 'number' ? fmt(v) : 'an expression'
}

/** The conventions one cell's formula used at the current values, in words (empty for most cells). */
export function conventionNotes(src: ExplainSource, id: number): string[] {
  const b = src.store.bindingOf(id)
  if (!b || src.inCycle(id) || !mayUseConvention(b.program)) return []
  const ops = b.program.ops
  const vals = forwardValues(src.store, b)
  const notes: string[] = []
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]
    if (op.k !== 'call' || vals[i] instanceof Err) continue
    const name = op.fn.name
    const convention = op.fn.convention
    const args = op.args.map((a) => vals[a])
    switch (convention.kind) {
      case 'kink':
      case 'infiniteSlope': {
        const hits = convention.hits(args)
        if (hits) notes.push(`${name} at ${convention.at}${hits > 1 ? ` (${hits} entries)` : ''}: ${convention.rule}`)
        break
      }
      case 'argExtremum': {
        const flat = args.flatMap((a, j) => numbersOf(a).map((x) => ({ x, arg: j })))
        if (flat.length < 2) break
        const isMax = convention.extremum === 'maximum'
        const best = flat.reduce((m, e) => ((isMax ? e.x > m.x : e.x < m.x) ? e : m), flat[0])
        const first = flat.findIndex((e) => e.x === best.x)
        const ties = flat.filter((e) => e.x === best.x).length
        const who = describe(src, ops, op.args[flat[first].arg], vals, b)
        const where = args.length > 1 ? `argument ${flat[first].arg + 1} (${who})` : `entry ${first + 1} of ${who}`
        notes.push(`${name}: the whole gradient goes to ${where}, the first that attains the ${convention.extremum} ${fmt(best.x)}${ties > 1 ? ` (${ties} tie)` : ''}`)
        break
      }
      case 'middle': {
        const n = args.reduce<number>((k, a) => k + numbersOf(a).length, 0)
        if (n < 2) break
        notes.push(n % 2
          ? `${name}: the whole gradient goes to the middle entry of the ${n} sorted entries`
          : `${name}: the gradient is split equally between the two middle entries of the ${n} sorted entries`)
        break
      }
      case 'branch': {
        const taken = truthy(args[0])
        const branch = taken ? 1 : 2
        const label = convention.branches[taken ? 0 : 1]
        const who = op.args[branch] !== undefined ? describe(src, ops, op.args[branch], vals, b) : 'FALSE'
        notes.push(`${convention.label}: the condition is ${taken ? 'true' : 'false'}, so only the ${label} branch (${who}) receives the gradient`)
        break
      }
      case 'flat':
        notes.push(`${name} is piecewise constant: it passes no gradient (derivative 0)`)
        break
    }
  }
  return notes
}

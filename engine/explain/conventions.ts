// Where a cell's derivative used a convention of SPEC §4 at the current point: a
// conditional's branch, the max/min argument that got the gradient, abs/relu at 0,
// sqrt at 0, functions that pass no gradient. Read from the values of the cell's own ops.
import { forwardValues } from '../evaluate/run'
import type { Op, Program } from '../formula/program'
import { Err, Tensor, type V } from '../values'
import { fmt, labelOf } from './labels'
import type { ExplainSource } from './source'

const KINKED = new Set(['abs', 'ABS', 'relu'])
const ROOTS = new Set(['sqrt', 'SQRT'])
const EXTREMA = new Map([['max', 'maximum'], ['MAX', 'maximum'], ['min', 'minimum'], ['MIN', 'minimum']])
const CONDITIONALS = new Set(['conditional', 'IF'])
const FLAT = new Set(['floor', 'ceil', 'round', 'fix', 'sign', 'ROUND'])

/** Programs that contain none of the functions above never need a look at their values. */
const relevance = new WeakMap<Program, boolean>()
export function mayUseConvention(p: Program): boolean {
  let r = relevance.get(p)
  if (r === undefined) {
    r = p.ops.some((op) => op.k === 'call' && (KINKED.has(op.fn.name) || ROOTS.has(op.fn.name) || EXTREMA.has(op.fn.name) || CONDITIONALS.has(op.fn.name) || FLAT.has(op.fn.name)))
    relevance.set(p, r)
  }
  return r
}

const numbersOf = (v: V): number[] => (typeof v === 'number' ? [v] : v instanceof Tensor ? Array.from(v.data) : typeof v === 'boolean' ? [v ? 1 : 0] : [])
const truthy = (v: V): boolean => (typeof v === 'boolean' ? v : typeof v === 'number' ? v !== 0 : false)

function describe(src: ExplainSource, ops: Op[], i: number, vals: V[], slots: { slotIds: number[]; nameIds: number[] }): string {
  const op = ops[i]
  if (op.k === 'cell' && slots.slotIds[op.slot] >= 0) return labelOf(src, slots.slotIds[op.slot])
  if (op.k === 'name') return op.name
  const v = vals[i]
  return typeof v === 'number' ? fmt(v) : 'an expression'
}

/** The conventions one cell's formula used at the current values, in words (empty for most cells). */
export function conventionNotes(src: ExplainSource, id: number): string[] {
  const b = src.store.binding[id]
  if (!b || src.inCycle(id) || !mayUseConvention(b.program)) return []
  const ops = b.program.ops
  const vals = forwardValues(src.store, b)
  const notes: string[] = []
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]
    if (op.k !== 'call' || vals[i] instanceof Err) continue
    const name = op.fn.name
    const args = op.args.map((a) => vals[a])
    if (KINKED.has(name)) {
      const zeros = numbersOf(args[0]).filter((x) => x === 0).length
      if (zeros) notes.push(`${name} at 0${zeros > 1 ? ` (${zeros} entries)` : ''}: its derivative is taken as 0 there`)
    } else if (ROOTS.has(name)) {
      if (numbersOf(args[0]).some((x) => x === 0)) notes.push(`${name} at 0: its derivative is +∞, so gradients through it show #NUM!`)
    } else if (EXTREMA.has(name)) {
      const flat = args.flatMap((a, j) => numbersOf(a).map((x) => ({ x, arg: j })))
      if (flat.length < 2) continue
      const best = flat.reduce((m, e) => ((name.toLowerCase() === 'max' ? e.x > m.x : e.x < m.x) ? e : m), flat[0])
      const first = flat.findIndex((e) => e.x === best.x)
      const ties = flat.filter((e) => e.x === best.x).length
      const who = describe(src, ops, op.args[flat[first].arg], vals, b)
      const where = args.length > 1 ? `argument ${flat[first].arg + 1} (${who})` : `entry ${first + 1} of ${who}`
      notes.push(`${name}: the whole gradient goes to ${where}, the first that attains the ${EXTREMA.get(name)} ${fmt(best.x)}${ties > 1 ? ` (${ties} tie)` : ''}`)
    } else if (CONDITIONALS.has(name)) {
      const taken = truthy(args[0])
      const branch = taken ? 1 : 2
      const label = name === 'IF' ? (taken ? 'value-if-true' : 'value-if-false') : taken ? 'then' : 'else'
      const who = op.args[branch] !== undefined ? describe(src, ops, op.args[branch], vals, b) : 'FALSE'
      notes.push(`${name === 'IF' ? 'IF:' : '?:'} the condition is ${taken ? 'true' : 'false'}, so only the ${label} branch (${who}) receives the gradient`)
    } else if (FLAT.has(name)) {
      notes.push(`${name} is piecewise constant: it passes no gradient (derivative 0)`)
    }
  }
  return notes
}

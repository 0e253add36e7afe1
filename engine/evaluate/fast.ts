// The scalar fast path. A program made only of number constants, references and
// scalar functions with a fast form (fast1/fast2) runs over Float64Array scratch: no
// boxing, no argument arrays. A sum or mean of one range (SUM(A1:A100), AVERAGE(loss))
// reads the range's cells directly instead of copying them into a tensor. Anything unusual (an input that is not a number, a domain
// error, a non-finite intermediate) makes it give up, and the general path
// (evaluate/run.ts) computes the same cell, so results are identical either way.
import type { Program } from '../formula/program'
import type { FastProgram } from './fast-program'
import { Kind, type Binding, type CellStore } from '../graph/store'

export type { FastProgram } from './fast-program'

const CONST = 0
const CELL = 1
const NAME = 2
const UNARY = 3
const BINARY = 4
/** A range read only by the reduction right after it: no value of its own here. */
const RANGE = 5
/** SUM/sum (RANGE_SUM) or AVERAGE/mean (RANGE_MEAN) of one range: a = slot. */
const RANGE_SUM = 6
const RANGE_MEAN = 7
/** AVERAGE of one range: divides by the count of numbers (blanks skipped, as in Excel), not the size. */
const RANGE_AVERAGE = 8

const RANGE_REDUCTIONS = new Map([['sum', RANGE_SUM], ['SUM', RANGE_SUM], ['mean', RANGE_MEAN], ['AVERAGE', RANGE_AVERAGE]])

/** How many cells of the range hold numbers. */
function numbersIn(kinds: Uint8Array, ids: Int32Array): number {
  let n = 0
  for (let j = 0; j < ids.length; j++) if (kinds[ids[j]] === Kind.Number) n++
  return n
}


const fastCache = new WeakMap<Program, FastProgram | null>()

/** The fast form of a program, or null when it needs the general path. */
export function fastProgramOf(p: Program): FastProgram | null {
  const known = fastCache.get(p)
  if (known !== undefined) return known
  const n = p.ops.length
  const fp: FastProgram = {
    kind: new Uint8Array(n), a: new Int32Array(n), b: new Int32Array(n), consts: new Float64Array(n),
    f1: new Array(n), f2: new Array(n),
  }
  let ok = true
  for (let i = 0; i < n && ok; i++) {
    const op = p.ops[i]
    if (op.k === 'const') {
      if (typeof op.v !== 'number') ok = false
      fp.kind[i] = CONST
      fp.consts[i] = op.v as number
    } else if (op.k === 'cell') {
      fp.kind[i] = CELL
      fp.a[i] = op.slot
    } else if (op.k === 'name') {
      fp.kind[i] = NAME
      fp.a[i] = op.index
    } else if (op.k === 'range') {
      // Allowed only as the single argument of the reduction that follows (checked there).
      fp.kind[i] = RANGE
      fp.a[i] = op.slot
      ok = p.ops[i + 1]?.k === 'call'
    } else if (op.k === 'call' && op.args.length === 1 && fp.kind[op.args[0]] === RANGE && p.ops[op.args[0]].k === 'range') {
      const reduce = RANGE_REDUCTIONS.get(op.fn.name)
      if (reduce === undefined || op.args[0] !== i - 1) ok = false
      else {
        fp.kind[i] = reduce
        fp.a[i] = fp.a[i - 1]
      }
    } else if (op.k === 'call' && op.args.some((x) => p.ops[x].k === 'range')) {
      ok = false
    } else if (op.k === 'call' && op.args.length === 1 && op.fn.fast1) {
      fp.kind[i] = UNARY
      fp.a[i] = op.args[0]
      fp.f1[i] = op.fn.fast1
    } else if (op.k === 'call' && op.args.length === 2 && op.fn.fast2) {
      fp.kind[i] = BINARY
      fp.a[i] = op.args[0]
      fp.b[i] = op.args[1]
      fp.f2[i] = op.fn.fast2
    } else ok = false
  }
  const result = ok ? fp : null
  fastCache.set(p, result)
  return result
}

let vals = new Float64Array(64)
let adjs = new Float64Array(64)

/** Forward over the scratch; returns the value, or NaN when the general path must decide. */
export function fastForward(store: CellStore, b: Binding, fp: FastProgram): number {
  const n = fp.kind.length
  if (vals.length < n) {
    vals = new Float64Array(n * 2)
    adjs = new Float64Array(n * 2)
  }
  const kinds = store.kind
  const nums = store.num
  for (let i = 0; i < n; i++) {
    let y: number
    switch (fp.kind[i]) {
      case CONST:
        y = fp.consts[i]
        break
      case CELL:
      case NAME: {
        const id = fp.kind[i] === CELL ? b.slotIds[fp.a[i]] : b.nameIds[fp.a[i]]
        if (id < 0) return NaN
        const k = kinds[id]
        if (k === Kind.Number) y = nums[id]
        else if (k === Kind.Empty) y = 0
        else return NaN
        break
      }
      case UNARY: {
        const g = fp.f1[i]!
        const x = vals[fp.a[i]]
        if (g.domain && g.domain(x)) return NaN
        y = g.f(x)
        break
      }
      case RANGE:
        y = 0
        break
      case RANGE_SUM:
      case RANGE_MEAN:
      case RANGE_AVERAGE: {
        const ids = b.rangeIds[fp.a[i]]
        if (!ids) return NaN
        // Left to right, as the general path's reduction adds the flattened range.
        let total = 0
        for (let j = 0; j < ids.length; j++) {
          const id = ids[j]
          const k = kinds[id]
          if (k === Kind.Number) total += nums[id]
          else if (k !== Kind.Empty) return NaN
        }
        // AVERAGE of no numbers is #DIV/0!: left to the general path.
        y = fp.kind[i] === RANGE_SUM ? total : total / (fp.kind[i] === RANGE_MEAN ? ids.length : numbersIn(kinds, ids))
        break
      }
      case BINARY: {
        const g = fp.f2[i]!
        const x = vals[fp.a[i]]
        const z = vals[fp.b[i]]
        if (g.domain && g.domain(x, z)) return NaN
        y = g.f(x, z)
        break
      }
      default:
        return NaN
    }
    if (y - y !== 0) return NaN // not finite
    vals[i] = y
  }
  return vals[n - 1]
}

/**
 * Re-runs the cell forward, then adds each referenced cell's share of `adj` into
 * `grads[id]` (number cells only: an empty cell passes no gradient). Written straight
 * into the array, not through a callback, because this is the reverse pass's inner loop.
 * Returns false when the forward could not run fast.
 */
export function fastBackward(store: CellStore, b: Binding, fp: FastProgram, adj: number, grads: Float64Array): boolean {
  if (Number.isNaN(fastForward(store, b, fp))) return false
  const kinds = store.kind
  const n = fp.kind.length
  adjs.fill(0, 0, n)
  adjs[n - 1] = adj
  for (let i = n - 1; i >= 0; i--) {
    const g = adjs[i]
    if (g === 0) continue
    switch (fp.kind[i]) {
      case CELL:
      case NAME: {
        const id = fp.kind[i] === CELL ? b.slotIds[fp.a[i]] : b.nameIds[fp.a[i]]
        if (kinds[id] === Kind.Number) grads[id] += g
        break
      }
      case UNARY: {
        const x = fp.a[i]
        adjs[x] += g * fp.f1[i]!.df(vals[x], vals[i])
        break
      }
      case BINARY: {
        const f = fp.f2[i]!
        const x = fp.a[i]
        const z = fp.b[i]
        const da = g * f.dfa(vals[x], vals[z], vals[i])
        const db = g * f.dfb(vals[x], vals[z], vals[i])
        adjs[x] += da
        adjs[z] += db
        break
      }
      case RANGE_SUM:
      case RANGE_MEAN:
      case RANGE_AVERAGE: {
        // Every cell of the range gets the same share; empty cells pass no gradient.
        const ids = b.rangeIds[fp.a[i]]!
        const share = fp.kind[i] === RANGE_SUM ? g : g / (fp.kind[i] === RANGE_MEAN ? ids.length : numbersIn(kinds, ids))
        for (let j = 0; j < ids.length; j++) if (kinds[ids[j]] === Kind.Number) grads[ids[j]] += share
        break
      }
    }
  }
  return true
}

// Runs one cell's Program: forward (values of every op, in post-order) and backward
// (adjoints from the result back to the referenced cells). The backward step re-runs
// the forward ops of that one cell to recover its intermediates, so no tape is kept
// between passes (memory stays per cell, not per op).
import { Kind, type Binding, type CellStore } from '../graph/store'
import { Err, Tensor, type Adj, type V } from '../values'
import { spreadsheetRangeValue, spreadsheetReadingOf } from './spreadsheetRange'

/** Scratch space reused by every run (the engine is single-threaded). */
let vals: V[] = []
let adjs: (Adj | null)[] = []
const argBuf: V[][] = [[], [], [], []]

function argsFor(n: number): V[] {
  const a = n < argBuf.length ? argBuf[n] : new Array<V>(n)
  a.length = n
  return a
}

/** Adds an error's origin when it crosses from one cell into another. */
function fromCell(e: Err, origin: number): Err {
  return e.origin !== undefined ? e : new Err(e.code, e.message, origin, e.path)
}

function rangeValue(store: CellStore, ids: Int32Array, rows: number, cols: number): V {
  const data = new Float64Array(ids.length)
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]
    const k = store.kind[id]
    if (k === Kind.Number) data[i] = store.num[id]
    else if (k === Kind.Empty) data[i] = 0
    else if (k === Kind.Boolean) data[i] = store.obj[id] ? 1 : 0
    else if (k === Kind.Error) return fromCell(store.obj[id] as Err, id)
    else if (k === Kind.Text) return new Err('#VALUE!', `the range holds the label "${store.obj[id] as string}" where numbers are needed`, id)
    else return new Err('#VALUE!', 'a range must hold numbers, but one of its cells holds a vector or matrix', id)
  }
  return new Tensor(rows === 1 || cols === 1 ? [ids.length] : [rows, cols], data)
}

/** Forward: fills the scratch `vals` and returns the result. */
export function runForward(store: CellStore, b: Binding): V {
  const ops = b.program.ops
  if (vals.length < ops.length) vals = new Array(ops.length)
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]
    let v: V
    switch (op.k) {
      case 'const':
        v = op.v
        break
      case 'cell': {
        const id = b.slotIds[op.slot]
        if (id < 0) v = b.slotErrs[op.slot] ?? new Err('#REF!', 'the reference could not be resolved')
        else {
          v = store.read(id)
          if (v instanceof Err) v = fromCell(v, id)
        }
        break
      }
      case 'range': {
        const ids = b.rangeIds[op.slot]
        if (!ids) v = b.slotErrs[op.slot] ?? new Err('#REF!', 'the range could not be resolved')
        else {
          const r = b.refs[op.slot]
          const reading = spreadsheetReadingOf(b.program)[i]
          v = reading
            ? spreadsheetRangeValue(store, ids, r.row1 - r.row0 + 1, r.col1 - r.col0 + 1, reading === 2)
            : rangeValue(store, ids, r.row1 - r.row0 + 1, r.col1 - r.col0 + 1)
        }
        break
      }
      case 'name': {
        const id = b.nameIds[op.index]
        if (id < 0) v = new Err('#NAME?', `unknown name ${op.name}`)
        else {
          v = store.read(id)
          if (v instanceof Err) v = fromCell(v, id)
        }
        break
      }
      case 'call': {
        const n = op.args.length
        const args = argsFor(n)
        let bad: Err | null = null
        for (let j = 0; j < n; j++) {
          const a = vals[op.args[j]]
          if (a instanceof Err && !bad) bad = a
          args[j] = a
        }
        // fn.value never keeps `args`, so the shared buffer is safe to reuse.
        v = bad && !op.fn.seesErrors ? bad : op.fn.value(args)
        break
      }
    }
    vals[i] = v
  }
  return vals[ops.length - 1]
}

/** Every op's value of one cell's program (a copy: the scratch is reused), for engine/explain. */
export function forwardValues(store: CellStore, b: Binding): V[] {
  runForward(store, b)
  return vals.slice(0, b.program.ops.length)
}

function accumulate(into: Adj | null, add: Adj): Adj {
  if (into === null) return typeof add === 'number' ? add : add.slice()
  if (typeof into === 'number') return into + (add as number)
  const a = add as Float64Array
  for (let i = 0; i < into.length; i++) into[i] += a[i]
  return into
}

const isZero = (a: Adj | null): boolean => a === null || (typeof a === 'number' ? a === 0 : a.every((x) => x === 0))

/** Receives the adjoint flowing into a referenced cell. */
export type Sink = (id: number, adj: Adj) => void

/**
 * Backward: given the adjoint of the cell's value, sends every referenced cell its
 * contribution through `sink`. Re-runs the forward ops first (see file comment).
 */
export function runBackward(store: CellStore, b: Binding, adj: Adj, sink: Sink): void {
  const ops = b.program.ops
  runForward(store, b)
  if (adjs.length < ops.length) adjs = new Array(ops.length)
  for (let i = 0; i < ops.length; i++) adjs[i] = null
  adjs[ops.length - 1] = adj
  for (let i = ops.length - 1; i >= 0; i--) {
    const a = adjs[i]
    if (isZero(a)) continue
    const op = ops[i]
    const v = vals[i]
    if (v instanceof Err || typeof v === 'string') continue
    switch (op.k) {
      case 'cell': {
        const id = b.slotIds[op.slot]
        if (id >= 0) sink(id, a!)
        break
      }
      case 'name': {
        const id = b.nameIds[op.index]
        if (id >= 0) sink(id, a!)
        break
      }
      case 'range': {
        const ids = b.rangeIds[op.slot]!
        const g = a as Float64Array
        for (let j = 0; j < ids.length; j++) if (g[j] !== 0) sink(ids[j], g[j])
        break
      }
      case 'call': {
        if (!op.fn.grad || typeof v === 'boolean') break
        const n = op.args.length
        const args = argsFor(n)
        for (let j = 0; j < n; j++) args[j] = vals[op.args[j]]
        const gs = op.fn.grad(args, v, a!)
        for (let j = 0; j < op.args.length; j++) {
          const g = gs[j]
          if (g === null || g === undefined) continue
          const src = vals[op.args[j]]
          if (typeof src === 'string' || typeof src === 'boolean' || src instanceof Err) continue
          adjs[op.args[j]] = accumulate(adjs[op.args[j]], g)
        }
        break
      }
      case 'const':
        break
    }
  }
}

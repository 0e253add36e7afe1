// The practical floor: a hand-written Float64Array tape doing the same forward and
// reverse arithmetic as the workbook. One slot per cell, in the workload's topological
// order; op i writes slot i. No parsing, no objects per node, no dispatch beyond a switch.
import { type Range, type Ref, type Workload, ref, refCol, refRow } from '../workloads/ops.ts'

const rangeSize = (r: Range): number => (refRow(r.to) - refRow(r.from) + 1) * (refCol(r.to) - refCol(r.from) + 1)

const CONST = 0, AFFINE = 1, TANH_STEP = 2, LIN2 = 3, SUM = 4, MEAN = 5, MULADD = 6, SQDIFF = 7, NEURON = 8

export interface Tape {
  size: number
  code: Uint8Array
  /** Operand slots; for SUM/MEAN `a` is the offset into `gather` and `b` the count; for NEURON `a` is the offset of its (w, x) slot pairs in `gather`, `b` the number of pairs, `c` the bias. */
  a: Int32Array
  b: Int32Array
  c: Int32Array
  k0: Float64Array
  k1: Float64Array
  gather: Int32Array
  value: Float64Array
  grad: Float64Array
  /** For each slot, the first op that reads it (size when none): where an edit's forward pass starts. */
  firstReader: Int32Array
  /** Build-time lookup: slot of the cell at (row, col) = slotAt[row·cols + col], −1 for none. */
  slotAt: Int32Array
  rows: number
  cols: number
}

export function buildTape(workload: Workload, n: number): Tape {
  // First pass: the grid's extent and the size of the gather list.
  let size = 0
  let gathered = 0
  let rows = 0
  let cols = 0
  workload.cells(n, (at, op) => {
    size++
    rows = Math.max(rows, refRow(at) + 1)
    cols = Math.max(cols, refCol(at) + 1)
    if (op.code === 'sum' || op.code === 'mean') gathered += rangeSize(op.range)
    if (op.code === 'neuron') gathered += 2 * op.w.length
  })
  // A dense grid → slot table (the workloads fill their rectangle), so lookups are array reads.
  const grid = new Int32Array(rows * cols).fill(-1)
  const t: Tape = {
    size, rows, cols, slotAt: grid,
    code: new Uint8Array(size), a: new Int32Array(size), b: new Int32Array(size), c: new Int32Array(size),
    k0: new Float64Array(size), k1: new Float64Array(size), gather: new Int32Array(gathered),
    value: new Float64Array(size), grad: new Float64Array(size), firstReader: new Int32Array(size).fill(size),
  }
  const slot = (r: Ref): number => {
    const s = grid[refRow(r) * cols + refCol(r)]
    if (s === undefined || s < 0) throw new Error(`workload reads a cell it never defines (row ${refRow(r)}, column ${refCol(r)})`)
    return s
  }
  const read = (s: number, i: number): number => {
    if (t.firstReader[s] > i) t.firstReader[s] = i
    return s
  }
  let i = 0
  let g = 0
  workload.cells(n, (at, op) => {
    grid[refRow(at) * cols + refCol(at)] = i
    switch (op.code) {
      case 'const': t.code[i] = CONST; t.value[i] = op.value; break
      case 'affine': t.code[i] = AFFINE; t.a[i] = read(slot(op.a), i); t.k1[i] = op.k1; t.k0[i] = op.k0; break
      case 'tanhStep': t.code[i] = TANH_STEP; t.a[i] = read(slot(op.a), i); t.k1[i] = op.k; break
      case 'lin2': t.code[i] = LIN2; t.a[i] = read(slot(op.a), i); t.b[i] = read(slot(op.b), i); t.k1[i] = op.ka; t.k0[i] = op.kb; break
      case 'muladd': t.code[i] = MULADD; t.a[i] = read(slot(op.a), i); t.b[i] = read(slot(op.b), i); t.c[i] = read(slot(op.c), i); break
      case 'sqdiff': t.code[i] = SQDIFF; t.a[i] = read(slot(op.a), i); t.b[i] = read(slot(op.b), i); break
      case 'sum': case 'mean': {
        t.code[i] = op.code === 'sum' ? SUM : MEAN
        t.a[i] = g
        const r0 = refRow(op.range.from), r1 = refRow(op.range.to), c0 = refCol(op.range.from), c1 = refCol(op.range.to)
        for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) t.gather[g++] = read(slot(ref(r, c)), i)
        t.b[i] = g - t.a[i]
        break
      }
      case 'neuron': {
        t.code[i] = NEURON
        t.a[i] = g
        for (let k = 0; k < op.w.length; k++) {
          t.gather[g++] = read(slot(op.w[k]), i)
          t.gather[g++] = read(slot(op.x[k]), i)
        }
        t.b[i] = op.w.length
        t.c[i] = read(slot(op.b), i)
        break
      }
    }
    i++
  })
  return t
}

/** The tape slot of a cell, or -1 when the workload has no such cell. */
export function slotOf(t: Tape, at: Ref): number {
  const r = refRow(at), c = refCol(at)
  return r < t.rows && c < t.cols ? t.slotAt[r * t.cols + c] : -1
}

/** Recomputes every value from op `from` to the end. */
export function forward(t: Tape, from = 0): void {
  const { code, a, b, c, k0, k1, gather, value: v } = t
  for (let i = from; i < t.size; i++) {
    switch (code[i]) {
      case AFFINE: v[i] = k1[i] * v[a[i]] + k0[i]; break
      case TANH_STEP: { const x = v[a[i]]; v[i] = x + k1[i] * Math.tanh(x); break }
      case LIN2: v[i] = k1[i] * v[a[i]] + k0[i] * v[b[i]]; break
      case MULADD: v[i] = v[a[i]] * v[b[i]] + v[c[i]]; break
      case SQDIFF: { const d = v[a[i]] - v[b[i]]; v[i] = d * d; break }
      case SUM: case MEAN: {
        let s = 0
        const end = a[i] + b[i]
        for (let j = a[i]; j < end; j++) s += v[gather[j]]
        v[i] = code[i] === SUM ? s : s / b[i]
        break
      }
      case NEURON: {
        let s = 0
        const end = a[i] + 2 * b[i]
        for (let j = a[i]; j < end; j += 2) s += v[gather[j]] * v[gather[j + 1]]
        v[i] = Math.tanh(s + v[c[i]])
        break
      }
    }
  }
}

/** ∂objective/∂every slot, summed over all paths, in one backward sweep. */
export function reverse(t: Tape, objective: number): void {
  const { code, a, b, c, k1, k0, gather, value: v, grad: gr } = t
  gr.fill(0)
  gr[objective] = 1
  for (let i = objective; i >= 0; i--) {
    const g = gr[i]
    switch (code[i]) {
      case AFFINE: gr[a[i]] += k1[i] * g; break
      case TANH_STEP: { const th = Math.tanh(v[a[i]]); gr[a[i]] += (1 + k1[i] * (1 - th * th)) * g; break }
      case LIN2: gr[a[i]] += k1[i] * g; gr[b[i]] += k0[i] * g; break
      case MULADD: gr[a[i]] += v[b[i]] * g; gr[b[i]] += v[a[i]] * g; gr[c[i]] += g; break
      case SQDIFF: { const d2 = 2 * (v[a[i]] - v[b[i]]) * g; gr[a[i]] += d2; gr[b[i]] -= d2; break }
      case SUM: case MEAN: {
        const share = code[i] === SUM ? g : g / b[i]
        const end = a[i] + b[i]
        for (let j = a[i]; j < end; j++) gr[gather[j]] += share
        break
      }
      case NEURON: {
        const d = (1 - v[i] * v[i]) * g
        const end = a[i] + 2 * b[i]
        for (let j = a[i]; j < end; j += 2) {
          gr[gather[j]] += v[gather[j + 1]] * d
          gr[gather[j + 1]] += v[gather[j]] * d
        }
        gr[c[i]] += d
        break
      }
    }
  }
}

/** An input edit: new value, forward from its first reader, full reverse. */
export function editInput(t: Tape, slot: number, newValue: number, objective: number): void {
  t.value[slot] = newValue
  forward(t, t.firstReader[slot])
  reverse(t, objective)
}

// The practical floor: a hand-written Float64Array tape doing the same forward and
// reverse arithmetic as the workbook. One slot per cell, in the workload's topological
// order; op i writes slot i. No parsing, no objects per node, no dispatch beyond a switch.
import { opReads, rangeRefs, type Ref, type Workload } from '../workloads/ops.ts'

const CONST = 0, AFFINE = 1, TANH_STEP = 2, LIN2 = 3, SUM = 4, MEAN = 5, MULADD = 6, SQDIFF = 7

export interface Tape {
  size: number
  code: Uint8Array
  /** Operand slots; for SUM/MEAN `a` is the offset into `gather` and `b` the count. */
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
  slotOf: Map<Ref, number>
}

export function buildTape(workload: Workload, n: number): Tape {
  const slotOf = new Map<Ref, number>()
  let size = 0
  let gathered = 0
  workload.cells(n, (at, op) => {
    slotOf.set(at, size++)
    if (op.code === 'sum' || op.code === 'mean') gathered += rangeRefs(op.range).length
  })
  const t: Tape = {
    size, slotOf,
    code: new Uint8Array(size), a: new Int32Array(size), b: new Int32Array(size), c: new Int32Array(size),
    k0: new Float64Array(size), k1: new Float64Array(size), gather: new Int32Array(gathered),
    value: new Float64Array(size), grad: new Float64Array(size), firstReader: new Int32Array(size).fill(size),
  }
  const slot = (r: Ref): number => {
    const s = slotOf.get(r)
    if (s === undefined) throw new Error(`workload reads a cell it never defines (${r})`)
    return s
  }
  let i = 0
  let g = 0
  workload.cells(n, (_at, op) => {
    switch (op.code) {
      case 'const': t.code[i] = CONST; t.value[i] = op.value; break
      case 'affine': t.code[i] = AFFINE; t.a[i] = slot(op.a); t.k1[i] = op.k1; t.k0[i] = op.k0; break
      case 'tanhStep': t.code[i] = TANH_STEP; t.a[i] = slot(op.a); t.k1[i] = op.k; break
      case 'lin2': t.code[i] = LIN2; t.a[i] = slot(op.a); t.b[i] = slot(op.b); t.k1[i] = op.ka; t.k0[i] = op.kb; break
      case 'muladd': t.code[i] = MULADD; t.a[i] = slot(op.a); t.b[i] = slot(op.b); t.c[i] = slot(op.c); break
      case 'sqdiff': t.code[i] = SQDIFF; t.a[i] = slot(op.a); t.b[i] = slot(op.b); break
      case 'sum': case 'mean': {
        t.code[i] = op.code === 'sum' ? SUM : MEAN
        t.a[i] = g
        for (const r of rangeRefs(op.range)) t.gather[g++] = slot(r)
        t.b[i] = g - t.a[i]
        break
      }
    }
    for (const r of opReads(op)) { const s = slot(r); if (t.firstReader[s] > i) t.firstReader[s] = i }
    i++
  })
  return t
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
    }
  }
}

/** An input edit: new value, forward from its first reader, full reverse. */
export function editInput(t: Tape, slot: number, newValue: number, objective: number): void {
  t.value[slot] = newValue
  forward(t, t.firstReader[slot])
  reverse(t, objective)
}

// The workbook's tape (a Wengert list): the forward and reverse passes over the segments
// that evaluate/tape-layout.ts lowers and lays out. The forward pass runs a cell's
// segment; its values stay on the tape, so the reverse pass reads the intermediates
// instead of re-running the forward. The reverse pass is one sweep down the evaluation
// order for all cells at once. Arithmetic operators and the commonest unary functions run
// inline (their rule written out in the switches below, chosen by the op code the function
// table declares: Fast1/Fast2.inline); other functions are called through the table's fast
// forms. A cell without a segment — tensors, labels, rare functions, an unresolved
// reference — runs on the general path (evaluate/run.ts), as does a cell whose inputs are
// not numbers at the moment (the tape gives up and says so with NaN).
import { Kind, type CellStore } from '../graph/store'
import { TapeOp } from './fast-program'
import { TapeLayout } from './tape-layout'

/** The reverse pass's hand-off for a cell the tape did not run: returns 1 if it sent the cell's adjoint back, else 0. */
export type GeneralBackward = (id: number) => number

export class Tape extends TapeLayout {
  /**
   * Runs the cell's segment; returns its value, or NaN when the tape gives up (an input
   * that is not a number, a domain error, a non-finite intermediate): then the general
   * path decides, and `ran` says the reverse pass must use it too.
   */
  forward(store: CellStore, id: number): number {
    const n = this.size[id]
    this.ran[id] = 0
    if (n === 0) return NaN
    const y = this.run(store.kind, store.num, this.start[id], this.start[id] + n)
    if (y === y) this.ran[id] = 1
    return y
  }

  /** Runs ops [from, end) (one segment): the last op's value, or NaN when the tape gives up. */
  run(kinds: Uint8Array, nums: Float64Array, from: number, end: number): number {
    const op = this.op
    const a = this.a
    const b = this.b
    const val = this.val
    const kc = this.k
    for (let t = from; t < end; t++) {
      let y: number
      switch (op[t]) {
        case TapeOp.Const:
          continue
        case TapeOp.Cell: {
          const c = a[t]
          const k = kinds[c]
          if (k === Kind.Number) y = nums[c]
          else if (k === Kind.Empty) y = 0
          else return NaN
          break
        }
        // Inline rules: each the function table's own rule for the function that declares
        // the op (functions/*: Fast1/Fast2.inline), checked by evaluate/inline-ops.test.ts.
        // A domain the table refuses gives a non-finite value here, caught below.
        case TapeOp.Add:
          y = val[a[t]] + val[b[t]]
          break
        case TapeOp.Sub:
          y = val[a[t]] - val[b[t]]
          break
        case TapeOp.Mul:
          y = val[a[t]] * val[b[t]]
          break
        case TapeOp.Div:
          y = val[a[t]] / val[b[t]]
          break
        case TapeOp.Pow:
          y = Math.pow(val[a[t]], val[b[t]])
          break
        case TapeOp.Neg:
          y = -val[a[t]]
          break
        case TapeOp.Tanh:
          y = Math.tanh(val[a[t]])
          break
        case TapeOp.Exp:
          y = Math.exp(val[a[t]])
          break
        case TapeOp.Log:
          y = Math.log(val[a[t]])
          break
        case TapeOp.Sqrt:
          y = Math.sqrt(val[a[t]])
          break
        case TapeOp.AddK:
          y = val[a[t]] + kc[t]
          break
        case TapeOp.SubK:
          y = val[a[t]] - kc[t]
          break
        case TapeOp.KSub:
          y = kc[t] - val[a[t]]
          break
        case TapeOp.MulK:
          y = val[a[t]] * kc[t]
          break
        case TapeOp.DivK:
          y = val[a[t]] / kc[t]
          break
        case TapeOp.KDiv:
          y = kc[t] / val[a[t]]
          break
        case TapeOp.PowK:
          y = Math.pow(val[a[t]], kc[t])
          break
        case TapeOp.Unary: {
          const forms = this.forms
          const f = this.fn[t]
          const x = val[a[t]]
          if (forms.dom1[f](x)) return NaN
          y = forms.f1[f](x)
          break
        }
        case TapeOp.Binary: {
          const forms = this.forms
          const f = this.fn[t]
          const x = val[a[t]]
          const z = val[b[t]]
          if (forms.dom2[f](x, z)) return NaN
          y = forms.f2[f](x, z)
          break
        }
        default: {
          // Left to right, as the general path's reduction adds the flattened range.
          const g0 = a[t]
          const g1 = g0 + b[t]
          const gather = this.gather
          let total = 0
          let numbers = 0
          for (let j = g0; j < g1; j++) {
            const c = gather[j]
            const k = kinds[c]
            if (k === Kind.Number) {
              total += nums[c]
              numbers++
            } else if (k !== Kind.Empty) return NaN
          }
          // AVERAGE of no numbers is #DIV/0!: left to the general path.
          const kind = op[t]
          y = kind === TapeOp.RangeSum ? total : total / (kind === TapeOp.RangeMean ? g1 - g0 : numbers)
        }
      }
      if (y - y !== 0) return NaN // not finite
      val[t] = y
    }
    return val[end - 1]
  }

  /**
   * Sends the cell's adjoint `g` back through its segment, adding each number cell's
   * share into `grads` (an empty cell passes no gradient). Reads the values the forward
   * left on the tape; only for cells whose last forward ran here (`ran`).
   */
  backward(store: CellStore, id: number, g: number, grads: Float64Array): void {
    this.back(store.kind, this.start[id], this.size[id], g, grads)
  }

  /**
   * The reverse pass: walks `order` down from position `top`; each number cell with a
   * nonzero adjoint in `grads` (its ∂J/∂cell, complete once the sweep reaches it, since
   * every reader comes later in the order) sends it back through its segment into the
   * cells it reads. Formula cells the tape did not run (`formulas[id]` set, `ran` 0) and
   * tensor cells go to `general`. Returns how many cells sent an adjoint back.
   */
  sweep(kinds: Uint8Array, order: Int32Array, top: number, grads: Float64Array, formulas: ArrayLike<unknown>, general: GeneralBackward): number {
    const start = this.start
    const size = this.size
    const ran = this.ran
    let visits = 0
    for (let p = top; p >= 0; p--) {
      const id = order[p]
      const kc = kinds[id]
      if (kc !== Kind.Number) {
        if (kc === Kind.Tensor) visits += general(id)
        continue
      }
      const g = grads[id]
      if (g === 0) continue
      if (ran[id] === 0) {
        if (formulas[id]) visits += general(id)
        continue
      }
      visits++
      this.back(kinds, start[id], size[id], g, grads)
    }
    return visits
  }

  /** Sends adjoint `g` of the last op back through the segment of `n` ops at `from`, into `grads`. */
  private back(kinds: Uint8Array, from: number, n: number, g: number, grads: Float64Array): void {
    const op = this.op
    const a = this.a
    const b = this.b
    const val = this.val
    const kc = this.k
    const adj = this.adj
    // The segment's adjoints live in adj[t - from]; each is zeroed as it is read.
    const last = n - 1
    adj[last] = g
    for (let i = last; i >= 0; i--) {
      const d = adj[i]
      if (d === 0) continue
      adj[i] = 0
      const t = from + i
      switch (op[t]) {
        case TapeOp.Const:
          break
        case TapeOp.Cell: {
          const c = a[t]
          if (kinds[c] === Kind.Number) grads[c] += d
          break
        }
        // Inline rules' derivatives: d times the table's partial, written out.
        case TapeOp.Add:
          adj[a[t] - from] += d
          adj[b[t] - from] += d
          break
        case TapeOp.Sub:
          adj[a[t] - from] += d
          adj[b[t] - from] += d * -1
          break
        case TapeOp.Mul:
          adj[a[t] - from] += d * val[b[t]]
          adj[b[t] - from] += d * val[a[t]]
          break
        case TapeOp.Div: {
          const z = val[b[t]]
          adj[a[t] - from] += d * (1 / z)
          adj[b[t] - from] += d * (-val[t] / z)
          break
        }
        case TapeOp.Pow: {
          const x = val[a[t]]
          const z = val[b[t]]
          adj[a[t] - from] += d * (z === 0 ? 0 : z * Math.pow(x, z - 1))
          adj[b[t] - from] += d * (x > 0 ? val[t] * Math.log(x) : 0)
          break
        }
        case TapeOp.Neg:
          adj[a[t] - from] += d * -1
          break
        case TapeOp.Tanh: {
          const y = val[t]
          adj[a[t] - from] += d * (1 - y * y)
          break
        }
        case TapeOp.Exp:
          adj[a[t] - from] += d * val[t]
          break
        case TapeOp.Log:
          adj[a[t] - from] += d * (1 / val[a[t]])
          break
        case TapeOp.Sqrt:
          adj[a[t] - from] += d * (0.5 / val[t])
          break
        case TapeOp.AddK:
        case TapeOp.SubK:
          adj[a[t] - from] += d
          break
        case TapeOp.KSub:
          adj[a[t] - from] += d * -1
          break
        case TapeOp.MulK:
          adj[a[t] - from] += d * kc[t]
          break
        case TapeOp.DivK:
          adj[a[t] - from] += d * (1 / kc[t])
          break
        case TapeOp.KDiv:
          adj[a[t] - from] += d * (-val[t] / val[a[t]])
          break
        case TapeOp.PowK: {
          const z = kc[t]
          adj[a[t] - from] += d * (z === 0 ? 0 : z * Math.pow(val[a[t]], z - 1))
          break
        }
        case TapeOp.Unary: {
          const x = a[t]
          adj[x - from] += d * this.forms.df1[this.fn[t]](val[x], val[t])
          break
        }
        case TapeOp.Binary: {
          const forms = this.forms
          const f = this.fn[t]
          const x = a[t]
          const z = b[t]
          const da = d * forms.dfa[f](val[x], val[z], val[t])
          const db = d * forms.dfb[f](val[x], val[z], val[t])
          adj[x - from] += da
          adj[z - from] += db
          break
        }
        default: {
          // Every number cell of the range gets the same share; empty cells pass no gradient.
          const g0 = a[t]
          const g1 = g0 + b[t]
          const gather = this.gather
          const kind = op[t]
          let share = d
          if (kind !== TapeOp.RangeSum) {
            let count = g1 - g0
            if (kind === TapeOp.RangeAverage) {
              count = 0
              for (let j = g0; j < g1; j++) if (kinds[gather[j]] === Kind.Number) count++
            }
            share = d / count
          }
          for (let j = g0; j < g1; j++) if (kinds[gather[j]] === Kind.Number) grads[gather[j]] += share
        }
      }
    }
  }
}

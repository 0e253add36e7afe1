// The workbook's tape (a Wengert list): the forward and reverse passes over the segments
// that evaluate/tape-layout.ts lowers and lays out. The forward pass runs a cell's
// segment; its values stay on the tape, so the reverse pass reads the intermediates
// instead of re-running the forward. A cell without a segment — tensors, labels, rare
// functions, an unresolved reference — runs on the general path (evaluate/run.ts), as
// does a cell whose inputs are not numbers at the moment (the tape gives up and says so
// with NaN).
import { Kind, type CellStore } from '../graph/store'
import { TapeOp } from './fast-program'
import { TapeLayout } from './tape-layout'

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
    const kinds = store.kind
    const nums = store.num
    const op = this.op
    const a = this.a
    const val = this.val
    const forms = this.forms
    const from = this.start[id]
    const end = from + n
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
        case TapeOp.Unary: {
          const f = this.fn[t]
          const x = val[a[t]]
          if (forms.dom1[f](x)) return NaN
          y = forms.f1[f](x)
          break
        }
        case TapeOp.Binary: {
          const f = this.fn[t]
          const x = val[a[t]]
          const z = val[this.b[t]]
          if (forms.dom2[f](x, z)) return NaN
          y = forms.f2[f](x, z)
          break
        }
        default: {
          // Left to right, as the general path's reduction adds the flattened range.
          const g0 = a[t]
          const g1 = g0 + this.b[t]
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
    this.ran[id] = 1
    return val[end - 1]
  }

  /**
   * Sends the cell's adjoint `g` back through its segment, adding each number cell's
   * share into `grads` (an empty cell passes no gradient). Reads the values the forward
   * left on the tape; only for cells whose last forward ran here (`ran`).
   */
  backward(store: CellStore, id: number, g: number, grads: Float64Array): void {
    const kinds = store.kind
    const op = this.op
    const a = this.a
    const val = this.val
    const from = this.start[id]
    const n = this.size[id]
    const adj = this.adj
    const forms = this.forms
    for (let i = 0; i < n - 1; i++) adj[i] = 0
    adj[n - 1] = g
    for (let i = n - 1; i >= 0; i--) {
      const d = adj[i]
      if (d === 0) continue
      const t = from + i
      switch (op[t]) {
        case TapeOp.Const:
          break
        case TapeOp.Cell: {
          const c = a[t]
          if (kinds[c] === Kind.Number) grads[c] += d
          break
        }
        case TapeOp.Unary: {
          const x = a[t]
          adj[x - from] += d * forms.df1[this.fn[t]](val[x], val[t])
          break
        }
        case TapeOp.Binary: {
          const f = this.fn[t]
          const x = a[t]
          const z = this.b[t]
          const da = d * forms.dfa[f](val[x], val[z], val[t])
          const db = d * forms.dfb[f](val[x], val[z], val[t])
          adj[x - from] += da
          adj[z - from] += db
          break
        }
        default: {
          // Every number cell of the range gets the same share; empty cells pass no gradient.
          const g0 = a[t]
          const g1 = g0 + this.b[t]
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

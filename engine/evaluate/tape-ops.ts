// The tape's op codes and record layout, and the two pass kernels that run them: the
// forward pass over the due cells (`forwardDirty`, whose cell runner `runCells` holds the
// forward op switch) and the reverse sweep for all cells (`sweepOps`), each with its op
// switch inline, so there is no call per cell or per op. Arithmetic operators and
// the commonest unary functions run inline — their rule written out in the switches
// here, picked by the op code the function table declares (Fast1/Fast2.inline, mapped in
// evaluate/inline-ops.ts) and checked against the table's own rule by
// evaluate/inline-ops.test.ts; other functions are called through the table's fast
// forms (evaluate/tape-forms.ts).
// The op codes are declared in this file so that the switches compile to jump tables:
// esbuild writes an enum's members as number literals only in the file that declares it
// (elsewhere `TapeOp.Add` is a property load, and V8 builds a jump table only for literal
// cases: a chain of 26 compares measured ~2x slower per op on the stencil workload).
// That is also why both kernels and the record offsets (`Rec`) live in this one file,
// longer than the others.
import { readsChanged } from './dense-run'
import type { DirtyPass, GeneralBackward, TapeArrays } from './tape-pass'

export const enum TapeOp {
  Const = 0,
  Cell = 1,
  Name = 2,
  /** A one-argument function called through the function table's fast form. */
  Unary = 3,
  /** A two-argument function called through the function table's fast form. */
  Binary = 4,
  /** A range read only by the reduction right after it: no value of its own. */
  Range = 5,
  // Two-argument rules the tape runs inline (Fast2.inline; evaluate/inline-ops.ts), Add..Pow.
  Add = 6,
  Sub = 7,
  Mul = 8,
  Div = 9,
  Pow = 10,
  // One-argument rules the tape runs inline (Fast1.inline), Neg..Sqrt.
  Neg = 11,
  Tanh = 12,
  Exp = 13,
  Log = 14,
  Sqrt = 15,
  // An inline two-argument rule with one operand a constant folded into the op (its `k`;
  // evaluate/fast-fold.ts): one op and no Const op to run; the constant gets no adjoint.
  /** x + k (and k + x: IEEE addition is commutative, bit for bit). */
  AddK = 16,
  /** x − k */
  SubK = 17,
  /** k − x */
  KSub = 18,
  /** x · k (and k · x) */
  MulK = 19,
  /** x / k */
  DivK = 20,
  /** k / x */
  KDiv = 21,
  /** x ^ k */
  PowK = 22,
  /**
   * a + b·k: an Add whose one operand was a MulK read only by it, fused (evaluate/fast-fold.ts).
   * The same two roundings as the pair; `a` takes its share before `b`, as it did.
   */
  AddScaled = 23,
  /**
   * a + b·c, with c a cell read in place (its ~id in `k`): an Add whose one operand was a
   * Mul read only by it, fused (fast-fold.ts). Shares go to a, then c, then b, as they did.
   */
  AddMul = 24,
  /** (a − b)²: a Sub read only by an x² (PowK 2), fused (fast-fold.ts). Shares go to b, then a. */
  SqDiff = 25,
  /**
   * a·k2 + b·k, both cells read in place: an AddScaled whose `a` was a MulK read only by it,
   * fused (fast-fold.ts; a stencil cell 0.5·above + 0.5·left). Its second constant is in
   * the tape's `k2`. The pair's roundings; shares go to b, then a, as they did.
   */
  WeightedPair = 26,
  /** SUM/sum of one range. */
  RangeSum = 27,
  /** mean of one range: divides by the range's size (tensor meaning). */
  RangeMean = 28,
  /** AVERAGE of one range: divides by the count of numbers (blanks skipped, as in Excel). */
  RangeAverage = 29,
}

/** Whether the op reads two earlier ops (a, b) of its segment. */
export const readsTwo = (k: number): boolean => k === TapeOp.Binary || (k >= TapeOp.Add && k <= TapeOp.Pow) || (k >= TapeOp.AddScaled && k <= TapeOp.WeightedPair)
/** Whether the op reads one earlier op (a) of its segment. */
export const readsOne = (k: number): boolean => k === TapeOp.Unary || (k >= TapeOp.Neg && k <= TapeOp.PowK)

/** The cell kinds the rules test (graph/store.ts Kind, as literals here; tape-ops.test.ts checks they agree). */
export const enum CellKind {
  Empty = 0,
  Number = 1,
  Tensor = 2,
}

/**
 * The tape's records (evaluate/tape-layout.ts explains why records): op t's code and
 * operands are code[3t .. 3t+2], its value and constants num[3t .. 3t+2]; cell id's segment
 * is seg[3·id .. 3·id+2]. Declared here, beside the kernels, so their offsets are literals.
 */
export const enum Rec {
  /** Entries per record, in all three arrays. */
  Size = 3,
  // code[…]
  Op = 0,
  A = 1,
  B = 2,
  // num[…]
  Val = 0,
  K = 1,
  K2 = 2,
  // seg[…]
  Start = 0,
  Count = 1,
  Ran = 2,
}

/**
 * An operand's value: an earlier op's (x ≥ 0), or a cell read in place (x = ~id): its
 * number, 0 when empty, NaN otherwise — which makes the op's result non-finite, so the
 * tape gives up as a Cell op would (only ops whose rule turns NaN into NaN read cells in
 * place: evaluate/fast-fold.ts `fusable`). The reverse pass reads the same way, and only
 * through segments that ran, so there it never meets NaN.
 */
function read(x: number, num: Float64Array, nums: Float64Array): number {
  return x >= 0 ? num[Rec.Size * x + Rec.Val] : nums[~x] // the store keeps 0 there for an empty cell and NaN for any other non-number (graph/store.ts `num`)
}

/**
 * Sends `share` of the adjoint to an operand: an earlier op of the segment (x ≥ 0), or a
 * cell read in place (x = ~id), whose gradient takes it as its Cell op would have (a
 * number cell, a nonzero share).
 */
function send(x: number, share: number, adj: Float64Array, from: number, kinds: Uint8Array, grads: Float64Array): void {
  if (x >= 0) adj[x - from] += share
  else if (share !== 0 && kinds[~x] === CellKind.Number) grads[~x] += share
}

/**
 * Positions per call of a kernel. V8 gives a function its best code when it is called
 * often; a kernel called once per pass runs its loop in on-stack-replacement code, and
 * once that call-compiled code is thrown away (a collection between passes, a feedback
 * gap) the kernel can stay for good in baseline code that jumps into the loop's OSR
 * code, measured 25–35 % slower (stencil 100k: 2.4 against 1.8 ms per edit; Node's
 * --no-use-osr gave the fast figure every time). Called per chunk, the kernels reach
 * call-compiled code in every run (docs/benchmarks.md, "Kernels and V8's compiled code").
 */
export const KERNEL_CHUNK = 4096

/**
 * Runs positions `q` up to `stop` as a dense run does: a flagged cell always, any other
 * cell with a segment (and, when formulas run off the tape, one that reads a cell whose
 * value changed in this pass); records each changed cell. Stops early, at the position
 * it has not run, once no value has changed for `exitAfter` positions (since `p.lastChange`).
 */
export function runCells(tape: TapeArrays, p: DirtyPass, q: number, stop: number): number {
  const { kinds, nums, order, dirty, seg, inCycle } = p
  const code = tape.code
  const num = tape.num
  const changedIds = p.changed
  let changedCount = p.changedCount
  let pending = p.pending
  let evaluations = p.evaluations
  const d = p.dense
  const { changedAt, epoch, exitAfter, offTape } = d
  let last = p.lastChange
  for (; q < stop; q++) {
    if (q - last > exitAfter) break
    const id = order[q]
    const cell = Rec.Size * id
    const n = seg[cell + Rec.Count]
    const cycle = inCycle !== null && inCycle(id)
    if (dirty[id]) {
      dirty[id] = 0
      pending--
    } else if (cycle || (n === 0 && (!offTape || !readsChanged(id, d)))) continue
    let changed: boolean
    if (n > 0 && !cycle) {
      evaluations++
      const end = Rec.Size * (seg[cell + Rec.Start] + n)
      // The last op's value when the segment ran to its end; NaN when it stopped (`break run`).
      let y = NaN
      run: {
        // r: the op's record in `code` and `num`.
        for (let r = Rec.Size * seg[cell + Rec.Start]; r < end; r += Rec.Size) {
          switch (code[r + Rec.Op]) {
            case TapeOp.Const:
              y = num[r + Rec.Val] // set at lowering
              continue
            case TapeOp.Cell:
              y = nums[code[r + Rec.A]] // NaN for a cell that is not a number or empty: caught below
              break
            // Inline rules (Add … PowK): each the function table's own rule for the function
            // that declares the op (functions/*: Fast1/Fast2.inline), checked by
            // evaluate/inline-ops.test.ts. A domain the table refuses gives a non-finite value
            // here, caught below. One case per op, operands read through `read`.
            case TapeOp.Add: {
              const x = read(code[r + Rec.A], num, nums)
              const z = read(code[r + Rec.B], num, nums)
              y = x + z
              break
            }
            case TapeOp.Sub: {
              const x = read(code[r + Rec.A], num, nums)
              const z = read(code[r + Rec.B], num, nums)
              y = x - z
              break
            }
            case TapeOp.Mul: {
              const x = read(code[r + Rec.A], num, nums)
              const z = read(code[r + Rec.B], num, nums)
              y = x * z
              break
            }
            case TapeOp.Div: {
              const x = read(code[r + Rec.A], num, nums)
              const z = read(code[r + Rec.B], num, nums)
              y = x / z
              break
            }
            case TapeOp.Pow: {
              const x = read(code[r + Rec.A], num, nums)
              const z = read(code[r + Rec.B], num, nums)
              y = Math.pow(x, z)
              break
            }
            case TapeOp.Neg: {
              const x = read(code[r + Rec.A], num, nums)
              y = -x
              break
            }
            case TapeOp.Tanh: {
              const x = read(code[r + Rec.A], num, nums)
              y = Math.tanh(x)
              break
            }
            case TapeOp.Exp: {
              const x = read(code[r + Rec.A], num, nums)
              y = Math.exp(x)
              break
            }
            case TapeOp.Log: {
              const x = read(code[r + Rec.A], num, nums)
              y = Math.log(x)
              break
            }
            case TapeOp.Sqrt: {
              const x = read(code[r + Rec.A], num, nums)
              y = Math.sqrt(x)
              break
            }
            case TapeOp.AddK: {
              const x = read(code[r + Rec.A], num, nums)
              y = x + num[r + Rec.K]
              break
            }
            case TapeOp.SubK: {
              const x = read(code[r + Rec.A], num, nums)
              y = x - num[r + Rec.K]
              break
            }
            case TapeOp.KSub: {
              const x = read(code[r + Rec.A], num, nums)
              y = num[r + Rec.K] - x
              break
            }
            case TapeOp.MulK: {
              const x = read(code[r + Rec.A], num, nums)
              y = x * num[r + Rec.K]
              break
            }
            case TapeOp.DivK: {
              const x = read(code[r + Rec.A], num, nums)
              y = x / num[r + Rec.K]
              break
            }
            case TapeOp.KDiv: {
              const x = read(code[r + Rec.A], num, nums)
              y = num[r + Rec.K] / x
              break
            }
            case TapeOp.PowK: {
              // x² as x·x: V8's Math.pow (fdlibm) returns exactly x·x for an exponent of 2.
              const x = read(code[r + Rec.A], num, nums)
              const c = num[r + Rec.K]
              y = c === 2 ? x * x : Math.pow(x, c)
              break
            }
            case TapeOp.AddScaled:
              y = read(code[r + Rec.A], num, nums) + read(code[r + Rec.B], num, nums) * num[r + Rec.K]
              break
            case TapeOp.AddMul:
              y = read(code[r + Rec.A], num, nums) + read(code[r + Rec.B], num, nums) * read(num[r + Rec.K], num, nums)
              break
            case TapeOp.SqDiff: {
              const x = read(code[r + Rec.A], num, nums) - read(code[r + Rec.B], num, nums)
              y = x * x
              break
            }
            case TapeOp.WeightedPair:
              y = nums[~code[r + Rec.A]] * num[r + Rec.K2] + nums[~code[r + Rec.B]] * num[r + Rec.K]
              break
            case TapeOp.Unary: {
              const forms = tape.forms
              const f = num[r + Rec.K]
              const x = num[Rec.Size * code[r + Rec.A] + Rec.Val]
              if (forms.dom1[f](x)) {
                y = NaN
                break run
              }
              y = forms.f1[f](x)
              break
            }
            case TapeOp.Binary: {
              const forms = tape.forms
              const f = num[r + Rec.K]
              const x = num[Rec.Size * code[r + Rec.A] + Rec.Val]
              const z = num[Rec.Size * code[r + Rec.B] + Rec.Val]
              if (forms.dom2[f](x, z)) {
                y = NaN
                break run
              }
              y = forms.f2[f](x, z)
              break
            }
            default: {
              // Left to right, as the general path's reduction adds the flattened range.
              const g0 = code[r + Rec.A]
              const g1 = g0 + code[r + Rec.B]
              const gather = tape.gather
              let total = 0
              let numbers = 0
              for (let j = g0; j < g1; j++) {
                const c = gather[j]
                const k = kinds[c]
                if (k === CellKind.Number) {
                  total += nums[c]
                  numbers++
                } else if (k !== CellKind.Empty) {
                  y = NaN
                  break run
                }
              }
              // AVERAGE of no numbers is #DIV/0!: left to the general path.
              const kind = code[r + Rec.Op]
              y = kind === TapeOp.RangeSum ? total : total / (kind === TapeOp.RangeMean ? g1 - g0 : numbers)
            }
          }
          if (y - y !== 0) {
            y = NaN // not finite
            break run
          }
          num[r + Rec.Val] = y
        }
      }
      if (y === y) {
        seg[cell + Rec.Ran] = 1
        y += 0 // -0 shows and compares as 0, as in spreadsheets (-0 + 0 is 0; any other y is unchanged)
        if (kinds[id] === CellKind.Number) changed = nums[id] !== y
        else {
          changed = true
          p.becameNumber(id)
          kinds[id] = CellKind.Number
        }
        nums[id] = y
      } else {
        seg[cell + Rec.Ran] = 0
        changed = p.other(id, true)
      }
    } else {
      seg[cell + Rec.Ran] = 0
      changed = p.other(id, false)
    }
    if (!changed) continue
    changedIds[changedCount++] = id
    if (offTape) changedAt[id] = epoch
    last = q
  }
  p.changedCount = changedCount
  p.pending = pending
  p.evaluations = evaluations
  p.lastChange = last
  return q
}

/**
 * The reverse pass: walks `order` down from position `top`. A cell whose last forward ran
 * on the tape (its segment record's `ran`) and has a nonzero adjoint in `grads` (its
 * ∂J/∂cell, complete once the sweep reaches it, since every reader comes later in the
 * order) sends it back through its segment into the cells it reads; a formula cell the
 * tape did not run (`formulas[id]` set) and a tensor cell go to `general`. Returns how
 * many cells sent an adjoint back; `lastSweepMaxAbs()` then gives the largest finite
 * |∂J/∂cell| of a number cell.
 */
export function sweepOps(
  tape: TapeArrays, kinds: Uint8Array, nums: Float64Array, order: Int32Array, top: number, grads: Float64Array,
  seg: Int32Array, formulas: ArrayLike<unknown>, general: GeneralBackward, chunk = KERNEL_CHUNK,
): number {
  sweptMaxAbs = 0
  let visits = 0
  for (let high = top; high >= 0; high -= chunk)
    visits += sweepChunk(tape, kinds, nums, order, high, Math.max(0, high - chunk + 1), grads, seg, formulas, general)
  return visits
}

/** One chunk of `sweepOps`: positions `top` down to `bottom`; keeps the running maximum in `sweptMaxAbs`. */
function sweepChunk(
  tape: TapeArrays, kinds: Uint8Array, nums: Float64Array, order: Int32Array, top: number, bottom: number, grads: Float64Array,
  seg: Int32Array, formulas: ArrayLike<unknown>, general: GeneralBackward,
): number {
  const code = tape.code
  const num = tape.num
  const adj = tape.adj
  let visits = 0
  let maxAbs = sweptMaxAbs
  for (let p = top; p >= bottom; p--) {
    const id = order[p]
    const cellKind = kinds[id]
    if (cellKind === CellKind.Tensor) {
      visits += general(id)
      continue
    }
    const g = grads[id]
    if (g === 0) continue
    // Complete here (every reader comes later in the order): the largest finite |∂J/∂cell|.
    const m = g < 0 ? -g : g
    if (m > maxAbs && m !== Infinity && cellKind === CellKind.Number) maxAbs = m
    const cell = Rec.Size * id
    if (seg[cell + Rec.Ran] === 0) {
      if (cellKind === CellKind.Number && formulas[id]) visits += general(id)
      continue
    }
    visits++
    const from = seg[cell + Rec.Start]
    // The segment's adjoints live in adj[t - from]; each is zeroed as it is read. The
    // last op's is the cell's own, g, and never goes through adj (most segments are one op).
    const last = seg[cell + Rec.Count] - 1
    for (let i = last; i >= 0; i--) {
      let d = g
      if (i !== last) {
        d = adj[i]
        if (d === 0) continue
        adj[i] = 0
      }
      // r: the op's record in `code` and `num`.
      const r = Rec.Size * (from + i)
      switch (code[r + Rec.Op]) {
        case TapeOp.Const:
          break
        case TapeOp.Cell: {
          const c = code[r + Rec.A]
          if (kinds[c] === CellKind.Number) grads[c] += d
          break
        }
        // Inline rules' derivatives: d times the table's partial, written out, one case per
        // op. Operands that may be cells read in place (fast-fold.ts `fusable`) get their
        // share through `send`, b before a, as their Cell ops did; a partial that reads an
        // operand's value reads it through `read`, as the forward did: a cell's value
        // cannot have changed since (a change re-runs its readers).
        case TapeOp.Add:
          send(code[r + Rec.B], d, adj, from, kinds, grads)
          send(code[r + Rec.A], d, adj, from, kinds, grads)
          break
        case TapeOp.Sub:
          send(code[r + Rec.B], d * -1, adj, from, kinds, grads)
          send(code[r + Rec.A], d, adj, from, kinds, grads)
          break
        case TapeOp.Mul: {
          const xa = code[r + Rec.A]
          const xb = code[r + Rec.B]
          const va = read(xa, num, nums)
          send(xb, d * va, adj, from, kinds, grads)
          send(xa, d * read(xb, num, nums), adj, from, kinds, grads)
          break
        }
        case TapeOp.Div: {
          const xb = code[r + Rec.B]
          const z = read(xb, num, nums)
          send(xb, d * (-num[r + Rec.Val] / z), adj, from, kinds, grads)
          send(code[r + Rec.A], d * (1 / z), adj, from, kinds, grads)
          break
        }
        case TapeOp.Pow: {
          const xa = code[r + Rec.A]
          const xb = code[r + Rec.B]
          const x = read(xa, num, nums)
          const z = read(xb, num, nums)
          send(xb, d * (x > 0 ? num[r + Rec.Val] * Math.log(x) : 0), adj, from, kinds, grads)
          send(xa, d * (z === 0 ? 0 : z * Math.pow(x, z - 1)), adj, from, kinds, grads)
          break
        }
        case TapeOp.Neg:
        case TapeOp.KSub:
          send(code[r + Rec.A], d * -1, adj, from, kinds, grads)
          break
        case TapeOp.Tanh: {
          const y = num[r + Rec.Val]
          send(code[r + Rec.A], d * (1 - y * y), adj, from, kinds, grads)
          break
        }
        case TapeOp.Exp:
          send(code[r + Rec.A], d * num[r + Rec.Val], adj, from, kinds, grads)
          break
        case TapeOp.Log: {
          const xa = code[r + Rec.A]
          send(xa, d * (1 / read(xa, num, nums)), adj, from, kinds, grads)
          break
        }
        case TapeOp.Sqrt:
          send(code[r + Rec.A], d * (0.5 / num[r + Rec.Val]), adj, from, kinds, grads)
          break
        case TapeOp.AddK:
        case TapeOp.SubK:
          send(code[r + Rec.A], d, adj, from, kinds, grads)
          break
        case TapeOp.MulK:
          send(code[r + Rec.A], d * num[r + Rec.K], adj, from, kinds, grads)
          break
        case TapeOp.DivK:
          send(code[r + Rec.A], d * (1 / num[r + Rec.K]), adj, from, kinds, grads)
          break
        case TapeOp.KDiv: {
          const xa = code[r + Rec.A]
          send(xa, d * (-num[r + Rec.Val] / read(xa, num, nums)), adj, from, kinds, grads)
          break
        }
        case TapeOp.PowK: {
          // For x²: 2·x, as Math.pow(x, 1) is exactly x (fdlibm's special case).
          const xa = code[r + Rec.A]
          const z = num[r + Rec.K]
          const x = read(xa, num, nums)
          send(xa, d * (z === 2 ? 2 * x : z === 0 ? 0 : z * Math.pow(x, z - 1)), adj, from, kinds, grads)
          break
        }
        case TapeOp.AddScaled:
          send(code[r + Rec.A], d, adj, from, kinds, grads)
          send(code[r + Rec.B], d * num[r + Rec.K], adj, from, kinds, grads)
          break
        case TapeOp.AddMul: {
          // As the pair did: the Add's share to a, then the Mul's to c (d·b), then to b (d·c).
          const c = num[r + Rec.K]
          const xb = code[r + Rec.B]
          send(code[r + Rec.A], d, adj, from, kinds, grads)
          send(c, d * read(xb, num, nums), adj, from, kinds, grads)
          send(xb, d * read(c, num, nums), adj, from, kinds, grads)
          break
        }
        case TapeOp.SqDiff: {
          // x² sends d·2x to the Sub, which sends it to b (negated), then to a.
          const xa = code[r + Rec.A]
          const xb = code[r + Rec.B]
          const s = d * (2 * (read(xa, num, nums) - read(xb, num, nums)))
          send(xb, s * -1, adj, from, kinds, grads)
          send(xa, s, adj, from, kinds, grads)
          break
        }
        case TapeOp.WeightedPair: {
          // As the pair did: the AddScaled's share to b (d·k), then the MulK's to a (d·k2).
          const xb = ~code[r + Rec.B]
          const xa = ~code[r + Rec.A]
          const sb = d * num[r + Rec.K]
          if (sb !== 0 && kinds[xb] === CellKind.Number) grads[xb] += sb
          const sa = d * num[r + Rec.K2]
          if (sa !== 0 && kinds[xa] === CellKind.Number) grads[xa] += sa
          break
        }
        case TapeOp.Unary: {
          const x = code[r + Rec.A]
          adj[x - from] += d * tape.forms.df1[num[r + Rec.K]](num[Rec.Size * x + Rec.Val], num[r + Rec.Val])
          break
        }
        case TapeOp.Binary: {
          const forms = tape.forms
          const f = num[r + Rec.K]
          const x = code[r + Rec.A]
          const z = code[r + Rec.B]
          const vx = num[Rec.Size * x + Rec.Val]
          const vz = num[Rec.Size * z + Rec.Val]
          const y = num[r + Rec.Val]
          const da = d * forms.dfa[f](vx, vz, y)
          const db = d * forms.dfb[f](vx, vz, y)
          adj[x - from] += da
          adj[z - from] += db
          break
        }
        default: {
          // Every number cell of the range gets the same share; empty cells pass no gradient.
          const g0 = code[r + Rec.A]
          const g1 = g0 + code[r + Rec.B]
          const gather = tape.gather
          const kind = code[r + Rec.Op]
          let share = d
          if (kind !== TapeOp.RangeSum) {
            let count = g1 - g0
            if (kind === TapeOp.RangeAverage) {
              count = 0
              for (let j = g0; j < g1; j++) if (kinds[gather[j]] === CellKind.Number) count++
            }
            share = d / count
          }
          for (let j = g0; j < g1; j++) if (kinds[gather[j]] === CellKind.Number) grads[gather[j]] += share
        }
      }
    }
  }
  sweptMaxAbs = maxAbs
  return visits
}

/** The largest finite |∂J/∂cell| of a number cell the last `sweepOps` reached (a module slot: nothing stored on an object after its loop). */
let sweptMaxAbs = 0

/** The largest finite |∂J/∂cell| of the number cells the last `sweepOps` reached. */
export const lastSweepMaxAbs = (): number => sweptMaxAbs

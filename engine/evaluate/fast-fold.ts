// Folds number constants into the inline op that reads them (x + 1e-4 becomes one AddK
// op instead of a Const op and an Add op), and drops the Range ops a reduction reads
// through its gather block: fewer ops per cell for the tape to run forward and back.
// Done once per program shape, on its fast form (evaluate/fast.ts).
import type { FastProgram } from './fast-program'
import { TapeOp } from './tape-ops'

/** The folded op for `op` with its second (`constSecond`) or first operand a constant; undefined when none. */
function folded(op: number, constSecond: boolean): TapeOp | undefined {
  switch (op) {
    case TapeOp.Add:
      return TapeOp.AddK
    case TapeOp.Mul:
      return TapeOp.MulK
    case TapeOp.Sub:
      return constSecond ? TapeOp.SubK : TapeOp.KSub
    case TapeOp.Div:
      return constSecond ? TapeOp.DivK : TapeOp.KDiv
    case TapeOp.Pow:
      return constSecond ? TapeOp.PowK : undefined
  }
  return undefined
}

/** The same program with constants folded into their inline readers and Range ops left out. */
export function foldConstants(fp: FastProgram): FastProgram {
  const n = fp.kind.length
  const uses = new Int32Array(n)
  for (let i = 0; i < n; i++) {
    const k = fp.kind[i]
    if (k === TapeOp.Unary || (k >= TapeOp.Neg && k <= TapeOp.Sqrt)) uses[fp.a[i]]++
    else if (k === TapeOp.Binary || (k >= TapeOp.Add && k <= TapeOp.Pow)) {
      uses[fp.a[i]]++
      uses[fp.b[i]]++
    }
  }
  const kind = fp.kind.slice()
  const a = fp.a.slice()
  const b = fp.b.slice()
  const consts = fp.consts.slice()
  const keep = new Uint8Array(n).fill(1)
  const isConst = (i: number) => fp.kind[i] === TapeOp.Const && uses[i] === 1
  for (let i = 0; i < n; i++) {
    const k = fp.kind[i]
    if (k === TapeOp.Range) keep[i] = 0
    if (k < TapeOp.Add || k > TapeOp.Pow) continue
    const first = isConst(fp.a[i])
    const second = isConst(fp.b[i])
    if (first === second) continue
    const op = folded(k, second)
    if (op === undefined) continue
    const c = second ? fp.b[i] : fp.a[i]
    kind[i] = op
    a[i] = second ? fp.a[i] : fp.b[i]
    consts[i] = fp.consts[c]
    keep[c] = 0
  }
  // Renumber the ops kept; operands that are op indices follow.
  const at = new Int32Array(n)
  let m = 0
  for (let i = 0; i < n; i++) if (keep[i]) at[i] = m++
  const out: FastProgram = {
    kind: new Uint8Array(m), a: new Int32Array(m), b: new Int32Array(m), consts: new Float64Array(m),
    f1: new Array(m), f2: new Array(m),
  }
  for (let i = 0; i < n; i++) {
    if (!keep[i]) continue
    const j = at[i]
    const k = kind[i]
    out.kind[j] = k
    out.consts[j] = consts[i]
    out.f1[j] = fp.f1[i]
    out.f2[j] = fp.f2[i]
    const readsOps = k === TapeOp.Unary || k === TapeOp.Binary || (k >= TapeOp.Add && k <= TapeOp.PowK)
    out.a[j] = readsOps ? at[a[i]] : a[i]
    out.b[j] = k === TapeOp.Binary || (k >= TapeOp.Add && k <= TapeOp.Pow) ? at[b[i]] : b[i]
  }
  return out
}

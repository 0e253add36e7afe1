// Fewer ops per cell for the tape to run forward and back, once per program shape, on its
// fast form (evaluate/fast.ts):
// - number constants fold into the inline op that reads them (x + 1e-4 is one AddK op
//   instead of a Const op and an Add op);
// - a reference (or name) read by an op whose derivative does not need that operand's
//   value is read by the op itself, with no Cell op (A1 + 1e-4 is one op). Only where the
//   reverse pass then adds into the cell's gradient in the same order as the Cell op did,
//   so gradients stay bit for bit (see `fusable` and the comment above its use);
// - the Range op a reduction reads through its gather block is dropped;
// - an Add and a MulK or Mul read only by it fuse into one AddScaled (a + b·k) or AddMul
//   (a + b·c), an AddScaled and a MulK into one WeightedPair (a·k2 + b·k), and x² of a
//   Sub read only by it into one SqDiff ((a − b)²; see below).
import { OPERAND_NAME, OPERAND_OP, OPERAND_SLOT, type FastProgram } from './fast-program'
import { TapeOp, readsOne, readsTwo } from './tape-ops'

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

/**
 * Which operands of an op of kind `k` (folded constant `c`) may be a cell read directly:
 * 1 for `a`, 2 for `b`, 3 for both, 0 for none. The op's rule must turn a NaN operand
 * into a NaN result (how the tape gives up on a cell that is not a number): every inline
 * op but x^0, which is 1 even for NaN — so Pow's base stays an op, and x^k only reads in
 * place for k ≠ 0. A partial that reads an operand's value reads the cell again in the
 * reverse pass (tape-ops.ts `read`), where it still holds the value the forward read: a
 * change to a cell re-runs its readers before any reverse pass. (w·x + b is two ops
 * instead of four: regression's and mixed's weights times inputs.) Table calls (Unary,
 * Binary) read earlier ops only.
 */
function fusable(k: number, c: number): number {
  if (k === TapeOp.Pow) return 2
  if (k >= TapeOp.Add && k <= TapeOp.Div) return 3
  if (k === TapeOp.PowK) return c === 0 ? 0 : 1
  if (k >= TapeOp.Neg && k <= TapeOp.KDiv) return 1
  return 0
}

/** The same program with constants folded into their inline readers, references read in place where allowed, and Range ops left out. */
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
  // References read in place. The reverse pass adds into a cell's gradient when it reaches
  // the op; the Cell op did so when it reached the Cell op, which for the last operand is
  // the op right before. So `b` may always be read in place, `a` of a two-operand op only
  // when `b` is too (else `b`'s ops would come between), `a` of a one-operand op always.
  const aFrom = new Uint8Array(n)
  const bFrom = new Uint8Array(n)
  const refFrom = (i: number) => (uses[i] !== 1 ? OPERAND_OP : fp.kind[i] === TapeOp.Cell ? OPERAND_SLOT : fp.kind[i] === TapeOp.Name ? OPERAND_NAME : OPERAND_OP)
  for (let i = 0; i < n; i++) {
    if (!keep[i]) continue
    const k = kind[i]
    const may = fusable(k, consts[i])
    if (may === 0) continue
    if (may & 2) {
      bFrom[i] = refFrom(b[i])
      if (bFrom[i] !== OPERAND_OP) {
        keep[b[i]] = 0
        b[i] = fp.a[b[i]] // the slot or name index
      }
    }
    if ((may & 1) !== 0 && (may === 1 || bFrom[i] !== OPERAND_OP)) {
      aFrom[i] = refFrom(a[i])
      if (aFrom[i] !== OPERAND_OP) {
        keep[a[i]] = 0
        a[i] = fp.a[a[i]]
      }
    }
  }
  // Fusion: an Add one of whose operands is a MulK read by nothing else becomes one
  // AddScaled, a + b·k (0.5·B1 + 0.5·A2 is two ops instead of three; x + 1e-4·tanh(x) is
  // two instead of three). Its value is the pair's, rounding for rounding (IEEE addition
  // commutes). In the reverse pass it sends `a` its share, then `b` its share times k:
  // the order in which the pair's cells took theirs, so a cell read by both still adds
  // them in the same order. That holds when the MulK is the Add's `b` (it is the op right
  // before the Add: nothing runs between them), and when it is `a` with `b` read in place
  // (also right before); not when `b` has ops of its own, which would run in between.
  for (let i = 0; i < n; i++) {
    if (!keep[i] || kind[i] !== TapeOp.Add) continue
    // The MulK is `b`, or `a` when `b` is read in place (never `a` when `b` is an op).
    const m = bFrom[i] === OPERAND_OP ? b[i] : aFrom[i] === OPERAND_OP ? a[i] : -1
    if (m < 0 || uses[m] !== 1 || !keep[m]) continue
    // A Mul fuses when its second operand is a cell read in place (AddMul keeps it in `k`).
    const mul = kind[m] === TapeOp.Mul && bFrom[m] === OPERAND_SLOT
    if (kind[m] !== TapeOp.MulK && !mul) continue
    if (bFrom[i] !== OPERAND_OP) {
      // The MulK was `a`: `b`, read in place, becomes the plain operand.
      a[i] = b[i]
      aFrom[i] = bFrom[i]
    }
    kind[i] = mul ? TapeOp.AddMul : TapeOp.AddScaled
    b[i] = a[m]
    bFrom[i] = aFrom[m]
    consts[i] = mul ? b[m] : consts[m] // AddMul: the slot of the cell read in place
    keep[m] = 0
  }
  // a·k2 + b·k: an AddScaled with both cells read in place whose `a` is a MulK of a cell
  // read in place, read only by it (0.5·above + 0.5·left, one op instead of two). Nothing
  // runs between them (`b` has no ops), and the fused op sends b its share, then a, as the
  // AddScaled and then the MulK did.
  const consts2 = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    if (!keep[i] || kind[i] !== TapeOp.AddScaled || aFrom[i] !== OPERAND_OP || bFrom[i] === OPERAND_OP) continue
    const m = a[i]
    if (kind[m] !== TapeOp.MulK || uses[m] !== 1 || !keep[m] || aFrom[m] === OPERAND_OP) continue
    kind[i] = TapeOp.WeightedPair
    consts2[i] = consts[m]
    a[i] = a[m]
    aFrom[i] = aFrom[m]
    keep[m] = 0
  }
  // (a − b)²: x² of a Sub read only by it (nothing runs between them: the Sub is its operand's last op).
  for (let i = 0; i < n; i++) {
    if (!keep[i] || kind[i] !== TapeOp.PowK || consts[i] !== 2 || aFrom[i] !== OPERAND_OP) continue
    const m = a[i]
    if (kind[m] !== TapeOp.Sub || uses[m] !== 1 || !keep[m]) continue
    kind[i] = TapeOp.SqDiff
    a[i] = a[m]
    aFrom[i] = aFrom[m]
    b[i] = b[m]
    bFrom[i] = bFrom[m]
    keep[m] = 0
  }
  // Renumber the ops kept; operands that are op indices follow.
  const at = new Int32Array(n)
  let m = 0
  for (let i = 0; i < n; i++) if (keep[i]) at[i] = m++
  const out: FastProgram = {
    kind: new Uint8Array(m), a: new Int32Array(m), b: new Int32Array(m), consts: new Float64Array(m), consts2: new Float64Array(m),
    f1: new Array(m), f2: new Array(m), aFrom: new Uint8Array(m), bFrom: new Uint8Array(m),
  }
  for (let i = 0; i < n; i++) {
    if (!keep[i]) continue
    const j = at[i]
    const k = kind[i]
    out.kind[j] = k
    out.consts[j] = consts[i]
    out.consts2![j] = consts2[i]
    out.f1[j] = fp.f1[i]
    out.f2[j] = fp.f2[i]
    out.aFrom![j] = aFrom[i]
    out.bFrom![j] = bFrom[i]
    out.a[j] = (readsOne(k) || readsTwo(k)) && aFrom[i] === OPERAND_OP ? at[a[i]] : a[i]
    out.b[j] = readsTwo(k) && bFrom[i] === OPERAND_OP ? at[b[i]] : b[i]
  }
  return out
}

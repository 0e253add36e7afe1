// The calls the forward kernel leaves to its caller. `runCells` (evaluate/tape-ops.ts) keeps
// its loop free of calls a workbook without cycles would reach, because V8 reloads every
// typed array's length and data pointer on each pass of a loop that may call out; so a
// cell that needs a call — computed off the tape, a number where there was none, a
// function the tape calls through the table — stops the run at that cell, and
// `runCellsCalling` makes the call here, finishes or resumes the cell, and runs on.
// Same cells, same order, same results as one loop doing the calls inline.
import { Held, TapeOp, Rec, CellKind, heldKind, heldNumber, heldOp, resumeAt, runCells } from './tape-ops'
import type { DirtyPass, TapeArrays } from './tape-pass'

/**
 * `runCells` from `q` up to `stop`, making the calls it leaves: returns where it stopped
 * (`stop`, or earlier once no value has changed for `exitAfter` positions).
 */
export function runCellsCalling(tape: TapeArrays, p: DirtyPass, q: number, stop: number): number {
  for (;;) {
    q = runCells(tape, p, q, stop)
    const why = heldKind()
    if (why === Held.None) return q
    q = finishHeld(tape, p, q, why)
  }
}

/** Makes the call cell `order[q]` waits for; returns the position to run on from (q itself when its segment resumes). */
function finishHeld(tape: TapeArrays, p: DirtyPass, q: number, why: Held): number {
  const id = p.order[q]
  const ranAt = Rec.Size * id + Rec.Ran
  let changed: boolean
  if (why === Held.TableOp) {
    const r = heldOp()
    const y = tableCall(tape, r)
    if (y - y === 0) {
      tape.num[r + Rec.Val] = y
      resumeAt(r + Rec.Size)
      return q
    }
    p.seg[ranAt] = 0
    changed = p.other(id, true)
  } else if (why === Held.BecameNumber) {
    const y = heldNumber()
    p.seg[ranAt] = 1
    p.becameNumber(id)
    p.kinds[id] = CellKind.Number
    p.nums[id] = y
    changed = true
  } else {
    p.seg[ranAt] = 0
    changed = p.other(id, why === Held.GaveUp)
  }
  if (changed) {
    p.changed[p.changedCount++] = id
    if (p.dense.offTape) p.dense.changedAt[id] = p.dense.epoch
    p.lastChange = q
  }
  return q + 1
}

/**
 * A one- or two-argument function the tape calls through the table's fast forms, at op
 * record `r`: its value, or NaN where the function's domain refuses the operands.
 */
function tableCall(tape: TapeArrays, r: number): number {
  const { code, num, forms } = tape
  const f = num[r + Rec.K]
  const x = num[Rec.Size * code[r + Rec.A] + Rec.Val]
  if (code[r + Rec.Op] === TapeOp.Unary) return forms.dom1[f](x) ? NaN : forms.f1[f](x)
  const z = num[Rec.Size * code[r + Rec.B] + Rec.Val]
  return forms.dom2[f](x, z) ? NaN : forms.f2[f](x, z)
}

// The tape's rules test cell kinds through literals of their own (evaluate/tape-ops.ts
// CellKind, so its switches compile to jump tables); they must be the store's kinds.
import { describe, expect, it } from 'vitest'
import { Kind } from '../graph/store'
import { CellKind, TapeOp, readsOne, readsTwo } from './tape-ops'

describe('tape ops', () => {
  it('CellKind is the store\'s Kind', () => {
    expect([CellKind.Empty, CellKind.Number, CellKind.Tensor]).toEqual([Kind.Empty, Kind.Number, Kind.Tensor])
  })

  it('each op reads one earlier op, two, or none (cells, constants, ranges)', () => {
    expect([TapeOp.Unary, TapeOp.Neg, TapeOp.Tanh, TapeOp.AddK, TapeOp.KDiv, TapeOp.PowK].every(readsOne)).toBe(true)
    expect([TapeOp.Binary, TapeOp.Add, TapeOp.Div, TapeOp.Pow].every(readsTwo)).toBe(true)
    for (const k of [TapeOp.Const, TapeOp.Cell, TapeOp.Name, TapeOp.Range, TapeOp.RangeSum, TapeOp.RangeAverage]) {
      expect(readsOne(k) || readsTwo(k)).toBe(false)
    }
  })
})

// Builders for the `convention` field of a function's entry (types.ts, SPEC §4): the
// common kinds, and tests that say whether the current arguments sit at a point where
// the derivative is a convention. The explain panel and the tape read these, never names.
import { Tensor, type V } from '../values'
import type { Convention, Hits } from './types'

export const SMOOTH: Convention = { kind: 'smooth' }
export const DISCRETE: Convention = { kind: 'discrete' }
export const FLAT: Convention = { kind: 'flat' }
export const MIDDLE: Convention = { kind: 'middle' }
export const argExtremum = (extremum: 'maximum' | 'minimum'): Convention => ({ kind: 'argExtremum', extremum })

/** The numbers of one argument value (a scalar, a boolean as 0/1, a tensor's entries). */
export function entriesOf(v: V | undefined): ArrayLike<number> {
  if (typeof v === 'number') return [v]
  if (typeof v === 'boolean') return [v ? 1 : 0]
  if (v instanceof Tensor) return v.data
  return []
}

/** How many entries of argument `arg` pass the test. */
export function entriesWhere(test: (x: number) => boolean, arg = 0): Hits {
  return (args) => {
    const xs = entriesOf(args[arg])
    let n = 0
    for (let i = 0; i < xs.length; i++) if (test(xs[i])) n++
    return n
  }
}

/** 1 when every entry of every argument is 0 (and there is at least one). */
export const allZero: Hits = (args) => {
  let seen = 0
  for (const a of args) {
    const xs = entriesOf(a)
    for (let i = 0; i < xs.length; i++) if (xs[i] !== 0) return 0
    seen += xs.length
  }
  return seen > 0 ? 1 : 0
}

const TAKEN_AS_ZERO = 'its derivative is taken as 0 there'

/** abs, relu: derivative 0 at 0. */
export const kinkAtZero: Convention = { kind: 'kink', at: '0', rule: TAKEN_AS_ZERO, hits: entriesWhere((x) => x === 0) }

/** norm, hypot, std: a length of a vector, with derivative 0 at the zero vector. */
export function kinkAtZeroVector(at = 'the zero vector', hits: Hits = allZero): Convention {
  return { kind: 'kink', at, rule: TAKEN_AS_ZERO, hits }
}

/** A chosen one-sided derivative (words in `rule`) where `hits` says so. */
export const kink = (at: string, rule: string, hits: Hits): Convention => ({ kind: 'kink', at, rule, hits })

/** sqrt at 0, asin at ±1, …: the derivative is infinite there, so gradients through it are #NUM!. */
export function infiniteSlope(at: string, test: (x: number) => boolean, sign: '+∞' | '−∞' | '±∞' = '+∞', arg = 0): Convention {
  return { kind: 'infiniteSlope', at, rule: `its derivative is ${sign}, so gradients through it show #NUM!`, hits: entriesWhere(test, arg) }
}

/** IF and ?: — the conditional's and its branches' names as the explain panel says them. */
export const branch = (label: string, whenTrue: string, whenFalse: string): Convention => ({ kind: 'branch', label, branches: [whenTrue, whenFalse] })

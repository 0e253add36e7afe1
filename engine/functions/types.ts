// A function of the formula language as data: its value and, next to it, its
// derivative rule (micrograd style), its convention at points where it is not
// differentiable, and the fast forms the evaluator may use. The evaluator, the tape and
// the explain code never special-case a function by name: they read these fields.
//
// Fields other parts of the engine read (the contract of this file):
//   value / grad          the general path (any V in, any V out).
//   fast1 / fast2         scalar forms of one- and two-argument functions (numbers only);
//                         `inline` names the tape op that runs the same rule without a call.
//   rangeReduction        'sum' | 'mean' | 'average': a call with one range argument may be
//                         run as a loop over the range's cells (see RangeReduction).
//   convention            how the derivative is taken where the function is not
//                         differentiable (SPEC §4); required for every function. Its
//                         `kind` tells a tape what kind of op it is: 'flat' and 'discrete'
//                         ops pass no gradient (the reverse pass may skip them), 'branch'
//                         passes the whole gradient to the taken branch, 'argExtremum'
//                         to one argument entry; see Convention.
//   seesErrors, skipsNonNumbersInRanges   argument handling (below).
import type { Adj, V } from '../values'

export interface FnDef {
  name: string
  /** Arity bounds; max may be Infinity for variadic functions. */
  min: number
  max: number
  /** The value. Arguments contain no Err unless `seesErrors` is set. */
  value(args: V[]): V
  /**
   * Adjoint of each argument given the output's adjoint (same shape as that argument's
   * value), or null where no gradient flows (constants, booleans, untaken branches).
   * Absent: the function is piecewise constant and passes no gradient at all.
   */
  grad?(args: V[], out: V, adj: Adj): (Adj | null)[]
  /** Where the derivative is a convention rather than a limit (SPEC §4). Every function declares one. */
  convention: Convention
  /** Set for functions that decide themselves what an error argument means (IF). */
  seesErrors?: boolean
  /**
   * Set for the spreadsheet's reductions (SUM, AVERAGE, COUNT, …): a range argument
   * arrives as a RangeNumbers whose empty, label and boolean cells are skipped.
   */
  skipsNonNumbersInRanges?: boolean
  /** Scalar fast path of a one-argument function (same maths as value/grad, numbers only). */
  fast1?: Fast1
  /** Scalar fast path of a two-argument function. */
  fast2?: Fast2
  /** Set when a call with a single range argument is a plain loop over the range's cells. */
  rangeReduction?: RangeReduction
}

/**
 * The range fast paths. With one range argument whose cells are all numbers or empty:
 *   'sum'      Σ of the numbers (empty cells add 0); ∂/∂cell = 1.
 *   'mean'     Σ / (number of cells, empty ones included: tensor meaning); ∂/∂cell = 1/size.
 *   'average'  Σ / (number of cells holding numbers: spreadsheet meaning, AVERAGE);
 *              ∂/∂cell = 1/count for number cells, 0 for empty ones; no numbers → #DIV/0! (general path).
 * Any other cell kind (label, boolean, error, tensor) means: take the general path.
 */
export type RangeReduction = 'sum' | 'mean' | 'average'

/** Entries of the arguments that sit at a non-differentiable point right now (0: none). */
export type Hits = (args: V[]) => number

/**
 * How a function's derivative is defined everywhere (SPEC §4). The kinds:
 *   smooth         differentiable wherever it has a value (outside its domain it is an error).
 *   discrete       the value is a truth value or a count (comparisons, and/or/not, COUNT):
 *                  no gradient flows, and there is nothing to explain.
 *   flat           piecewise constant numbers (floor, round, sign, …): derivative 0 everywhere.
 *   kink           at some points the derivative is a chosen one-sided or sub-gradient
 *                  (abs'(0) = 0, relu'(0) = 0, norm at the zero vector, mod at a jump).
 *   infiniteSlope  at some points the derivative is infinite (sqrt at 0): gradients
 *                  through such a point are #NUM!.
 *   argExtremum    the whole gradient goes to the first entry attaining the extremum (max/min).
 *   middle         the gradient goes to the middle entry, or is split between the two
 *                  middle entries (median), of the sorted entries (a stable sort: ties keep order).
 *   branch         a conditional: only the taken branch receives the gradient.
 * `at` and `rule` are words for the explain panel ("abs at 0: its derivative is taken as 0 there");
 * `hits` says whether the current arguments sit at such a point; a branch's `label` is how the
 * panel names the conditional ("IF", "?") and `branches` its two branches.
 */
export type Convention =
  | { kind: 'smooth' }
  | { kind: 'discrete' }
  | { kind: 'flat' }
  | { kind: 'kink' | 'infiniteSlope'; at: string; rule: string; hits: Hits }
  | { kind: 'argExtremum'; extremum: 'maximum' | 'minimum' }
  | { kind: 'middle' }
  | { kind: 'branch'; label: string; branches: readonly [string, string] }

export type ConventionKind = Convention['kind']

/**
 * The tape ops (evaluate/tape.ts) that run a fast form's rule written out in the tape's
 * switch instead of calling `f`/`df`: the arithmetic operators and the commonest unary
 * functions. A fast form that names one must agree with it bit for bit (same value, same
 * derivative, and a non-finite result exactly where its domain test refuses):
 * evaluate/inline-ops.test.ts checks every such entry on random inputs.
 */
export type InlineUnary = 'negate' | 'tanh' | 'exp' | 'log' | 'sqrt'
export type InlineBinary = 'add' | 'subtract' | 'multiply' | 'divide' | 'pow'

/** f, its derivative, and the domain test (a non-null result means: take the general path). */
export interface Fast1 {
  f: (x: number) => number
  df: (x: number, y: number) => number
  domain?: (x: number) => unknown
  /** The tape op that runs this rule inline (absent: the tape calls f and df). */
  inline?: InlineUnary
}

export interface Fast2 {
  f: (a: number, b: number) => number
  dfa: (a: number, b: number, y: number) => number
  dfb: (a: number, b: number, y: number) => number
  domain?: (a: number, b: number) => unknown
  /** The tape op that runs this rule inline (absent: the tape calls f, dfa and dfb). */
  inline?: InlineBinary
}

/** The entry with its one-argument fast form declared as the tape's inline op `op`. */
export function inline1(def: FnDef, op: InlineUnary): FnDef {
  return { ...def, fast1: { ...def.fast1!, inline: op } }
}

/** The entry with its two-argument fast form declared as the tape's inline op `op`. */
export function inline2(def: FnDef, op: InlineBinary): FnDef {
  return { ...def, fast2: { ...def.fast2!, inline: op } }
}

export type FnTable = Record<string, FnDef>

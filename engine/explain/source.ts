// What engine/explain reads from a live engine: the cell store, the evaluation order and
// the gradients of the last reverse pass. A read-only window onto the engine's state, so
// the explanations use the very numbers and derivative rules the engine used.
// createEngine registers each engine's window here; this module imports no engine code,
// so there is no import cycle between the engine and its explainer.
import type { CellView } from '../api'
import type { CellStore } from '../graph/store'
import type { Adj } from '../values'

/** Membership and size of a set of cell ids. */
export interface CellSet {
  has(id: number): boolean
  readonly size: number
}

export interface ExplainSource {
  store: CellStore
  /** Evaluation order (ids) and each id's position in it. */
  order: Int32Array
  pos: Int32Array
  orderLen: number
  /** The objective's id when gradients are available, else -1. */
  objectiveId: number
  /** Why gradients are unavailable, or null. */
  gradReason: string | null
  /**
   * The cells J reads, directly or through other cells (J itself included): the engine's
   * own cone of J (core/cone.ts), its membership and size; null when that is not known (no
   * objective, or the cone awaits its recompute), and the reader must walk the precedents itself.
   */
  objectiveCone: CellSet | null
  /** A live sheet's name, or null for a deleted one. */
  sheetName(sid: number): string | null
  /** Sheet ids in tab order. */
  sheetIds(): number[]
  /** The id of an existing cell, or -1. */
  cellId(sheet: string, address: string): number
  /**
   * The existing cells of a block of a sheet (rows and columns 1-based, inclusive), row by
   * row; none when the sheet does not exist. Costs the smaller of the block's size and the
   * workbook's cell count, never more.
   */
  cellsIn(sheet: string, rows: [number, number], cols: [number, number]): number[]
  nameOf(id: number): string | undefined
  inCycle(id: number): boolean
  hasContent(id: number): boolean
  /** ∂J/∂cell as the last reverse pass left it (number or tensor adjoint), or null when unavailable. */
  gradOf(id: number): Adj | null
  view(id: number): CellView
  addressOf(id: number): string
}

const windows = new WeakMap<object, () => ExplainSource>()

/** Called by createEngine: how to open the engine's explain window. */
export function registerExplainSource(engine: object, open: () => ExplainSource): void {
  windows.set(engine, open)
}

/** The engine's explain window; every engine made by createEngine has one. */
export function explainSourceOf(engine: object): ExplainSource {
  const open = windows.get(engine)
  if (!open) throw new Error('this engine was not made by createEngine')
  return open()
}

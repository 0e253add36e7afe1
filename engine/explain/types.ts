// The plain data the graph view and the inspector receive (structured-clone safe, JSON safe).
import type { CellGrad, CellValue } from '../api'

/** Which part of the workbook the graph shows. */
export type GraphScope = (
  | { kind: 'all' }
  | { kind: 'objective' }
  | { kind: 'neighbourhood'; sheet: string; address: string; depth: number }
) & {
  /** Stacks (engine/explain/collapse.ts) the user opened: drawn cell by cell. */
  expanded?: string[]
}

export interface GraphNode {
  /** "Sheet1!B2" for a cell, "Sheet1!A1:A10" for a range drawn as one node. */
  key: string
  /** 'stack': rows that repeat one formula (or data read row by row), drawn as one node. */
  kind: 'cell' | 'range' | 'stack'
  sheet: string
  /** "B2" or "A1:A10". */
  address: string
  /** The cell's name, else its address (qualified when not on the first sheet). */
  label: string
  /** The cell's input ("=x + 5", "-3"), or a range's description. */
  formula: string
  value: CellValue
  grad: CellGrad
  objective: boolean
  param: boolean
  /** A non-differentiable convention was used at the current point (the grid's badge). */
  convention: boolean
  /** Position in the evaluation order: forward steps go by it. */
  order: number
  /** A stack's cells ("Sheet1!C2", …), in row order. */
  members?: string[]
}

export interface GraphEdge {
  from: string
  to: string
  /** ∂to/∂from at the current point when both are scalars, else null. */
  partial: number | null
  /** What the edge shows: "12", "[1, 1, 1]", "Jacobian 3×3". */
  partialText: string
  /** How many cell-to-cell edges a stacked edge stands for. */
  count?: number
}

export interface GraphSummary {
  /** Cells with content, formulas, sheets. */
  cells: number
  formulas: number
  sheets: number
  /** Nodes the requested scope would have drawn. */
  scopeNodes: number
  /** The inputs with the largest |∂J/∂cell|, most first. */
  topGradients: { key: string; label: string; grad: number }[]
}

export interface GraphData {
  scope: GraphScope
  nodes: GraphNode[]
  edges: GraphEdge[]
  /** Present when the scope had more nodes than the limit: nodes/edges are then empty. */
  tooLarge?: GraphSummary
  /** The neighbourhood was cut at the limit (a cell with thousands of users). */
  truncated?: boolean
}

/** One term ∂J/∂k · ∂k/∂c of the chain rule for c. */
export interface ChainTerm {
  user: string
  userLabel: string
  /** "∂J/∂g · ∂g/∂h = 18 × 12 = 216". */
  text: string
  contribution: number | number[] | number[][]
}

export interface LocalPartial {
  input: string
  inputLabel: string
  /** "∂g/∂h = 12". */
  text: string
  value: number | number[] | number[][] | null
}

export interface Explanation {
  key: string
  label: string
  input: string
  /** The formula with the current numbers put in for its references: "(2)^3 + 1". */
  substituted: string | null
  value: CellValue
  grad: CellGrad
  objective: boolean
  /** ∂J/∂c = Σ terms; empty for J itself and for cells nothing uses. */
  terms: ChainTerm[]
  /** "∂J/∂h = ∂J/∂g · ∂g/∂h = 18 × 12 = 216", or why there is none. */
  chainText: string
  /** The terms' sum (equals the engine's gradient). */
  chainSum: number | number[] | number[][] | null
  partials: LocalPartial[]
  /** Non-differentiable conventions used at the current point, in words. */
  notes: string[]
  /** For an error cell: keys from this cell back to the first cell that caused the error. */
  errorPath: string[]
}

/** One step of the forward/backward walk-through. */
export interface Step {
  phase: 'forward' | 'backward'
  node: string
  /** "h = x + 5 = 2" or "∂J/∂h = ∂J/∂g · ∂g/∂h = 18 × 12 = 216". */
  text: string
}

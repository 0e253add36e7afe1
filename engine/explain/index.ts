// engine/explain: the numbers behind the graph view and the chain-rule inspector, read
// from a live engine (see source.ts). Pure: no DOM, no Node.
import type { Engine } from '../index'
import { type CellBlock, conventionCells, explainCell } from './explain-cell'
import { DEFAULT_NODE_LIMIT, extractGraph } from './graph'
import { explainSourceOf } from './source'
import type { Explanation, GraphData, GraphScope, Step } from './types'

export type * from './types'
export type { CellBlock } from './explain-cell'

export interface Explainer {
  graph(scope: GraphScope, limit?: number): GraphData & { steps: Step[] }
  explain(sheet: string, address: string): Explanation | null
  /** Cells whose derivative used a convention at the current point: those in `within` (the grid's window), or all. */
  conventionCells(within?: CellBlock): string[]
}

export function explainerFor(engine: Engine): Explainer {
  return {
    graph: (scope, limit = DEFAULT_NODE_LIMIT) => extractGraph(explainSourceOf(engine), scope, limit),
    explain: (sheet, address) => explainCell(explainSourceOf(engine), sheet, address),
    conventionCells: (within) => conventionCells(explainSourceOf(engine), within),
  }
}

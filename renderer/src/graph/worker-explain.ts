// The worker's side of the graph view: answers graph, explain and conventions requests
// from the engine it owns (engine/explain does the work).
import type { Engine } from '../../../engine/index'
import { type CellBlock, explainerFor } from '../../../engine/explain/index'
import type { ViewportHint, WorkerRequest, WorkerResponse } from '../worker/protocol'

/** The grid's window (0-based rows and columns) as the engine's block (1-based, as addresses count). */
export const blockOf = (w: ViewportHint): CellBlock => ({ sheet: w.sheet, rows: [w.rows[0] + 1, w.rows[1] + 1], cols: [w.cols[0] + 1, w.cols[1] + 1] })

type ExplainRequest = Extract<WorkerRequest, { type: 'graph' | 'explain' | 'conventions' }>

export function answerExplain(engine: Engine, req: ExplainRequest): WorkerResponse {
  const x = explainerFor(engine)
  switch (req.type) {
    case 'graph':
      return { id: req.id, type: 'graph', graph: x.graph(req.scope, req.limit) }
    case 'explain':
      return { id: req.id, type: 'explained', explanation: x.explain(req.sheet, req.address) }
    case 'conventions':
      return { id: req.id, type: 'conventions', cells: x.conventionCells(req.window && blockOf(req.window)) }
  }
}

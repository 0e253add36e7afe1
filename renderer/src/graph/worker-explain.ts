// The worker's side of the graph view: answers graph, explain and conventions requests
// from the engine it owns (engine/explain does the work).
import type { Engine } from '../../../engine/index'
import { explainerFor } from '../../../engine/explain/index'
import type { WorkerRequest, WorkerResponse } from '../worker/protocol'

type ExplainRequest = Extract<WorkerRequest, { type: 'graph' | 'explain' | 'conventions' }>

export function answerExplain(engine: Engine, req: ExplainRequest): WorkerResponse {
  const x = explainerFor(engine)
  switch (req.type) {
    case 'graph':
      return { id: req.id, type: 'graph', graph: x.graph(req.scope, req.limit) }
    case 'explain':
      return { id: req.id, type: 'explained', explanation: x.explain(req.sheet, req.address) }
    case 'conventions':
      return { id: req.id, type: 'conventions', cells: x.conventionCells() }
  }
}

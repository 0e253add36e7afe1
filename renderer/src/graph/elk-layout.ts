// The layered (Sugiyama) layout by elkjs, left to right, edge labels placed by elk.
// Runs inside layout.worker.ts, off the UI thread.
import ELK, { type ElkNode } from 'elkjs/lib/elk.bundled.js'
import { EDGE_LABEL_HEIGHT, type LayoutInput, type LayoutResult } from './layout-types'

const elk = new ELK()

const OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  // Tight layer gaps (the partials' labels sit in them and widen them as needed): with text
  // never below 11 px, width is what decides whether a graph fits (issue 13).
  'elk.layered.spacing.nodeNodeBetweenLayers': '28',
  'elk.layered.spacing.edgeNodeBetweenLayers': '10',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '6',
  'elk.spacing.nodeNode': '24',
  'elk.spacing.edgeLabel': '4',
  'elk.padding': '[top=20,left=20,bottom=20,right=20]',
}

export async function elkLayout(input: LayoutInput): Promise<LayoutResult> {
  const request: ElkNode = {
    id: 'root',
    layoutOptions: OPTIONS,
    children: input.nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges: input.edges.map((e) => ({
      id: e.id,
      sources: [e.source],
      targets: [e.target],
      // elk drops labels with empty text, so the partial's text goes along.
      labels: [{ id: `${e.id}:label`, text: e.label || ' ', width: e.labelWidth, height: EDGE_LABEL_HEIGHT }],
    })),
  }
  const graph = await elk.layout(request)
  const nodes: LayoutResult['nodes'] = {}
  for (const c of graph.children ?? []) nodes[c.id] = { x: c.x ?? 0, y: c.y ?? 0 }
  const edges: LayoutResult['edges'] = {}
  for (const e of graph.edges ?? []) {
    const s = e.sections?.[0]
    if (!s) continue
    const points: [number, number][] = [[s.startPoint.x, s.startPoint.y], ...(s.bendPoints ?? []).map((p): [number, number] => [p.x, p.y]), [s.endPoint.x, s.endPoint.y]]
    const l = e.labels?.[0]
    edges[e.id] = { points, label: { x: l?.x ?? points[0][0], y: l?.y ?? points[0][1] } }
  }
  return { width: graph.width ?? 0, height: graph.height ?? 0, nodes, edges, engine: 'elk' }
}

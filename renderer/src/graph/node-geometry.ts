// Sizes of what the view draws, shared by the layout request and the SVG.
import type { GraphData } from '../../../engine/explain/types'
import type { LayoutInput } from './layout-types'

export const NODE_WIDTH = 172
export const NODE_HEIGHT = 70
/** Edge labels are set in 11px monospace: about 6.7px per character. */
export const labelWidth = (text: string): number => Math.ceil(text.length * 6.7) + 10

export const edgeId = (from: string, to: string): string => `${from}->${to}`

export function layoutInputOf(g: GraphData): LayoutInput {
  return {
    nodes: g.nodes.map((n) => ({ id: n.key, width: NODE_WIDTH, height: NODE_HEIGHT })),
    edges: g.edges.map((e) => ({ id: edgeId(e.from, e.to), source: e.from, target: e.to, label: e.partialText, labelWidth: labelWidth(e.partialText) })),
  }
}

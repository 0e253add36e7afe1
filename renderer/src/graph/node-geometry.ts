// Sizes of what the view draws, shared by the layout request and the SVG. Every text is
// set at 11 px or more and the view never zooms out below 1, so no text on screen is
// ever smaller than 11 px: a graph that does not fit pans (or collapses, collapse.ts).
import type { GraphData } from '../../../engine/explain/types'
import type { LayoutInput } from './layout-types'

export const NODE_WIDTH = 184
export const NODE_HEIGHT = 76
/** The smallest text the view draws (px at zoom 1) and the smallest zoom. */
export const MIN_TEXT_PX = 11
export const MIN_SCALE = 1
/** A stack is drawn as a card with two cards behind it, this far apart. */
export const STACK_OFFSET = 4
/** Edge labels are set in 11px monospace: about 6.7px per character. */
export const labelWidth = (text: string): number => Math.ceil(text.length * 6.7) + 10

export const edgeId = (from: string, to: string): string => `${from}->${to}`

export function layoutInputOf(g: GraphData): LayoutInput {
  return {
    nodes: g.nodes.map((n) => ({ id: n.key, width: NODE_WIDTH + (n.kind === 'stack' ? 2 * STACK_OFFSET : 0), height: NODE_HEIGHT + (n.kind === 'stack' ? 2 * STACK_OFFSET : 0) })),
    edges: g.edges.map((e) => ({ id: edgeId(e.from, e.to), source: e.from, target: e.to, label: e.partialText, labelWidth: labelWidth(e.partialText) })),
  }
}

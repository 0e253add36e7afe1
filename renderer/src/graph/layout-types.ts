// What the layout step takes and gives back: boxes and labelled edges in, positions out.

export interface LayoutInput {
  nodes: { id: string; width: number; height: number }[]
  edges: { id: string; source: string; target: string; label: string; labelWidth: number }[]
}

export interface LayoutResult {
  width: number
  height: number
  nodes: Record<string, { x: number; y: number }>
  /** Each edge's polyline and where its label sits (top-left). */
  edges: Record<string, { points: [number, number][]; label: { x: number; y: number } }>
  /** Which layouter produced it ('layered' is the fallback when elk fails). */
  engine: 'elk' | 'layered'
}

export const EDGE_LABEL_HEIGHT = 16

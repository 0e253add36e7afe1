// A plain layered layout (longest path from the sources, left to right), used only when
// elk cannot run: the view must never be left without a picture.
import type { LayoutInput, LayoutResult } from './layout-types'

const GAP_X = 90
const GAP_Y = 28
const MARGIN = 20

export function layeredLayout(input: LayoutInput): LayoutResult {
  const layer = new Map<string, number>(input.nodes.map((n) => [n.id, 0]))
  // Relax edges until stable (at most n rounds on a DAG).
  for (let round = 0; round < input.nodes.length; round++) {
    let moved = false
    for (const e of input.edges) {
      const next = (layer.get(e.source) ?? 0) + 1
      if (layer.has(e.target) && next > layer.get(e.target)!) {
        layer.set(e.target, next)
        moved = true
      }
    }
    if (!moved) break
  }
  const columns: { id: string; width: number; height: number }[][] = []
  for (const n of input.nodes) (columns[layer.get(n.id)!] ??= []).push(n)
  const nodes: LayoutResult['nodes'] = {}
  let x = MARGIN
  let height = 0
  for (const col of columns) {
    if (!col) continue
    let y = MARGIN
    let w = 0
    for (const n of col) {
      nodes[n.id] = { x, y }
      y += n.height + GAP_Y
      w = Math.max(w, n.width)
    }
    height = Math.max(height, y)
    x += w + GAP_X
  }
  const size = new Map(input.nodes.map((n) => [n.id, n]))
  const edges: LayoutResult['edges'] = {}
  for (const e of input.edges) {
    const a = nodes[e.source]
    const b = nodes[e.target]
    if (!a || !b) continue
    const s = size.get(e.source)!
    const t = size.get(e.target)!
    const p0: [number, number] = [a.x + s.width, a.y + s.height / 2]
    const p1: [number, number] = [b.x, b.y + t.height / 2]
    edges[e.id] = { points: [p0, p1], label: { x: (p0[0] + p1[0]) / 2 - e.labelWidth / 2, y: (p0[1] + p1[1]) / 2 - 14 } }
  }
  return { width: x + MARGIN, height: height + MARGIN, nodes, edges, engine: 'layered' }
}

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
  // One barycentre sweep, left to right: a node sits near the mean row of what it reads,
  // which removes most crossings in spreadsheet-shaped graphs.
  const row = new Map<string, number>()
  const sources = new Map<string, string[]>()
  for (const e of input.edges) (sources.get(e.target) ?? sources.set(e.target, []).get(e.target)!).push(e.source)
  for (const col of columns) {
    if (!col) continue
    const key = (id: string, i: number) => {
      const from = (sources.get(id) ?? []).filter((s) => row.has(s))
      return from.length ? from.reduce((sum, s) => sum + row.get(s)!, 0) / from.length : i
    }
    const keyed = col.map((n, i) => ({ n, k: key(n.id, i) }))
    keyed.sort((a, b) => a.k - b.k)
    keyed.forEach(({ n }, i) => {
      col[i] = n
      row.set(n.id, i)
    })
  }
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

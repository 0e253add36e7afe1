// Keyboard walk of the drawn graph (pure, so it is unit-tested without a DOM): Right goes
// to a cell that uses this one, Left to one it reads, Up/Down to the nearest node above or
// below in the same layer; each falls back to the nearest node that way.
import type { GraphEdge } from '../../../engine/explain/types'
import type { LayoutResult } from './layout-types'

export type WalkKey = 'ArrowRight' | 'ArrowLeft' | 'ArrowUp' | 'ArrowDown'

export function neighbour(key: string, dir: WalkKey, edges: readonly GraphEdge[], positions: LayoutResult): string | null {
  const at = positions.nodes[key]
  if (!at) return null
  const placed = Object.entries(positions.nodes).filter(([k]) => k !== key)
  const distance = ([, p]: [string, { x: number; y: number }]) => Math.hypot(p.x - at.x, p.y - at.y)
  const nearest = (list: [string, { x: number; y: number }][]) => (list.length ? list.reduce((a, b) => (distance(b) < distance(a) ? b : a))[0] : null)
  if (dir === 'ArrowRight' || dir === 'ArrowLeft') {
    const linked = new Set(edges.filter((e) => (dir === 'ArrowRight' ? e.from === key : e.to === key)).map((e) => (dir === 'ArrowRight' ? e.to : e.from)))
    const direct = nearest(placed.filter(([k]) => linked.has(k)))
    if (direct) return direct
    return nearest(placed.filter(([, p]) => (dir === 'ArrowRight' ? p.x > at.x + 1 : p.x < at.x - 1)))
  }
  const below = dir === 'ArrowDown'
  const way = placed.filter(([, p]) => (below ? p.y > at.y + 1 : p.y < at.y - 1))
  const sameLayer = way.filter(([, p]) => Math.abs(p.x - at.x) < 40)
  return nearest(sameLayer.length ? sameLayer : way)
}

/** Every node once, in reading order (layers left to right, top to bottom): for a full walk. */
export function readingOrder(positions: LayoutResult): string[] {
  return Object.entries(positions.nodes)
    .sort(([, a], [, b]) => a.x - b.x || a.y - b.y)
    .map(([k]) => k)
}

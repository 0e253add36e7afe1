// Both layouters put a chain left to right and give every edge a label position.
import { describe, expect, it } from 'vitest'
import { elkLayout } from './elk-layout'
import { layeredLayout } from './layered-layout'
import type { LayoutInput } from './layout-types'
import { layoutInputOf } from './node-geometry'

const chain: LayoutInput = {
  nodes: ['x', 'h', 'g', 'f'].map((id) => ({ id, width: 120, height: 60 })),
  edges: [['x', 'h'], ['h', 'g'], ['g', 'f'], ['x', 'f']].map(([s, t]) => ({ id: `${s}->${t}`, source: s, target: t, label: '12', labelWidth: 30 })),
}

describe.each([['elk', elkLayout], ['layered', async (i: LayoutInput) => layeredLayout(i)]] as const)('%s layout', (_name, run) => {
  it('lays a chain out left to right, labels on every edge, inside its bounds', async () => {
    const r = await run(chain)
    const x = (id: string) => r.nodes[id].x
    expect(x('x')).toBeLessThan(x('h'))
    expect(x('h')).toBeLessThan(x('g'))
    expect(x('g')).toBeLessThan(x('f'))
    for (const e of chain.edges) {
      const placed = r.edges[e.id]
      expect(placed.points.length).toBeGreaterThanOrEqual(2)
      expect(placed.label.x).toBeGreaterThan(x(e.source))
      expect(placed.label.x).toBeLessThan(x(e.target) + 120)
    }
    for (const id of Object.keys(r.nodes)) {
      expect(r.nodes[id].x + 120).toBeLessThanOrEqual(r.width)
      expect(r.nodes[id].y + 60).toBeLessThanOrEqual(r.height)
    }
  })
})

describe('layoutInputOf', () => {
  it('sizes edge labels by the partial text', () => {
    const input = layoutInputOf({
      scope: { kind: 'all' },
      nodes: [],
      edges: [{ from: 'Sheet1!A1', to: 'Sheet1!A2', partial: 12, partialText: '12' }, { from: 'Sheet1!A1', to: 'Sheet1!A3', partial: null, partialText: 'Jacobian 3 by 3' }],
    })
    expect(input.edges[0]).toMatchObject({ id: 'Sheet1!A1->Sheet1!A2', label: '12' })
    expect(input.edges[1].labelWidth).toBeGreaterThan(input.edges[0].labelWidth)
  })
})

describe('layered layout on a large graph', () => {
  it('lays out 300 nodes at once, every node and edge placed', () => {
    const nodes = Array.from({ length: 300 }, (_, i) => ({ id: `n${i}`, width: 172, height: 70 }))
    const edges = nodes.slice(1).map((n, i) => ({ id: `e${i}`, source: `n${Math.floor(i / 2)}`, target: n.id, label: '1', labelWidth: 20 }))
    const r = layeredLayout({ nodes, edges })
    expect(Object.keys(r.nodes)).toHaveLength(300)
    expect(Object.keys(r.edges)).toHaveLength(299)
    for (const e of edges) expect(r.nodes[e.source].x).toBeLessThan(r.nodes[e.target].x)
  })
})

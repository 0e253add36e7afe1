import { describe, expect, it } from 'vitest'
import { neighbour, readingOrder } from './graph-keys'
import type { LayoutResult } from './layout-types'
import { revealedEdges } from './step-player'

// x ─→ c ─→ J, w ─→ c, and a range R read by J.
const positions: LayoutResult = {
  width: 800, height: 300, engine: 'elk', edges: {},
  nodes: { x: { x: 0, y: 0 }, w: { x: 0, y: 100 }, c: { x: 250, y: 50 }, J: { x: 500, y: 50 }, R: { x: 250, y: 200 } },
}
const edges = [
  { from: 'x', to: 'c', partial: 3, partialText: '3' },
  { from: 'w', to: 'c', partial: -3, partialText: '-3' },
  { from: 'c', to: 'J', partial: 1, partialText: '1' },
  { from: 'R', to: 'J', partial: null, partialText: 'vector[9]' },
  { from: 'w', to: 'R', partial: 1, partialText: '1' },
]

describe('keyboard walk of the graph', () => {
  it('Right follows a user, Left an input, Up/Down stay in the layer', () => {
    expect(neighbour('x', 'ArrowRight', edges, positions)).toBe('c')
    expect(neighbour('c', 'ArrowRight', edges, positions)).toBe('J')
    expect(neighbour('J', 'ArrowLeft', edges, positions)).toBe('c')
    expect(neighbour('x', 'ArrowDown', edges, positions)).toBe('w')
    expect(neighbour('w', 'ArrowUp', edges, positions)).toBe('x')
    expect(neighbour('c', 'ArrowDown', edges, positions)).toBe('R')
    expect(neighbour('J', 'ArrowRight', edges, positions)).toBeNull()
    expect(neighbour('missing', 'ArrowRight', edges, positions)).toBeNull()
    expect(readingOrder(positions)).toEqual(['x', 'w', 'c', 'R', 'J'])
  })
})

describe('the step-through reveals partials in reverse-mode order', () => {
  it('edges into a node once its backward step is reached; a range with its reader', () => {
    expect([...revealedEdges(edges, new Set(), new Set(['R']))]).toEqual([])
    expect([...revealedEdges(edges, new Set(['J']), new Set(['R']))].sort()).toEqual(['R->J', 'c->J', 'w->R'])
    expect([...revealedEdges(edges, new Set(['J', 'c']), new Set(['R']))].sort()).toEqual(['R->J', 'c->J', 'w->R', 'w->c', 'x->c'])
  })
})

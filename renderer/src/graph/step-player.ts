// The step-through's state: which step is current, what has been computed so far, and a
// play timer with a speed. Steps come from the worker (forward in evaluation order, then
// backward from J). What is revealed follows reverse mode exactly: a node's value at its
// forward step; at a node's backward step its adjoint ∂J/∂node, and the local partials of
// its own formula (the edges into it), which its backward rule computes then — so an
// edge's partial is never shown before the step that computes it.
import { createEffect, createMemo, createSignal, onCleanup } from 'solid-js'
import type { GraphEdge, Step } from '../../../engine/explain/types'
import type { Graph } from './graph-controller'
import type { Reveal } from './GraphCanvas'
import { edgeId } from './node-geometry'

/** Play speeds: milliseconds per step. */
export const SPEEDS = { slow: 1400, normal: 700, fast: 250 } as const
export type Speed = keyof typeof SPEEDS

export type StepPlayer = ReturnType<typeof createStepPlayer>

/**
 * Edges whose partial is known once the backward pass has reached `reached` nodes: the
 * edges into a reached node, and into a range node whose reader was reached (a range
 * passes each entry on unchanged, so its partials are known with its reader's).
 */
export function revealedEdges(edges: readonly GraphEdge[], reached: ReadonlySet<string>, ranges: ReadonlySet<string>): Set<string> {
  const readerReached = new Set<string>()
  for (const e of edges) if (ranges.has(e.from) && reached.has(e.to)) readerReached.add(e.from)
  const out = new Set<string>()
  for (const e of edges) if (reached.has(e.to) || readerReached.has(e.to)) out.add(edgeId(e.from, e.to))
  return out
}

export function createStepPlayer(graph: () => Graph | null) {
  const steps = (): Step[] => graph()?.steps ?? []
  /** null: not stepping (the graph shows every number); -1: at the start, nothing computed yet. */
  const [index, setIndex] = createSignal<number | null>(null)
  const [playing, setPlaying] = createSignal(false)
  const [speed, setSpeed] = createSignal<Speed>('normal')

  const step = () => setIndex((i) => Math.min(steps().length - 1, (i ?? -1) + 1))
  const back = () => setIndex((i) => (i === null ? null : Math.max(-1, i - 1)))
  const reset = () => {
    setPlaying(false)
    setIndex(-1)
  }
  const stop = () => {
    setPlaying(false)
    setIndex(null)
  }
  const play = () => {
    if (playing()) return setPlaying(false)
    if (index() === null || index()! >= steps().length - 1) setIndex(-1)
    setPlaying(true)
  }

  createEffect(() => {
    if (!playing()) return
    const timer = setInterval(() => {
      const i = index() ?? -1
      if (i >= steps().length - 1) setPlaying(false)
      else step()
    }, SPEEDS[speed()])
    onCleanup(() => clearInterval(timer))
  })
  // A new graph (an edit) keeps the position only if it still exists.
  createEffect(() => {
    const n = steps().length
    const i = index()
    if (i !== null && i >= n) setIndex(n - 1)
  })

  const reveal = createMemo<Reveal | null>(() => {
    const i = index()
    if (i === null) return null
    const values = new Set<string>()
    const grads = new Set<string>()
    const all = steps()
    for (let k = 0; k <= i && k < all.length; k++) (all[k].phase === 'forward' ? values : grads).add(all[k].node)
    const g = graph()
    const ranges = new Set((g?.nodes ?? []).filter((n) => n.kind === 'range').map((n) => n.key))
    return { values, grads, edges: revealedEdges(g?.edges ?? [], grads, ranges), current: i >= 0 ? all[i]?.node ?? null : null }
  })

  const current = () => ((index() ?? -1) >= 0 ? steps()[index()!] ?? null : null)
  /** At a backward step: the local partials its node's backward rule computes now ("∂d/∂f = 1"). */
  const partialsNow = createMemo<string[]>(() => {
    const s = current()
    const g = graph()
    if (!s || s.phase !== 'backward' || !g) return []
    const label = (key: string) => g.nodes.find((n) => n.key === key)?.label ?? key
    return g.edges.filter((e) => e.to === s.node).map((e) => `∂${label(e.to)}/∂${label(e.from)} = ${e.partialText}`)
  })

  return { index, step, back, reset, stop, playing, play, speed, setSpeed, reveal, current, partialsNow }
}

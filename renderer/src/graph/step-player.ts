// The step-through's state: which step is current, what has been revealed, and a play
// timer. Steps come from the worker (forward in evaluation order, then backward from J).
import { createEffect, createMemo, createSignal, onCleanup } from 'solid-js'
import type { Step } from '../../../engine/explain/types'
import type { Reveal } from './GraphCanvas'

const PLAY_INTERVAL_MS = 700

export type StepPlayer = ReturnType<typeof createStepPlayer>

export function createStepPlayer(steps: () => Step[]) {
  /** null: not stepping (the graph shows every number); -1: at the start, nothing computed yet. */
  const [index, setIndex] = createSignal<number | null>(null)
  const [playing, setPlaying] = createSignal(false)

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

  createEffect(() => {
    if (!playing()) return
    const timer = setInterval(() => {
      const i = index() ?? -1
      if (i >= steps().length - 1) setPlaying(false)
      else step()
    }, PLAY_INTERVAL_MS)
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
    return { values, grads, current: i >= 0 ? all[i]?.node ?? null : null }
  })

  return { index, step, back, reset, stop, playing, play: () => setPlaying((p) => !p), reveal, current: () => (index() ?? -1) >= 0 ? steps()[index()!] : null }
}

// Local partials ∂k/∂c of one cell k with respect to the cells it reads, at the current
// point: k's own backward rule run once with a seed (1 for the local partial, ∂J/∂k for
// its chain-rule share), exactly the code the engine's reverse pass runs. No finite differences.
import { runBackward } from '../evaluate/run'
import { Kind } from '../graph/store'
import { Tensor, type Adj } from '../values'
import type { ExplainSource } from './source'

/** What cell k sends back to each cell it reads, given the seed on k's value (ids in first-seen order). */
export function backwardOf(src: ExplainSource, k: number, seed: Adj): Map<number, Adj> {
  const out = new Map<number, Adj>()
  const b = src.store.bindingOf(k)
  if (!b || src.inCycle(k)) return out
  runBackward(src.store, b, seed, (id, adj) => {
    const had = out.get(id)
    if (had === undefined) out.set(id, typeof adj === 'number' ? adj : adj.slice())
    else if (typeof had === 'number') out.set(id, had + (adj as number))
    else for (let i = 0; i < had.length; i++) had[i] += (adj as Float64Array)[i]
  })
  return out
}

/** ∂k/∂c for every cell c that k reads, when k's value is a number; null for tensor or non-numeric k. */
export function localPartials(src: ExplainSource, k: number): Map<number, Adj> | null {
  if (src.store.kind[k] !== Kind.Number) return null
  const found = backwardOf(src, k, 1)
  // In the formula's reading order; cells read but not reached (a branch not taken, a comparison) have partial 0.
  const out = new Map<number, Adj>()
  for (const c of src.store.bindingOf(k)?.precedents ?? []) out.set(c, found.get(c) ?? zeroLike(src, c))
  return out
}

/** The zero adjoint of a cell's value (0, or zeros of its tensor's size). */
export function zeroLike(src: ExplainSource, id: number): Adj {
  const v = src.store.obj[id]
  return src.store.kind[id] === Kind.Tensor && v instanceof Tensor ? new Float64Array(v.size) : 0
}

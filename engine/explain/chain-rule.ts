// The chain rule for one cell c, with numbers: ∂J/∂c = Σ_k ∂J/∂k · ∂k/∂c over the cells k
// that read c. Each term is k's backward rule run with seed ∂J/∂k, as the engine's
// reverse pass does, and the terms are added in the engine's order, so the sum is the
// gradient the grid shows.
import { Kind } from '../graph/store'
import type { Adj } from '../values'
import { factor, fmt, keyOf, labelOf, nested, tensorText } from './labels'
import { backwardOf, zeroLike } from './local-partials'
import type { ExplainSource } from './source'
import type { ChainTerm } from './types'

/** At most this many terms are written out in the one-line chain text. */
const TERMS_IN_TEXT = 8

export interface ChainRule {
  terms: ChainTerm[]
  text: string
  sum: Adj | null
}

const shapeOf = (src: ExplainSource, id: number): number[] => {
  const v = src.store.obj[id] as { shape?: number[] }
  return src.store.kind[id] === Kind.Tensor && v.shape ? v.shape : []
}

export const adjText = (src: ExplainSource, id: number, a: Adj): string => (typeof a === 'number' ? fmt(a) : tensorText(shapeOf(src, id), a))
export const adjData = (src: ExplainSource, id: number, a: Adj): number | number[] | number[][] => (typeof a === 'number' ? a : nested(shapeOf(src, id), a))

/** "∂J/∂g": the objective is always J; other cells go by name or address. */
export const dJ = (src: ExplainSource, id: number): string => `∂J/∂${labelOf(src, id)}`
export const dk = (src: ExplainSource, k: number, c: number): string => `∂${labelOf(src, k)}/∂${labelOf(src, c)}`

export function chainRule(src: ExplainSource, c: number): ChainRule {
  const s = src.store
  if (src.gradReason !== null) return { terms: [], text: `no gradients: ${src.gradReason}`, sum: null }
  if (s.kind[c] !== Kind.Number && s.kind[c] !== Kind.Tensor) return { terms: [], text: `${labelOf(src, c)} has no gradient (it does not hold a number)`, sum: null }
  if (c === src.objectiveId) return { terms: [], text: '∂J/∂J = 1 (the objective)', sum: 1 }
  // The engine adds contributions from the last user in evaluation order to the first.
  // users are flat now (engine/graph/users.ts)
  const users = s.users.list(c).filter((k) => !src.inCycle(k)).sort((a, b) => src.pos[b] - src.pos[a])
  const terms: ChainTerm[] = []
  const products: string[] = []
  const symbols: string[] = []
  let sum: Adj = zeroLike(src, c)
  for (const k of users) {
    const gk = src.gradOf(k)
    if (gk === null || (s.kind[k] !== Kind.Number && s.kind[k] !== Kind.Tensor)) continue
    const share = (gk === 0 ? null : backwardOf(src, k, gk).get(c)) ?? zeroLike(src, c)
    if (typeof sum === 'number') sum += share as number
    else for (let i = 0; i < sum.length; i++) sum[i] += (share as Float64Array)[i]
    const symbol = `${dJ(src, k)} · ${dk(src, k, c)}`
    let numbers: string
    if (typeof gk === 'number' && typeof share === 'number') {
      const local = backwardOf(src, k, 1).get(c) ?? 0
      numbers = `${factor(gk)} × ${factor(local as number)}`
    } else numbers = `${adjText(src, k, gk)} · ${typeof gk === 'number' ? 'local gradient' : 'Jacobian'}`
    const text = `${symbol} = ${numbers} = ${adjText(src, c, share)}`
    terms.push({ user: keyOf(src, k), userLabel: labelOf(src, k), text, contribution: adjData(src, c, share) })
    symbols.push(symbol)
    products.push(numbers)
  }
  if (terms.length === 0) return { terms, text: `${dJ(src, c)} = 0 (no formula that influences J reads ${labelOf(src, c)})`, sum }
  const more = terms.length > TERMS_IN_TEXT ? ` + … ${terms.length - TERMS_IN_TEXT} more terms` : ''
  const text = `${dJ(src, c)} = ${symbols.slice(0, TERMS_IN_TEXT).join(' + ')}${more} = ${products.slice(0, TERMS_IN_TEXT).join(' + ')}${more} = ${adjText(src, c, sum)}`
  return { terms, text, sum }
}

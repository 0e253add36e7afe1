// Seeded randomness for "Randomize parameters": the same seed gives the same starting
// point on every machine, so a run (and a test) can be repeated exactly.
import type { Edit } from '../api'
import type { Engine } from '../index'
import { findParams, writeEdits } from './params'

/** mulberry32: a small, fast 32-bit generator with a good spread; returns [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Edits giving every parameter element a value drawn uniformly from [−scale, scale]
 * (rounded to 4 decimals so the cells stay readable). Random starts break the symmetry
 * of hidden units that would otherwise all learn the same thing.
 */
export function randomizeEdits(engine: Engine, seed: number, scale = 1): Edit[] | { error: string } {
  const set = findParams(engine)
  if ('error' in set) return set
  const next = seededRandom(seed)
  const theta = new Float64Array(set.size).map(() => Math.round((2 * next() - 1) * scale * 1e4) / 1e4)
  return writeEdits(set, theta)
}

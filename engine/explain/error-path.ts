// For a cell in error: the path back through the cells it reads to the first cell that
// caused the error (the origin the engine recorded), so the user sees where to look.
import { Kind } from '../graph/store'
import type { Err } from '../values'
import type { ExplainSource } from './source'

/** Cell ids from `id` to the origin of its error (id alone when the error starts here; [] when not an error). */
export function errorPath(src: ExplainSource, id: number): number[] {
  const s = src.store
  if (s.kind[id] !== Kind.Error) return []
  const e = s.obj[id] as Err
  if (e.path && e.path.length) return [id, ...e.path.filter((x, i) => i > 0 && x !== id)].slice(0, 64)
  const origin = e.origin
  if (origin === undefined || origin === id) return [id]
  // Breadth-first over precedents that are themselves errors: a shortest path to the origin.
  const from = new Map<number, number>([[id, -1]])
  const queue = [id]
  for (let q = 0; q < queue.length; q++) {
    const at = queue[q]
    if (at === origin) break
    for (const p of s.bindingOf(at)?.precedents ?? []) {
      if (from.has(p) || (s.kind[p] !== Kind.Error && p !== origin)) continue
      from.set(p, at)
      queue.push(p)
    }
  }
  if (!from.has(origin)) return [id, origin]
  const path: number[] = []
  for (let at = origin; at !== -1; at = from.get(at)!) path.push(at)
  return path.reverse()
}

// The graph's edges into one formula cell as the view draws them: single references and
// names are cell → cell edges; a small range is its cells; a larger range is one node.
import { formatAddress } from '../address'
import type { ExplainSource } from './source'

/** Ranges with at most this many cells are drawn cell by cell. */
export const SMALL_RANGE = 8

export type GraphInput = { kind: 'cell'; id: number } | { kind: 'range'; key: string; address: string; sheet: string; ids: Int32Array; shape: number[] }

export function graphInputs(src: ExplainSource, k: number): GraphInput[] {
  const b = src.store.bindingOf(k)
  if (!b) return []
  const out: GraphInput[] = []
  const seen = new Set<number>()
  const addCell = (id: number) => {
    if (id >= 0 && !seen.has(id)) {
      seen.add(id)
      out.push({ kind: 'cell', id })
    }
  }
  for (const id of b.slotIds) addCell(id)
  for (const id of b.nameIds) addCell(id)
  b.rangeIds.forEach((ids, slot) => {
    if (!ids) return
    if (ids.length <= SMALL_RANGE) return ids.forEach(addCell)
    const r = b.refs[slot]
    const sheet = src.sheetName(src.store.sheet[ids[0]]) ?? ''
    const address = `${formatAddress(r.row0, r.col0)}:${formatAddress(r.row1, r.col1)}`
    const rows = r.row1 - r.row0 + 1
    const cols = r.col1 - r.col0 + 1
    out.push({ kind: 'range', key: `${sheet}!${address}`, address, sheet, ids, shape: rows === 1 || cols === 1 ? [ids.length] : [rows, cols] })
  })
  return out
}

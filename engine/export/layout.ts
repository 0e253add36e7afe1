// Where each data cell (a number input J depends on that is not a parameter) sits in the
// exported module's one data vector. Cells read together are laid out together so the
// code reads them as one slice: first the column stretches a vectorised run reads row by
// row and the one-column ranges (merged per column, top to bottom, so every sub-range
// is a slice too), then the other ranges row by row, then every other data cell in
// topological order. DATA_KEYS in the module says which cell each element is.
import { formatAddress, parseAddress } from '../address'
import { keyOf, type ExportPlan } from './plan'
import { laneKey, type Run } from './runs'

export interface DataLayout {
  index: Map<string, number>
  keys: string[]
  values: number[]
}

const split = (key: string): { sheet: string; row: number; col: number } | null => {
  const bang = key.lastIndexOf('!')
  const at = parseAddress(key.slice(bang + 1))
  return at && { sheet: key.slice(0, bang), ...at }
}

export function layoutData(plan: ExportPlan, runs: Run[]): DataLayout {
  const layout: DataLayout = { index: new Map(), keys: [], values: [] }
  const assign = (key: string) => {
    const c = plan.cells.get(key)
    if (!c || c.role !== 'data' || layout.index.has(key)) return
    layout.index.set(key, layout.keys.length)
    layout.keys.push(key)
    layout.values.push((c.view.value as { value: number }).value)
  }

  // 1. Column stretches: [first row, last row] per sheet and column, merged.
  const stretches = new Map<string, { sheet: string; col: number; spans: [number, number][] }>()
  const addStretch = (firstKey: string | undefined, rows: number) => {
    const at = firstKey === undefined ? null : split(firstKey)
    if (!at || rows < 2) return
    const id = `${at.sheet}\u0000${at.col}`
    const entry = stretches.get(id) ?? { sheet: at.sheet, col: at.col, spans: [] }
    entry.spans.push([at.row, at.row + rows - 1])
    stretches.set(id, entry)
  }
  for (const run of runs) for (const slot of run.laneSlots) addStretch(laneKey(run, slot, 0), run.cells.length)
  const seen = new Set<string>()
  for (const c of plan.order)
    for (const slot of c.slots) {
      if (!slot || slot.cols !== 1 || slot.keys.length < 2 || seen.has(slot.keys[0] + slot.keys.length)) continue
      seen.add(slot.keys[0] + slot.keys.length)
      addStretch(slot.keys[0], slot.keys.length)
    }
  for (const { sheet, col, spans } of stretches.values()) {
    spans.sort((a, b) => a[0] - b[0])
    let [lo, hi] = spans[0]
    const flush = () => {
      for (let row = lo; row <= hi; row++) assign(keyOf(sheet, formatAddress(row, col)))
    }
    for (const [a, b] of spans.slice(1)) {
      if (a <= hi + 1) hi = Math.max(hi, b)
      else {
        flush()
        ;[lo, hi] = [a, b]
      }
    }
    flush()
  }

  // 2. Other ranges, row by row, when none of their cells has a place yet.
  for (const c of plan.order)
    for (const slot of c.slots) if (slot && slot.keys.length > 1 && slot.keys.every((k) => !layout.index.has(k))) slot.keys.forEach(assign)
  // 3. Every other data cell.
  for (const c of plan.order) assign(c.key)
  return layout
}

// The rows the grid draws: every row has the same height, so the visible window is
// arithmetic on the scroll offset. This replaces TanStack Virtual for rows (columns keep
// it: their widths differ). TanStack keeps a measurement object per item and rebuilds the
// whole list when the count or a size changes: at a million rows one Ctrl+End took 276 s,
// nearly all in `getMeasurements` and garbage collection (docs/ui.md). Here the cost is
// the visible rows only. Items keep their identity while they stay visible with the same
// height, so the grid's <For> re-renders only rows that enter the window.

export interface RowItem {
  key: number
  index: number
  start: number
  end: number
  size: number
  lane: number
}

/** Returns a function from (row count, row height, scroll offset, viewport height, overscan) to the rows to draw. */
export function createUniformRows(): (count: number, size: number, offset: number, viewport: number, overscan: number) => RowItem[] {
  let shown = new Map<number, RowItem>()
  return (count, size, offset, viewport, overscan) => {
    const next = new Map<number, RowItem>()
    const out: RowItem[] = []
    if (count > 0 && size > 0) {
      const first = Math.max(0, Math.floor(Math.max(0, offset) / size) - overscan)
      const last = Math.min(count - 1, Math.max(first, Math.ceil((Math.max(0, offset) + Math.max(0, viewport)) / size) - 1 + overscan))
      for (let index = first; index <= last; index++) {
        const kept = shown.get(index)
        const item = kept && kept.size === size ? kept : { key: index, index, start: index * size, end: (index + 1) * size, size, lane: 0 }
        next.set(index, item)
        out.push(item)
      }
    }
    shown = next
    return out
  }
}

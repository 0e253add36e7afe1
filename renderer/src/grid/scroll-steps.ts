// The arithmetic of moving the grid's scroll position, apart from the DOM so it is
// tested in Node: how far a wheel notch scrolls when the scroll space is mapped
// (model/scroll-map.ts), and where to scroll so a row or column comes into view.
import type { ScrollMap } from '../model/scroll-map'

export interface WheelDelta {
  deltaMode: number
  deltaX: number
  deltaY: number
  shiftKey: boolean
}

/**
 * A wheel event's scroll in physical px, or null when the browser's own scrolling is
 * right (neither axis is mapped). With a mapped scroll space one physical px is `scale`
 * virtual px, so the step is divided by it and one notch moves the usual number of rows.
 * Lines count as rows (`lineSize`), pages as the body (`pageSize`); Shift turns a
 * vertical wheel horizontal.
 */
export function wheelScroll(e: WheelDelta, lineSize: number, pageSize: number, rowScale: number, colScale: number): { top: number; left: number } | null {
  if (rowScale === 1 && colScale === 1) return null
  const unit = e.deltaMode === 1 ? lineSize : e.deltaMode === 2 ? pageSize : 1
  const dx = e.shiftKey && e.deltaX === 0 ? e.deltaY : e.deltaX
  const dy = e.shiftKey && e.deltaX === 0 ? 0 : e.deltaY
  return { top: (dy * unit) / rowScale, left: (dx * unit) / colScale }
}

/**
 * The physical scroll offset that brings [start, start + size) (virtual px) into a view of
 * `viewSize` now starting at `viewStart`, scrolling as little as possible; null when it
 * is already in view.
 */
export function scrollToShow(start: number, size: number, viewStart: number, viewSize: number, map: Pick<ScrollMap, 'toPhysical'>): number | null {
  if (start < viewStart) return Math.floor(map.toPhysical(start))
  if (start + size > viewStart + viewSize) return Math.ceil(map.toPhysical(start + size - viewSize))
  return null
}

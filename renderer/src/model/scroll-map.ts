// Scroll space mapping. Chromium cannot lay out an element taller than ~33.5M px, and
// 1,048,576 rows × 38 px is ~40M px. So the scroll container's spacer is capped at
// MAX_SCROLL_PX and the real scroll position maps linearly onto the virtual one:
//   virtual = real × (virtualTotal − viewport) / (physicalTotal − viewport)
// The two ends match exactly (top row at the top, last row at the bottom). When the
// virtual size fits, the scale is 1 and nothing changes. Wheel and keyboard scrolling
// divide by the scale so one notch moves the same number of rows as everywhere else.

/** Below Chromium's ~33.5M px and Firefox's ~17.9M px layout limits. */
export const MAX_SCROLL_PX = 15_000_000

export interface ScrollMap {
  /** Height (or width) to give the spacer element. */
  physicalTotal: number
  /** virtual px per physical px (≥ 1). */
  scale: number
  toVirtual(physical: number): number
  toPhysical(virtual: number): number
}

export function createScrollMap(virtualTotal: number, viewport: number, cap = MAX_SCROLL_PX): ScrollMap {
  const physicalTotal = Math.min(virtualTotal, cap)
  const virtualRange = Math.max(0, virtualTotal - viewport)
  const physicalRange = Math.max(0, physicalTotal - viewport)
  const scale = physicalRange > 0 && virtualRange > physicalRange ? virtualRange / physicalRange : 1
  return {
    physicalTotal,
    scale,
    toVirtual: (p) => Math.min(virtualRange, Math.max(0, p * scale)),
    toPhysical: (v) => Math.min(physicalRange, Math.max(0, v / scale)),
  }
}

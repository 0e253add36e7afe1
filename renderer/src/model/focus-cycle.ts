// F6 / Shift+F6: the order focus cycles through the window's regions, as Excel does:
// grid → formula bar → name box → toolbar → each open panel → back to the grid.
// Pure: the DOM side (which region holds the focus, how to focus one) is app/keyboard-reach.ts.

export type FocusRegion = 'grid' | 'formulaBar' | 'nameBox' | 'toolbar' | 'graph' | 'training' | 'data' | 'sensitivity' | 'reference' | 'help'

export const REGION_ORDER: FocusRegion[] = ['grid', 'formulaBar', 'nameBox', 'toolbar', 'graph', 'training', 'data', 'sensitivity', 'reference', 'help']

/**
 * The region after (or before) `current` among those present (panels only when open).
 * From outside every region, F6 goes to the grid and Shift+F6 to the last region.
 */
export function nextRegion(current: FocusRegion | null, present: readonly FocusRegion[], backwards: boolean): FocusRegion {
  const order = REGION_ORDER.filter((r) => r === 'grid' || present.includes(r))
  const at = current ? order.indexOf(current) : -1
  if (at < 0) return backwards ? order[order.length - 1] : 'grid'
  const step = backwards ? -1 : 1
  return order[(at + step + order.length) % order.length]
}

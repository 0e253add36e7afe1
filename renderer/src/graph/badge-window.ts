// Which cells the grid's convention badges are asked for (graph/convention-badges.ts): the
// window on screen plus a margin, asked again after every change list and whenever the
// window leaves the block last asked for. Asking for the whole workbook after every edit
// kept the worker busy 150–220 ms at 1M cells, and the next edit waited behind it
// (docs/benchmarks.md, "Ninth session: the app's 1M edit"). Pure, so it is tested in Node.
import type { ViewportHint } from '../worker/protocol'
import { withMargin } from '../worker/window-views'

/** Rows and columns asked beyond the window: a short scroll keeps its badges without asking. */
export const BADGE_MARGIN = { rows: 40, cols: 10 }

/** The block to ask for when the window is `visible` (0-based, inclusive): the window plus the badges' margin. */
export const badgeBlock = (visible: ViewportHint, margin = BADGE_MARGIN): ViewportHint => withMargin(visible, margin)

/** Whether the badges asked for `asked` still cover every cell of `visible`. */
export function covers(asked: ViewportHint, visible: ViewportHint): boolean {
  return asked.sheet === visible.sheet
    && asked.rows[0] <= visible.rows[0] && visible.rows[1] <= asked.rows[1]
    && asked.cols[0] <= visible.cols[0] && visible.cols[1] <= asked.cols[1]
}

/**
 * Follows the change lists (a new `revision`) and the window on screen: asks for the badges
 * of the block around the window when the revision is new or the window left the block
 * last asked for; shows an answer only if no later ask was made meanwhile. `ask` gives
 * the keys of the block's cells with a badge, or null when the worker could not answer.
 */
export function createBadgeFollower(ask: (block: ViewportHint) => Promise<string[] | null>, show: (keys: ReadonlySet<string>) => void) {
  let asked: { revision: number; block: ViewportHint } | null = null
  let latest = 0
  return async function follow(revision: number, visible: ViewportHint): Promise<void> {
    if (asked !== null && asked.revision === revision && covers(asked.block, visible)) return
    const block = badgeBlock(visible)
    asked = { revision, block }
    const ticket = ++latest
    const keys = await ask(block)
    if (ticket === latest && keys !== null) show(new Set(keys))
  }
}

// Tab, Tab, Enter: typing a row of entries with Tab and finishing it with Enter returns
// to the column where the Tab run started, one row down (A6, not C6), as in Excel and
// Google Sheets. The run lives only while the selection is where the last Tab left it;
// any other move (a click, an arrow) ends it. Pure, tested in Node.
import type { CellPos } from './address'
import { move, type Direction } from './navigation'

export interface TabRun {
  /** The column the first Tab was pressed in. */
  startCol: number
  /** Where the last Tab left the selection. */
  at: CellPos
}

/**
 * Where a Tab/Enter move (after a commit or without editing) goes, and the run that
 * follows. `dir` is right/left for Tab and Shift+Tab, down/up for Enter and Shift+Enter.
 */
export function tabMove(run: TabRun | null, from: CellPos, dir: Direction): { to: CellPos; run: TabRun | null } {
  const live = run && run.at.col === from.col && run.at.row === from.row ? run : null
  if (dir === 'right' || dir === 'left') {
    const to = move(from, dir)
    return { to, run: { startCol: live ? live.startCol : from.col, at: to } }
  }
  if (dir === 'down' && live) return { to: move({ col: live.startCol, row: from.row }, 'down'), run: null }
  return { to: move(from, dir), run: null }
}

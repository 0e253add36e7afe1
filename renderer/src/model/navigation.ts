// Where the selection goes on a key press: plain moves, and Ctrl+arrow jumps to the
// edge of the data block, the way Excel and Google Sheets do it.
import { COLUMN_COUNT, ROW_COUNT, type CellPos } from './address'

export type Direction = 'up' | 'down' | 'left' | 'right'

const DELTA: Record<Direction, CellPos> = {
  up: { col: 0, row: -1 },
  down: { col: 0, row: 1 },
  left: { col: -1, row: 0 },
  right: { col: 1, row: 0 },
}

export function clampPos(pos: CellPos): CellPos {
  return {
    col: Math.min(COLUMN_COUNT - 1, Math.max(0, pos.col)),
    row: Math.min(ROW_COUNT - 1, Math.max(0, pos.row)),
  }
}

export function move(pos: CellPos, dir: Direction, steps = 1): CellPos {
  const d = DELTA[dir]
  return clampPos({ col: pos.col + d.col * steps, row: pos.row + d.row * steps })
}

function inGrid(pos: CellPos): boolean {
  return pos.col >= 0 && pos.col < COLUMN_COUNT && pos.row >= 0 && pos.row < ROW_COUNT
}

/**
 * Ctrl+arrow. From a filled cell whose neighbour is filled: go to the last filled cell
 * of the run. Otherwise: go to the next filled cell, or the grid's edge if there is none.
 * `filledInLine` lists the filled indices along the line of travel (any order), so the
 * jump costs O(filled cells), never a walk over a million empty rows.
 */
export function jump(pos: CellPos, dir: Direction, isFilled: (p: CellPos) => boolean, filledInLine: number[]): CellPos {
  const d = DELTA[dir]
  const next = { col: pos.col + d.col, row: pos.row + d.row }
  if (!inGrid(next)) return pos
  const vertical = d.row !== 0
  const sign = vertical ? d.row : d.col
  const here = vertical ? pos.row : pos.col
  const edge = sign > 0 ? (vertical ? ROW_COUNT - 1 : COLUMN_COUNT - 1) : 0
  const at = (i: number): CellPos => (vertical ? { col: pos.col, row: i } : { col: i, row: pos.row })

  if (isFilled(pos) && isFilled(next)) {
    let i = here + sign
    while (i + sign >= 0 && i + sign <= (vertical ? ROW_COUNT - 1 : COLUMN_COUNT - 1) && isFilled(at(i + sign))) i += sign
    return at(i)
  }
  // appscale: a loop, not Math.min(...ahead): spreading a million-cell column overflows the call stack.
  let nearest = -1
  for (const i of filledInLine) if (sign > 0 ? i > here && (nearest < 0 || i < nearest) : i < here && i > nearest) nearest = i
  if (nearest < 0) return at(edge)
  return at(nearest)
}

/**
 * Ctrl+End: the last used cell, Excel's way: the last used row and the last used column
 * (which may meet at an empty cell). A1 on an empty sheet.
 */
export function lastUsedCell(used: Iterable<CellPos>): CellPos {
  let col = 0
  let row = 0
  for (const p of used) {
    if (p.col > col) col = p.col
    if (p.row > row) row = p.row
  }
  return { col, row }
}

/**
 * How many rows (or columns) the scrollbar spans: the used range, the farthest the user
 * has gone (selection, what is on screen), plus a margin, never beyond the grid. The
 * scroll space grows as the user moves on and the thumb keeps a usable size.
 */
export function scrollCount(used: number, reached: number, margin: number, limit: number): number {
  return Math.min(limit, Math.max(used, reached + 1) + margin)
}

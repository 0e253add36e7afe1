// How big one editing command may get before it is refused with words, and the checks
// that keep cells on the grid (A…XFD, 1…1048576). Every expansion is checked *before*
// it builds its edits, so a paste onto a whole sheet costs nothing.
import { MAX_COL, MAX_ROW, formatAddress } from '../address'

/** Primitive edits one command may expand into (a paste, a fill, an insert in a big workbook). */
export const MAX_EXPANDED_EDITS = 500_000

const count = (n: number): string => n.toLocaleString('en-US')

/** Why a command touching `cells` cells is refused, or null. */
export function sizeProblem(what: string, cells: number): string | null {
  if (cells <= MAX_EXPANDED_EDITS) return null
  return `${what} would change ${count(cells)} cells; at most ${count(MAX_EXPANDED_EDITS)} can change in one action`
}

/** Why a block with top-left (row, col) and this size does not fit on the grid, or null. */
export function gridProblem(what: string, row: number, col: number, rows: number, cols: number): string | null {
  if (row + rows - 1 > MAX_ROW) return `${what} would go past row ${count(MAX_ROW)}, the last row`
  if (col + cols - 1 > MAX_COL) return `${what} would go past column XFD, the last column`
  if (row < 1 || col < 1) return `${what} would start outside the sheet (at row ${row}, column ${col})`
  return null
}

/** The last address a block reaches, for messages. */
export const lastCell = (row: number, col: number): string => formatAddress(Math.min(row, MAX_ROW), Math.min(col, MAX_COL))

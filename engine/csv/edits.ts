// A dataset or a pasted block → the setInput edits that place it with its top-left at a
// given cell. Header names become labels; pasted fields are taken as typed inputs.
import type { Edit } from '../api'
import type { Dataset } from './parse'
import { isNumberText } from './parse'

export const MAX_IMPORT_CELLS = 1_000_000

function columnName(col: number): string {
  let s = ''
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s
  return s
}

/** A header text as a label input: text that would read as a number or formula gets a leading '. */
function labelInput(s: string): string {
  return isNumberText(s) || s.startsWith('=') || s.startsWith("'") ? `'${s}` : s
}

/** Edits writing `block` (rows of inputs) at (row, col), 0-based; null when it does not fit the sheet. */
export function blockEdits(sheet: string, row: number, col: number, block: string[][]): Edit[] | { error: string } {
  const height = block.length
  const width = Math.max(0, ...block.map((r) => r.length))
  if (row + height > 1048576 || col + width > 16384) return { error: `the block of ${height}×${width} cells does not fit on the sheet from ${columnName(col)}${row + 1}` }
  if (height * width > MAX_IMPORT_CELLS) return { error: `the block has ${height * width} cells; at most ${MAX_IMPORT_CELLS} can be placed at once` }
  const edits: Edit[] = []
  block.forEach((r, i) => r.forEach((input, j) => edits.push({ type: 'setInput', sheet, address: `${columnName(col + j)}${row + i + 1}`, input })))
  return edits
}

/** A dataset's inputs: the header as labels (if any), then the numbers. */
export function datasetBlock(d: Dataset): string[][] {
  const rows = d.rows.map((r) => r.map((x) => String(x)))
  return d.header ? [d.header.map(labelInput), ...rows] : rows
}

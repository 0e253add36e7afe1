// Copy and paste, and Delete on a selection, as primitive edits. A paste writes inputs
// only: formulas shifted by the offset (engine/formula/ref-shift), or with `values`
// the computed values; names (unique in a workbook) and parameter marks stay with the
// cells that have them. The target's cells are read before anything is written, so a
// paste onto an overlapping block copies the block as it was.
import type { CompositeEdit, Edit } from '../api'
import { formatAddress } from '../address'
import { shiftFormula } from '../formula/ref-shift'
import { gridProblem, sizeProblem } from './bounds'
import { EditPlan } from './emit'
import { blockCells, blockCols, blockRows, parseBlock, sheetNamed, transferOf, type Block } from './ranges'
import type { WorkbookReader } from './reader'
import { valueAsInput } from './value-input'

type CopyEdit = Extract<CompositeEdit, { type: 'copyCells' }>
type ClearEdit = Extract<CompositeEdit, { type: 'clearCells' }>

/**
 * Where a block of `rows`×`cols` lands on `to`: tiled when `to` is a multiple of the
 * block in both directions (Excel's rule), otherwise once at `to`'s top-left cell.
 */
export function pasteTiles(rows: number, cols: number, to: Block): { down: number; across: number } {
  const toRows = blockRows(to)
  const toCols = blockCols(to)
  if (toRows % rows === 0 && toCols % cols === 0) return { down: toRows / rows, across: toCols / cols }
  return { down: 1, across: 1 }
}

/** Past this many target cells a paste works from the cells that hold something (a whole column is mostly empty). */
const SPARSE_FROM = 65_536

/** `sparseFrom`: the target size from which only cells in use are read (tests pass 0 to compare both ways). */
export function expandCopy(state: WorkbookReader, e: CopyEdit, sparseFrom = SPARSE_FROM): Edit[] | string {
  const sheets = state.sheets()
  const transfer = transferOf(sheets, e)
  if (typeof transfer === 'string') return transfer
  const { fromSheet, from, toSheet, to } = transfer
  const rows = blockRows(from)
  const cols = blockCols(from)
  const { down, across } = pasteTiles(rows, cols, to)
  const offGrid = gridProblem('the paste', to.row0, to.col0, rows * down, cols * across)
  if (offGrid) return offGrid
  if (rows * cols * down * across > sparseFrom) return sparseCopy(state, e, fromSheet, from, toSheet, to, down, across)
  const source = []
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) {
      const c = state.cell(fromSheet, formatAddress(from.row0 + i, from.col0 + j))
      source.push(e.values ? valueAsInput(c.value) : c.input)
    }
  const plan = new EditPlan()
  for (let ti = 0; ti < down; ti++)
    for (let tj = 0; tj < across; tj++)
      for (let i = 0; i < rows; i++)
        for (let j = 0; j < cols; j++) {
          const row = to.row0 + ti * rows + i
          const col = to.col0 + tj * cols + j
          const address = formatAddress(row, col)
          const input = e.values ? source[i * cols + j] : shiftFormula(source[i * cols + j], row - (from.row0 + i), col - (from.col0 + j))
          const before = state.cell(toSheet, address).input
          if (before !== input) plan.cell(toSheet, address, { input: before }, { input })
        }
  return plan.edits()
}

/** The addresses in a block that hold an input (every cell of a small block; the workbook's cells for a large one). */
export function inputsIn(state: WorkbookReader, sheet: string, block: Block): { address: string; input: string }[] {
  const out: { address: string; input: string }[] = []
  if (blockCells(block) <= 65_536) {
    for (let r = block.row0; r <= block.row1; r++)
      for (let c = block.col0; c <= block.col1; c++) {
        const address = formatAddress(r, c)
        const input = state.cell(sheet, address).input
        if (input !== '') out.push({ address, input })
      }
    return out
  }
  const entry = state.toDocument().sheets.find((s) => s.name === sheet)
  for (const [address, cell] of Object.entries(entry?.cells ?? {})) {
    const at = parseBlock(address)
    if (typeof at !== 'string' && at.row0 >= block.row0 && at.row0 <= block.row1 && at.col0 >= block.col0 && at.col0 <= block.col1 && cell.input !== '')
      out.push({ address, input: cell.input })
  }
  return out
}

export function expandClear(state: WorkbookReader, e: ClearEdit): Edit[] | string {
  const sheet = sheetNamed(state.sheets(), e.sheet)
  if (typeof sheet !== 'string') return sheet.problem
  const block = parseBlock(e.range)
  if (typeof block === 'string') return block
  const filled = inputsIn(state, sheet, block)
  const tooBig = sizeProblem('clearing', filled.length)
  if (tooBig) return tooBig
  return filled.map(({ address }) => ({ type: 'setInput', sheet, address, input: '' }))
}

/**
 * A paste over a large area (a whole column or row): only the source cells that hold an
 * input and the target cells that hold one are read, so copying column A onto column C
 * costs the cells in use, not 1,048,576 reads. The bound counts the cells that change.
 */
function sparseCopy(state: WorkbookReader, e: CopyEdit, fromSheet: string, from: Block, toSheet: string, to: Block, down: number, across: number): Edit[] | string {
  const rows = blockRows(from)
  const cols = blockCols(from)
  const sources = inputsIn(state, fromSheet, from)
  const tooBig = sizeProblem('the paste', sources.length * down * across)
  if (tooBig) return tooBig
  const target: Block = { row0: to.row0, col0: to.col0, row1: to.row0 + rows * down - 1, col1: to.col0 + cols * across - 1 }
  const now = new Map(inputsIn(state, toSheet, target).map((c) => [c.address, c.input]))
  const next = new Map<string, string>()
  for (const { address, input } of sources) {
    const at = parseBlock(address) as Block
    const text = e.values ? valueAsInput(state.cell(fromSheet, address).value) : input
    for (let ti = 0; ti < down; ti++)
      for (let tj = 0; tj < across; tj++) {
        const row = at.row0 + (to.row0 - from.row0) + ti * rows
        const col = at.col0 + (to.col0 - from.col0) + tj * cols
        next.set(formatAddress(row, col), e.values ? text : shiftFormula(text, row - at.row0, col - at.col0))
      }
  }
  const plan = new EditPlan()
  for (const [address, input] of next) if ((now.get(address) ?? '') !== input) plan.cell(toSheet, address, { input: now.get(address) ?? '' }, { input })
  for (const [address, input] of now) if (!next.has(address)) plan.cell(toSheet, address, { input }, { input: '' })
  const changed = sizeProblem('the paste', plan.size)
  if (changed) return changed
  return plan.edits()
}

// Cut and paste: the block's cells (inputs, names, parameter marks) move, the cells they
// land on are replaced, and every formula in the workbook is rewritten the Excel way
// (engine/formula/structural-rewrite rewriteForMove): references into the block follow
// it, references to the replaced cells become #REF!. The moved formulas themselves keep
// pointing where they pointed. The objective, when an address, follows too.
import type { CompositeEdit, Edit } from '../api'
import { formatAddress, parseAddress, quoteSheet } from '../address'
import { rewriteForMove, type BlockMove } from '../formula/structural-rewrite'
import { gridProblem, sizeProblem } from './bounds'
import { EditPlan, type SheetContents } from './emit'
import { objectiveAddress, writeObjective } from './objective-ref'
import { blockCols, blockRows, containsCell, transferOf } from './ranges'
import type { WorkbookReader } from './reader'
import { contentOf } from './structure'

type MoveEdit = Extract<CompositeEdit, { type: 'moveCells' }>

export function expandMove(state: WorkbookReader, e: MoveEdit): Edit[] | string {
  const sheets = state.sheets()
  const transfer = transferOf(sheets, e)
  if (typeof transfer === 'string') return transfer
  const { fromSheet, from, toSheet, to } = transfer
  const rows = blockRows(from)
  const cols = blockCols(from)
  const offGrid = gridProblem('the move', to.row0, to.col0, rows, cols)
  if (offGrid) return offGrid
  if (fromSheet === toSheet && to.row0 === from.row0 && to.col0 === from.col0) return []
  const move: BlockMove = { fromSheet, from, toSheet, toRow: to.row0, toCol: to.col0 }
  const dRow = to.row0 - from.row0
  const dCol = to.col0 - from.col0
  const dest = { row0: to.row0, col0: to.col0, row1: to.row0 + rows - 1, col1: to.col0 + cols - 1 }
  const doc = state.toDocument()
  const before = new Map<string, SheetContents>()
  const after = new Map<string, SheetContents>()
  for (const entry of doc.sheets) {
    before.set(entry.name, new Map())
    after.set(entry.name, new Map())
  }
  const landing: [string, ReturnType<typeof contentOf>][] = []
  for (const entry of doc.sheets) {
    const was = before.get(entry.name)!
    const stays = after.get(entry.name)!
    for (const [address, cell] of Object.entries(entry.cells)) {
      const content = contentOf(cell)
      was.set(address, content)
      const at = parseAddress(address)!
      if (entry.name === fromSheet && containsCell(from, at.row, at.col)) {
        const input = rewriteForMove(content.input, fromSheet, toSheet, move)
        landing.push([formatAddress(at.row + dRow, at.col + dCol), { ...content, input }])
        continue
      }
      if (entry.name === toSheet && containsCell(dest, at.row, at.col)) continue // replaced by the block
      const input = rewriteForMove(content.input, entry.name, entry.name, move)
      if (input === content.input) {
        was.delete(address) // neither moved nor rewritten: left out of the comparison
        continue
      }
      stays.set(address, { ...content, input })
    }
  }
  const landed = after.get(toSheet)!
  const toEntry = doc.sheets.find((s) => s.name === toSheet)!
  for (const [address, content] of landing) {
    landed.set(address, content)
    const there = toEntry.cells[address]
    if (there && !before.get(toSheet)!.has(address)) before.get(toSheet)!.set(address, contentOf(there))
  }
  const plan = new EditPlan()
  for (const entry of doc.sheets) plan.sheet(entry.name, before.get(entry.name)!, after.get(entry.name)!)
  const objective = objectiveAddress(doc.objective, sheets)
  if (objective) {
    let ref: string | null = null
    if (objective.sheet === fromSheet && containsCell(from, objective.row, objective.col)) {
      const row = objective.row + dRow
      const col = objective.col + dCol
      ref = toSheet === fromSheet ? writeObjective(objective, row, col) : `${quoteSheet(toSheet)}!${formatAddress(row, col)}`
    } else if (objective.sheet === toSheet && containsCell(dest, objective.row, objective.col)) ref = '#REF!'
    if (ref !== null && ref !== doc.objective) plan.then({ type: 'setObjective', ref })
  }
  const done = sizeProblem('the move', plan.size)
  if (done) return done
  return plan.edits()
}


// Insert and delete rows and columns: the sheet's cells shift, and every formula of
// every sheet, the objective (when an address) and the sheet's column widths are
// rewritten (engine/formula/structural-rewrite). Names and parameter marks travel with
// their cells; a name on a deleted cell goes away. The whole workbook is compared
// before and after, so the edits are exactly the differences.
import type { CompositeEdit, Edit } from '../api'
import { columnLetters, columnNumber, formatAddress, MAX_COL, MAX_ROW, parseAddress } from '../address'
import { mapSpan, rewriteForAxisChange, type AxisChange } from '../formula/structural-rewrite'
import { columnWidths } from '../workbook/columns'
import { sizeProblem } from './bounds'
import { EditPlan, type Content, type SheetContents } from './emit'
import { objectiveAddress, writeObjective } from './objective-ref'
import { positiveWhole, sheetNamed } from './ranges'
import type { WorkbookReader } from './reader'

type StructureEdit = Extract<CompositeEdit, { type: 'insertRows' | 'deleteRows' | 'insertColumns' | 'deleteColumns' }>

export const contentOf = (entry: { input: string; name?: string; param?: boolean }): Content => {
  const c: Content = { input: entry.input }
  if (entry.name !== undefined) c.name = entry.name
  if (entry.param !== undefined) c.param = entry.param
  return c
}

const count = (n: number): string => n.toLocaleString('en-US')

export function expandStructure(state: WorkbookReader, e: StructureEdit): Edit[] | string {
  const sheet = sheetNamed(state.sheets(), e.sheet)
  if (typeof sheet !== 'string') return sheet.problem
  const axis = e.type === 'insertRows' || e.type === 'deleteRows' ? 'row' : 'col'
  const kind = e.type === 'insertRows' || e.type === 'insertColumns' ? 'insert' : 'delete'
  const max = axis === 'row' ? MAX_ROW : MAX_COL
  const what = axis === 'row' ? 'rows' : 'columns'
  const bad = positiveWhole(e.at, 'the position') ?? positiveWhole(e.count, `the number of ${what}`)
  if (bad) return bad
  if (e.at > max) return `there is no ${axis === 'row' ? `row ${count(e.at)}` : `column ${count(e.at)}`}: a sheet has ${count(max)} ${what}`
  if (kind === 'delete' && e.at + e.count - 1 > max) return `cannot delete past the last of the sheet's ${count(max)} ${what}`
  const change: AxisChange = { sheet, axis, kind, at: e.at, count: e.count }
  const doc = state.toDocument()
  const plan = new EditPlan()
  for (const entry of doc.sheets) {
    // Only cells that move or whose formula changes enter the comparison (most of a big workbook does neither).
    const before: SheetContents = new Map()
    const after: SheetContents = new Map()
    const onChangedSheet = entry.name === sheet
    for (const address in entry.cells) {
      const cell = entry.cells[address]
      const input = rewriteForAxisChange(cell.input, entry.name, change)
      let target = address
      if (onChangedSheet) {
        const at = parseAddress(address)!
        const pos = axis === 'row' ? at.row : at.col
        const span = mapSpan(pos, pos, change, Infinity)
        if (span === null) {
          before.set(address, contentOf(cell)) // deleted with its row or column (and its name)
          continue
        }
        if (span[0] > max) {
          const edge = axis === 'row' ? `row ${count(max)}` : 'column XFD'
          return `inserting ${count(e.count)} ${what} would push ${address} past ${edge}, the last one; clear or delete the cells at the end first`
        }
        if (span[0] !== pos) target = axis === 'row' ? formatAddress(span[0], at.col) : formatAddress(at.row, span[0])
      }
      if (target === address && input === cell.input) continue
      const content = contentOf(cell)
      before.set(address, content)
      after.set(target, input === content.input ? content : { ...content, input })
    }
    for (const address of after.keys()) if (!before.has(address) && entry.cells[address]) before.set(address, contentOf(entry.cells[address]))
    plan.sheet(entry.name, before, after)
    const tooBig = sizeProblem(`${kind === 'insert' ? 'inserting' : 'deleting'} ${what}`, plan.size)
    if (tooBig) return tooBig
  }
  const objective = objectiveAddress(doc.objective, doc.sheets.map((s) => s.name))
  if (objective && objective.sheet === sheet) {
    const pos = axis === 'row' ? objective.row : objective.col
    const span = mapSpan(pos, pos, change, max)
    const ref = span === null ? '#REF!' : axis === 'row' ? writeObjective(objective, span[0], objective.col) : writeObjective(objective, objective.row, span[0])
    if (ref !== doc.objective) plan.then({ type: 'setObjective', ref })
  }
  if (axis === 'col') {
    const entry = doc.sheets.find((s) => s.name === sheet)
    const widths = columnWidths(entry ?? {})
    const next = new Map<string, number>()
    for (const [letters, width] of widths) {
      const span = mapSpan(columnNumber(letters), columnNumber(letters), change, max)
      if (span !== null) next.set(columnLetters(span[0]), width)
    }
    for (const [letters] of widths) if (!next.has(letters)) plan.then({ type: 'setColumnWidth', sheet, column: letters, width: null })
    for (const [letters, width] of next) if (widths.get(letters) !== width) plan.then({ type: 'setColumnWidth', sheet, column: letters, width })
  }
  return plan.edits()
}

// Fill (Ctrl+D, Ctrl+R, the fill handle): the source block extended over the target
// along one direction, down, up, right or left. Per line (a column when filling down or
// up, a row when filling right or left): two or more plain numbers extend their linear
// trend and labels ending in a number count on, as Excel's fill handle does
// (fill-series.ts); anything else repeats the source cells in order, formulas shifted by
// their offset like a paste. `copy` (Ctrl+D / Ctrl+R) repeats without any series.
import type { CompositeEdit, Edit } from '../api'
import { formatAddress } from '../address'
import { shiftFormula } from '../formula/ref-shift'
import { fillSeries } from './fill-series'
import { sizeProblem } from './bounds'
import { EditPlan } from './emit'
import { blockCells, parseBlock, sheetNamed, type Block } from './ranges'
import type { WorkbookReader } from './reader'

type FillEdit = Extract<CompositeEdit, { type: 'fill' }>

const contains = (outer: Block, inner: Block): boolean =>
  inner.row0 >= outer.row0 && inner.row1 <= outer.row1 && inner.col0 >= outer.col0 && inner.col1 <= outer.col1

export function expandFill(state: WorkbookReader, e: FillEdit): Edit[] | string {
  const sheet = sheetNamed(state.sheets(), e.sheet)
  if (typeof sheet !== 'string') return sheet.problem
  const from = parseBlock(e.from)
  if (typeof from === 'string') return from
  const to = parseBlock(e.to)
  if (typeof to === 'string') return to
  if (!contains(to, from)) return `the fill target ${e.to} must contain the source ${e.from}`
  const vertical = to.col0 === from.col0 && to.col1 === from.col1
  const horizontal = to.row0 === from.row0 && to.row1 === from.row1
  if (!vertical && !horizontal) return 'a fill goes down, up, right or left from its source, one direction at a time'
  const tooBig = sizeProblem('the fill', blockCells(to) - blockCells(from))
  if (tooBig) return tooBig
  const plan = new EditPlan()
  // A "line" runs along the fill direction: its position `p` and the cross position `q`.
  const [p0, p1, q0, q1, t0, t1] = vertical ? [from.row0, from.row1, from.col0, from.col1, to.row0, to.row1] : [from.col0, from.col1, from.row0, from.row1, to.col0, to.col1]
  const at = (p: number, q: number): [number, number] => (vertical ? [p, q] : [q, p])
  const n = p1 - p0 + 1
  for (let q = q0; q <= q1; q++) {
    const sources: string[] = []
    for (let p = p0; p <= p1; p++) sources.push(state.cell(sheet, formatAddress(...at(p, q))).input)
    const line = e.copy ? null : fillSeries(sources)
    for (let p = t0; p <= t1; p++) {
      if (p >= p0 && p <= p1) continue
      const k = p - p0
      let input: string
      if (line) input = line(k)
      else {
        const index = ((k % n) + n) % n
        const [dRow, dCol] = at(p - (p0 + index), 0)
        input = shiftFormula(sources[index], dRow, dCol)
      }
      const address = formatAddress(...at(p, q))
      const before = state.cell(sheet, address).input
      if (before !== input) plan.cell(sheet, address, { input: before }, { input })
    }
  }
  return plan.edits()
}

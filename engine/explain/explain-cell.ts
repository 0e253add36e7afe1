// The chain-rule inspector's content for one cell: formula with numbers, value,
// gradient, the chain rule as a sum over the cells that read it, the local partials of
// its own formula, convention notes and, for an error, the path to its first cause.
import { scanFormula } from '../formula/scan'
import { classifyInput } from '../input'
import { Kind } from '../graph/store'
import { adjData, adjText, chainRule, dk } from './chain-rule'
import { conventionNotes } from './conventions'
import { errorPath } from './error-path'
import { factor, keyOf, labelOf, tensorText } from './labels'
import { localPartials } from './local-partials'
import type { ExplainSource } from './source'
import type { Explanation, LocalPartial } from './types'

/** A cell's value as it goes into a formula's text: "(-3)", "[1, 2]", "#DIV/0!". */
function valueText(src: ExplainSource, id: number): string {
  const v = src.view(id).value
  switch (v.kind) {
    case 'number': return factor(v.value)
    case 'tensor': return tensorText(v.shape, v.value.flat())
    case 'empty': return '0'
    case 'boolean': return v.value ? 'true' : 'false'
    case 'text': return JSON.stringify(v.value)
    case 'error': return v.error.code
  }
}

/** The formula body with each reference and name replaced by its current value. */
function substitute(src: ExplainSource, id: number): string | null {
  const b = src.store.bindingOf(id)
  const input = classifyInput(src.store.input[id])
  if (!b || input.kind !== 'formula') return null
  const scanned = scanFormula(input.body)
  if (!scanned.ok) return null
  const names = new Map(b.program.names.map((n, i) => [n, b.nameIds[i]]))
  return scanned.scan.text.replace(/\$([cr])(\d+)|([A-Za-z_][A-Za-z0-9_]*)(\s*\()?/g, (whole, kind, slot, ident, call) => {
    if (kind === 'c') {
      const cell = b.slotIds[Number(slot)]
      return cell >= 0 ? valueText(src, cell) : '#REF!'
    }
    if (kind === 'r') {
      const ids = b.rangeIds[Number(slot)]
      if (!ids) return '#REF!'
      const r = b.refs[Number(slot)]
      return ids.length <= 4 ? `[${Array.from(ids, (x) => valueText(src, x)).join(', ')}]` : `${r.row1 - r.row0 + 1}×${r.col1 - r.col0 + 1} range`
    }
    if (call || !names.has(ident)) return whole
    const cell = names.get(ident)!
    return cell >= 0 ? valueText(src, cell) : ident
  })
}

function partialsOf(src: ExplainSource, id: number): LocalPartial[] {
  const p = localPartials(src, id)
  if (!p) return []
  return [...p].map(([c, a]) => ({
    input: keyOf(src, c),
    inputLabel: labelOf(src, c),
    text: `${dk(src, id, c)} = ${adjText(src, c, a)}`,
    value: adjData(src, c, a),
  }))
}

/** Null when the cell does not exist (never created: empty and unreferenced). */
export function explainCell(src: ExplainSource, sheet: string, address: string): Explanation | null {
  const id = src.cellId(sheet, address)
  if (id < 0) return null
  const view = src.view(id)
  const chain = chainRule(src, id)
  const path = errorPath(src, id)
  return {
    key: keyOf(src, id),
    label: labelOf(src, id),
    input: view.input,
    substituted: substitute(src, id),
    value: view.value,
    grad: view.grad,
    objective: id === src.objectiveId,
    terms: chain.terms,
    chainText: chain.text,
    chainSum: chain.sum === null ? null : adjData(src, id, chain.sum),
    partials: src.store.kind[id] === Kind.Number ? partialsOf(src, id) : [],
    notes: conventionNotes(src, id),
    errorPath: path.map((x) => keyOf(src, x)),
  }
}

/** A block of one sheet: rows and columns 1-based, inclusive (the grid's window). */
export interface CellBlock {
  sheet: string
  rows: [number, number]
  cols: [number, number]
}

/**
 * Keys of the cells whose derivative used a convention at the current point (the grid's
 * badge): those in `within` (the grid's window: the app asks after every change list and
 * when the window moves, so the cost follows the screen, not the workbook: a scan of a
 * 1M-cell workbook took 150–220 ms of the worker's time after every edit, and the next
 * edit waited behind it), or of the whole workbook.
 */
export function conventionCells(src: ExplainSource, within?: CellBlock): string[] {
  const out: string[] = []
  const has = (id: number): boolean => src.store.hasFormula(id) && src.sheetName(src.store.sheet[id]) !== null && conventionNotes(src, id).length > 0
  if (within) {
    for (const id of src.cellsIn(within.sheet, within.rows, within.cols)) if (has(id)) out.push(keyOf(src, id))
    return out
  }
  for (let id = 0; id < src.store.count; id++) if (has(id)) out.push(keyOf(src, id))
  return out
}



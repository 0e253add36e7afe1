// A sheet's used area or a range → CSV text of the cells' values.
import type { CellView } from '../../../engine/api'
import { exportedValue, toCsv } from '../../../engine/csv/serialize'
import { columnName, parseAddress, type CellPos } from '../model/address'

export interface Area {
  from: CellPos
  to: CellPos
}

/** The smallest block holding every non-empty cell, or null for an empty sheet. */
export function usedArea(cells: CellView[]): Area | null {
  let area: Area | null = null
  for (const c of cells) {
    const p = parseAddress(c.address)
    if (!p || (c.input === '' && c.value.kind === 'empty')) continue
    if (!area) area = { from: { ...p }, to: { ...p } }
    else {
      area.from = { col: Math.min(area.from.col, p.col), row: Math.min(area.from.row, p.row) }
      area.to = { col: Math.max(area.to.col, p.col), row: Math.max(area.to.row, p.row) }
    }
  }
  return area
}

export function areaText(a: Area): string {
  return `${columnName(a.from.col)}${a.from.row + 1}:${columnName(a.to.col)}${a.to.row + 1}`
}

/** "A1:C9" (or one address) as an area, or why not. */
export function parseArea(text: string): Area | { error: string } {
  const [a, b = a] = text.trim().toUpperCase().split(':')
  const from = parseAddress(a ?? '')
  const to = parseAddress(b)
  if (!from || !to) return { error: `"${text}" is not a range like A1:C9` }
  return { from: { col: Math.min(from.col, to.col), row: Math.min(from.row, to.row) }, to: { col: Math.max(from.col, to.col), row: Math.max(from.row, to.row) } }
}

export const MAX_EXPORT_CELLS = 5_000_000

/** CSV of the area's values (never formulas), read through `cellAt(address)`. */
export function areaCsv(area: Area, cellAt: (address: string) => CellView | undefined): string | { error: string } {
  const h = area.to.row - area.from.row + 1
  const w = area.to.col - area.from.col + 1
  if (h * w > MAX_EXPORT_CELLS) return { error: `the range has ${h * w} cells; at most ${MAX_EXPORT_CELLS} can be exported` }
  const rows: string[][] = []
  for (let r = area.from.row; r <= area.to.row; r++) {
    const row: string[] = []
    for (let c = area.from.col; c <= area.to.col; c++) row.push(exportedValue(cellAt(`${columnName(c)}${r + 1}`)))
    rows.push(row)
  }
  return toCsv(rows)
}

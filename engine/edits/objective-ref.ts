// The objective, when it is written as an address (B4, Sheet1!B4, 'My data'!B4), is a
// reference like any other and follows moved, inserted and deleted cells; an objective
// written as a name needs nothing (the named cell carries its name along).
import { formatAddress, parseAddress } from '../address'

export interface ObjectiveAddress {
  /** The sheet it points to (an unqualified address means the first sheet, as the engine reads it). */
  sheet: string
  row: number
  col: number
  /** The qualifier as written ("Sheet1!", "'My data'!" or ""), kept when the cell stays on its sheet. */
  qualifier: string
}

const QUALIFIED = /^(?:'((?:[^']|'')+)'|([^!']+))!(.+)$/

/** The objective as an address, or null when it is a name, null or not a reference. */
export function objectiveAddress(ref: string | null, sheets: string[]): ObjectiveAddress | null {
  if (ref === null) return null
  const t = ref.trim()
  const m = QUALIFIED.exec(t)
  const written = m ? (m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2].trim()) : sheets[0]
  const sheet = sheets.find((s) => s === written) ?? sheets.find((s) => s.toLowerCase() === written?.toLowerCase())
  const at = parseAddress(m ? m[3] : t)
  if (!at || sheet === undefined) return null
  return { sheet, ...at, qualifier: m ? t.slice(0, t.length - m[3].length) : '' }
}

export const writeObjective = (o: ObjectiveAddress, row: number, col: number): string => o.qualifier + formatAddress(row, col)

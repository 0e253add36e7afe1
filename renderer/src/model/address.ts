// A1-style addresses <-> zero-based (column, row) indices, for the grid and name box.
// Pure: no DOM, so the navigation math is unit-tested in Node.

export const COLUMN_COUNT = 16384 // A … XFD
export const ROW_COUNT = 1048576

export interface CellPos {
  col: number
  row: number
}

/** 0 → "A", 25 → "Z", 26 → "AA", 16383 → "XFD". */
export function columnName(col: number): string {
  let name = ''
  let n = col + 1
  while (n > 0) {
    const rem = (n - 1) % 26
    name = String.fromCharCode(65 + rem) + name
    n = Math.floor((n - 1) / 26)
  }
  return name
}

/** "A" → 0, "xfd" → 16383; -1 when not letters. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1
  let n = 0
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64)
  return n - 1
}

export function formatAddress(pos: CellPos): string {
  return columnName(pos.col) + String(pos.row + 1)
}

/** "b7", "$A$1" → position, or null when it is not an address inside the grid. */
export function parseAddress(text: string): CellPos | null {
  const m = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$/.exec(text.trim())
  if (!m) return null
  const col = columnIndex(m[1])
  const row = Number(m[2]) - 1
  if (col < 0 || col >= COLUMN_COUNT || row < 0 || row >= ROW_COUNT) return null
  return { col, row }
}

/** True when `text` has the shape of an A1 address, even one outside the grid (XFE1). */
export function looksLikeAddress(text: string): boolean {
  return /^\$?[A-Za-z]{1,3}\$?[0-9]+$/.test(text)
}

/** The store key of a cell: "Sheet1!B4". */
export function cellKey(sheet: string, address: string): string {
  return `${sheet}!${address}`
}

/** How a formula refers to a sheet: bare when it is an identifier, quoted otherwise. */
export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`
}

export interface QualifiedRef {
  sheet: string | null
  rest: string
}

/** Splits "Sheet2!B3" or "'My data'!B3" into sheet and the part after "!". */
export function splitSheetRef(text: string): QualifiedRef {
  const t = text.trim()
  const quoted = /^'((?:[^']|'')+)'!(.+)$/.exec(t)
  if (quoted) return { sheet: quoted[1].replace(/''/g, "'"), rest: quoted[2] }
  const bang = t.lastIndexOf('!')
  if (bang > 0) return { sheet: t.slice(0, bang), rest: t.slice(bang + 1) }
  return { sheet: null, rest: t }
}

/** A name the user may give a cell (SPEC §2): an identifier that is not an address. */
export function isValidNameShape(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !looksLikeAddress(name)
}

// Cell address keys of the `.gradsheet` file (SPEC §5): "A1" … "XFD1048576".
// The file stores keys in upper case; restore accepts lower-case keys and normalizes
// them (formulas accept `b7` too), so a hand-edited file is not refused for case alone.

export const MAX_COLUMN = 16384 // XFD
export const MAX_ROW = 1048576

export interface ParsedAddress {
  /** 1-based column number (A = 1). */
  column: number
  /** 1-based row number. */
  row: number
  /** Canonical upper-case form, e.g. "B4". */
  key: string
}

/** Column letters → 1-based number ("A" → 1, "XFD" → 16384). */
export function columnNumber(letters: string): number {
  let n = 0
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64)
  return n
}

/**
 * Parses an address key, or says in words why it is not one. No `$` markers, no
 * leading zeros in the row, columns A…XFD, rows 1…1048576.
 */
export function parseAddressKey(key: string): ParsedAddress | { error: string } {
  const m = /^([A-Za-z]{1,3})([1-9][0-9]{0,6})$/.exec(key)
  if (!m) {
    return { error: `"${printable(key)}" is not a cell address (expected a column A…XFD followed by a row 1…1048576, like "B4")` }
  }
  const column = columnNumber(m[1])
  const row = Number(m[2])
  if (column > MAX_COLUMN) return { error: `"${printable(key)}" is out of range: columns run A…XFD` }
  if (row > MAX_ROW) return { error: `"${printable(key)}" is out of range: rows run 1…1048576` }
  return { column, row, key: m[1].toUpperCase() + m[2] }
}

/**
 * Whether a key is written in the canonical form the file stores ("B4": upper case, no
 * leading zero), in or out of range. Two different such keys never name the same cell.
 */
export const isCanonicalKey = (key: string): boolean => CANONICAL.test(key)
const CANONICAL = /^[A-Z]{1,3}[1-9][0-9]{0,6}$/

/** Keeps messages readable when a key is huge or holds control characters. */
export function printable(text: string): string {
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, '?')
  return clean.length > 40 ? clean.slice(0, 37) + '...' : clean
}

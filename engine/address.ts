// A1 addresses: parsing, formatting and the bounds of SPEC §2 (A…XFD, 1…1048576).

export const MAX_COL = 16384
export const MAX_ROW = 1048576

/** 1-based column number of letters ("A" = 1, "XFD" = 16384); case-insensitive. */
export function columnNumber(letters: string): number {
  let n = 0
  for (let i = 0; i < letters.length; i++) n = n * 26 + ((letters.charCodeAt(i) | 32) - 96)
  return n
}

export function columnLetters(col: number): string {
  let s = ''
  while (col > 0) {
    const m = (col - 1) % 26
    s = String.fromCharCode(65 + m) + s
    col = (col - 1 - m) / 26
  }
  return s
}

export const formatAddress = (row: number, col: number): string => columnLetters(col) + row

const ADDRESS = /^\$?([A-Za-z]{1,3})\$?([0-9]+)$/

/**
 * Reads a canonical address ("B4": upper-case letters, no `$`, no leading zero) into
 * `out` without allocating; false for anything else (parseAddress then tries the other
 * spellings). A loaded workbook's keys are canonical: a million of them are read this way
 * (loadbranch, issue 12: no object per cell on the load path).
 */
export function readCanonicalAddress(text: string, out: { row: number; col: number }): boolean {
  let i = 0
  let col = 0
  while (i < text.length && i < 3) {
    const c = text.charCodeAt(i)
    if (c < 65 || c > 90) break
    col = col * 26 + (c - 64)
    i++
  }
  if (i === 0 || i === text.length || text.charCodeAt(i) === 48) return false
  let row = 0
  for (let j = i; j < text.length; j++) {
    const c = text.charCodeAt(j)
    if (c < 48 || c > 57) return false
    row = row * 10 + (c - 48)
  }
  if (row < 1 || row > MAX_ROW || col > MAX_COL) return false
  out.row = row
  out.col = col
  return true
}

/**
 * Reads a formula word that is a cell reference, [$]letters[$]digits ("b4", "$XFD$1048576";
 * 1 to 3 letters, any case), in text[from, to) into `out` without allocating or reading
 * past `to`; false when the word has another shape. Bounds are left to the caller (the
 * formula readers: formula/scan.ts, formula/shape-scan.ts).
 */
export function readCellWord(text: string, from: number, to: number, out: { row: number; col: number }): boolean {
  let k = from
  if (k < to && text.charCodeAt(k) === 36) k++
  const letters = k
  let col = 0
  while (k < to) {
    const l = text.charCodeAt(k) | 32
    if (l < 97 || l > 122) break
    col = col * 26 + (l - 96)
    k++
  }
  if (k === letters || k - letters > 3) return false
  if (k < to && text.charCodeAt(k) === 36) k++
  if (k === to) return false
  let row = 0
  for (let d = k; d < to; d++) {
    const digit = text.charCodeAt(d) - 48
    if (digit < 0 || digit > 9) return false
    row = row * 10 + digit
  }
  out.row = row
  out.col = col
  return true
}

const fast = { row: 0, col: 0 }

/** {row, col} of an address like "B4" or "$b$4", or null when malformed or out of bounds. */
export function parseAddress(text: string): { row: number; col: number } | null {
  if (readCanonicalAddress(text, fast)) return { row: fast.row, col: fast.col }
  const m = ADDRESS.exec(text.trim())
  if (!m) return null
  const col = columnNumber(m[1])
  const row = Number(m[2])
  if (col < 1 || col > MAX_COL || row < 1 || row > MAX_ROW) return null
  return { row, col }
}

/** Whether text looks like a cell address (in bounds or not): such text can never be a name. */
export const looksLikeAddress = (text: string): boolean => ADDRESS.test(text)

/** A sheet name as it must be written in a formula: quoted unless it is a plain identifier. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !looksLikeAddress(name) ? name : `'${name.replace(/'/g, "''")}'`
}

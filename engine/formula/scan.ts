// The reference scanner: runs before math.js sees a formula. Outside string literals it
// finds cell references (A1, $A$1, b7), ranges (A1:B3) and sheet qualifiers
// (Sheet2!A1, 'My data'!A1:A10), and the `#REF!` a deleted reference leaves, and
// replaces each by a placeholder symbol ($c0 for a cell, $r1 for a range). That sidesteps math.js's readings of those texts (A1:B3 + 1
// as A1:(B3+1), Sheet2!A1 as a factorial, $ as a letter), and the placeholder text is
// the key of the parse cache: every formula of the same shape shares one parse.
import { columnNumber, MAX_COL, MAX_ROW, readCellWord } from '../address'

export interface RefToken {
  range: boolean
  /** Sheet as written (unquoted), or null for the formula's own sheet. */
  sheet: string | null
  row0: number
  col0: number
  row1: number
  col1: number
  /** Out of the grid (XFE1, A0, A1048577): binds to #REF!. */
  outOfBounds: boolean
  /** Where the sheet qualifier (if any) sits in the formula body, for renames. */
  sheetStart: number
  sheetEnd: number
  /** Where the reference text ends in the body (it starts at sheetStart), for reference arithmetic. */
  end: number
  /** A `#REF!` left by a deleted row, column or cell (engine/formula/ref-text.ts): binds to #REF!. */
  deleted?: boolean
}

export interface Scanned {
  /** The body with placeholders, what math.js parses. */
  text: string
  refs: RefToken[]
  /** For each character of text, its index in the body (to report syntax errors where the user typed); only when asked for. */
  sourceIndex: number[] | null
  /**
   * Where the plain identifiers (not references, not called as functions: names, constants)
   * sit in the body; only when positions were asked for. The renderer colours the names
   * among them while a formula is typed (renderer/src/model/reference-colours.ts).
   */
  words?: { start: number; end: number }[]
}

export type ScanResult = { ok: true; scan: Scanned } | { ok: false; message: string }


const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36
const isDigit = (c: number): boolean => c >= 48 && c <= 57
const isIdentStart = (s: string, i: number): boolean => i < s.length && isLetter(s.charCodeAt(i))

/** The character code at i, or -1 past the end (a read past the end would make V8 drop its optimised code once per place it happens). */
export const codeAt = (s: string, i: number): number => (i < s.length ? s.charCodeAt(i) : -1)

/**
 * Where the number literal starting at i ends: digits, an optional fraction, an optional
 * exponent (what /[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?/ matches there; "12." is 12 followed by
 * a dot). By hand, because a regex match is an array per number in every formula.
 */
export function numberEnd(s: string, i: number): number {
  let j = i
  while (isDigit(codeAt(s, j))) j++
  if (codeAt(s, j) === 46 && isDigit(codeAt(s, j + 1))) {
    j += 2
    while (isDigit(codeAt(s, j))) j++
  }
  const e = codeAt(s, j) | 32
  if (e === 101) {
    let k = j + 1
    const sign = codeAt(s, k)
    if (sign === 43 || sign === 45) k++
    if (isDigit(codeAt(s, k))) {
      while (isDigit(codeAt(s, k))) k++
      j = k
    }
  }
  return j
}

function readIdent(s: string, i: number): number {
  while (i < s.length) {
    const c = s.charCodeAt(i)
    if (!isLetter(c) && !isDigit(c)) break
    i++
  }
  return i
}

const cellAt = { row: 0, col: 0 }

/** Parses [$]letters[$]digits in word[from, n) (address.ts readCellWord), with whether it is in bounds. */
function cellOf(word: string, from = 0, n = word.length): { row: number; col: number; ok: boolean } | null {
  if (!readCellWord(word, from, n, cellAt)) return null
  const { row, col } = cellAt
  return { row, col, ok: col >= 1 && col <= MAX_COL && row >= 1 && row <= MAX_ROW }
}

const nextNonSpace = (s: string, i: number): string => {
  while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++
  return s[i] ?? ''
}

/**
 * Whether the character before a ' at i (spaces skipped) ends a value, so that the ' is the
 * postfix transpose (A1:B3', x', (a+b)', [1, 2]'). A quote that opens a sheet name or a
 * string never follows a value directly. A ' before it counts only if it was itself a
 * transpose (A''), not the end of a string literal: `lastTranspose` is where the last one was.
 */
function endsValue(body: string, i: number, lastTranspose: number): boolean {
  let j = i - 1
  while (j >= 0 && (body[j] === ' ' || body[j] === '\t')) j--
  if (j < 0) return false
  const c = body[j]
  if (c === "'") return j === lastTranspose
  return c === ')' || c === ']' || /[A-Za-z0-9_$.]/.test(c)
}

/** Skips a quoted string literal starting at i; returns the index after it. */
function skipString(s: string, i: number): number {
  const q = s[i]
  i++
  while (i < s.length && s[i] !== q) i += s[i] === '\\' ? 2 : 1
  return Math.min(i + 1, s.length)
}

/** Whether body has `#REF!` (any case) at i: what reference arithmetic writes for a reference that no longer exists. */
const isRefError = (s: string, i: number): boolean => s.charCodeAt(i) === 35 && s.slice(i + 1, i + 5).toUpperCase() === 'REF!'

/** The reference tokens of the formula being scanned (see scanFormula). */
const scratchRefs: RefToken[] = []

/** `$c3` / `$r3`: the placeholder of a reference, made once per number (not per formula). */
const placeholders: [string[], string[]] = [[], []]
function placeholderOf(range: boolean, k: number): string {
  const known = placeholders[range ? 1 : 0]
  if (k < 64) return (known[k] ??= `${range ? '$r' : '$c'}${k}`)
  return `${range ? '$r' : '$c'}${k}`
}

/** Records where copied characters came from (only when positions were asked for). */
function copy(sourceIndex: number[] | null, from: number, to: number): void {
  if (sourceIndex) for (let k = from; k < to; k++) sourceIndex.push(k)
}

export function scanFormula(body: string, withPositions = false): ScanResult {
  let text = ''
  const sourceIndex: number[] | null = withPositions ? [] : null
  // Tokens are gathered in a reused list (never shortened: that would free its room) and
  // copied out at exact size: a new list's first push reserves 17 slots, per formula.
  const refs = scratchRefs
  let nRefs = 0
  const words: { start: number; end: number }[] | undefined = withPositions ? [] : undefined
  // Copied text is flushed lazily (from `pending` up to a placeholder) to avoid many small strings.
  let pending = 0
  let i = 0
  let lastTranspose = -1
  while (i < body.length) {
    const ch = body[i]
    let sheet: string | null = null
    let sheetStart = -1
    let sheetEnd = -1
    if (ch === '"') {
      const end = skipString(body, i)
      copy(sourceIndex, i, end)
      i = end
      continue
    }
    if (ch === "'" && endsValue(body, i, lastTranspose)) {
      // A' right after a value (a reference, a number, a name, ) or ] or another '): math.js's transpose operator.
      copy(sourceIndex, i, i + 1)
      lastTranspose = i++
      continue
    }
    if (ch === "'") {
      // 'Sheet name'!A1 (quotes doubled inside) or a single-quoted string literal.
      let j = i + 1
      let name = ''
      while (j < body.length) {
        if (body[j] === "'" && body[j + 1] === "'") {
          name += "'"
          j += 2
        } else if (body[j] === "'") break
        else name += body[j++]
      }
      if (body[j] === "'" && body[j + 1] === '!') {
        sheet = name
        sheetStart = i
        sheetEnd = j + 2
      } else {
        const end = skipString(body, i)
        copy(sourceIndex, i, end)
        i = end
        continue
      }
    } else if (isDigit(body.charCodeAt(i)) || (ch === '.' && isDigit(body.charCodeAt(i + 1)))) {
      const end = numberEnd(body, i)
      copy(sourceIndex, i, end)
      i = end
      continue
    } else if (isIdentStart(body, i) && (i === 0 || body[i - 1] !== '.')) {
      const end = readIdent(body, i)
      // The word is read in place (no substring per reference); it is cut out only as a sheet name or for a message.
      let dollar = false
      for (let k = i; k < end && !dollar; k++) dollar = body.charCodeAt(k) === 36
      if (body[end] === '!' && body[end + 1] !== '=' && !dollar) {
        sheet = body.slice(i, end)
        sheetStart = i
        sheetEnd = end + 1
      } else {
        const cell = cellOf(body, i, end)
        if (!cell || nextNonSpace(body, end) === '(') {
          if (dollar) return { ok: false, message: `unexpected "$" in "${body.slice(i, end)}" (at character ${i + 1})` }
          if (words && nextNonSpace(body, end) !== '(') words.push({ start: i, end })
          copy(sourceIndex, i, end)
          i = end
          continue
        }
        sheetStart = sheetEnd = i
      }
    } else if (isRefError(body, i)) {
      sheetStart = sheetEnd = i
    } else {
      copy(sourceIndex, i, i + 1)
      i++
      continue
    }
    // A reference starts at sheetEnd (after any qualifier): CELL, CELL:CELL or #REF!.
    const startRef = sheetEnd
    if (isRefError(body, startRef)) {
      const placeholder = placeholderOf(false, nRefs)
      refs[nRefs++] = { range: false, sheet, row0: 0, col0: 0, row1: 0, col1: 0, outOfBounds: true, sheetStart, sheetEnd: sheet === null ? sheetStart : sheetEnd, end: startRef + 5, deleted: true }
      text += body.slice(pending, i) + placeholder
      pending = startRef + 5
      if (sourceIndex) for (let k = 0; k < placeholder.length; k++) sourceIndex.push(i)
      i = startRef + 5
      continue
    }
    const end1 = readIdent(body, startRef)
    const first = cellOf(body, startRef, end1)
    if (!first) return { ok: false, message: `a sheet name must be followed by a cell or range, at character ${startRef + 1}` }
    let last = first
    let end = end1
    if (body[end1] === ':' && isIdentStart(body, end1 + 1)) {
      const end2 = readIdent(body, end1 + 1)
      const second = cellOf(body, end1 + 1, end2)
      if (second) {
        last = second
        end = end2
      }
    }
    const range = last !== first
    const placeholder = placeholderOf(range, nRefs)
    refs[nRefs++] = {
      range,
      sheet,
      row0: Math.min(first.row, last.row),
      col0: Math.min(first.col, last.col),
      row1: Math.max(first.row, last.row),
      col1: Math.max(first.col, last.col),
      outOfBounds: !first.ok || !last.ok,
      sheetStart,
      sheetEnd: sheet === null ? sheetStart : sheetEnd,
      end,
    }
    text += body.slice(pending, i) + placeholder
    pending = end
    if (sourceIndex) for (let k = 0; k < placeholder.length; k++) sourceIndex.push(i)
    i = end
  }
  text += body.slice(pending)
  sourceIndex?.push(body.length)
  const found = refs.slice(0, nRefs)
  return { ok: true, scan: words ? { text, refs: found, sourceIndex, words } : { text, refs: found, sourceIndex } }
}

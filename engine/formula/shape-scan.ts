// The load path's formula reader for the usual formula (issue 12, load, fifth session):
// `=A1+0.0001`, `=0.5*P15+0.5*O16`, `=w*A125+b` — single-cell references, numbers, names,
// functions and operators. One pass over the input writes each reference's row and column
// into reused Int32Arrays and keys the shape cache by a hash of the placeholder text,
// compared character by character with the cached shape's text, so a formula whose shape
// is known costs no string, no token object and no result object. Anything else (a range,
// a sheet, `$`, a string, `#REF!`, an out-of-grid reference, a character this reader does
// not know) returns null and takes the general path (scan.ts, compile.ts); so does each
// shape's first formula, whose general reading is the one cached, after checking that
// both readings found the same references.
import { MAX_COL, MAX_ROW, readCellWord } from '../address'
import { LIMITS } from '../limits'
import { Err } from '../values'
import { grownInt32 } from '../typed-arrays'
import { compileFormula, type Compiled } from './compile'
import type { Program } from './program'
import { codeAt, numberEnd } from './scan'

/** Where the last successful read left its references: row and column of reference k, k < count. */
export const shapeRefs: { rows: Int32Array<ArrayBuffer>; cols: Int32Array<ArrayBuffer>; count: number } = { rows: new Int32Array(64), cols: new Int32Array(64), count: 0 }
/** Where each reference's text starts and ends in the input (to build a new shape's text). */
let refStart: Int32Array<ArrayBuffer> = new Int32Array(64)
let refEnd: Int32Array<ArrayBuffer> = new Int32Array(64)

// Character classes (ASCII only; anything else is OTHER and takes the general path).
const OTHER = 0
const PLAIN = 1 // copied as it is: operators, brackets, comma, space
const LETTER = 2
const DIGIT = 3
const DOT = 4
const CLASS = new Uint8Array(128)
for (const c of '+-*/^(),<>=! ') CLASS[c.charCodeAt(0)] = PLAIN
for (let c = 65; c <= 90; c++) CLASS[c] = CLASS[c + 32] = LETTER
CLASS[95] = LETTER // _
for (let c = 48; c <= 57; c++) CLASS[c] = DIGIT
CLASS[46] = DOT
// `!` is plain only in `!=` (a sheet qualifier or factorial goes the general way): checked below.

/** A reference's place in the shape's text (never in an accepted input: it is a control character). */
const REF = 1

interface Shape {
  text: string
  program: Program
}

const shapes = new Map<number, Shape[]>()
let shapeCount = 0
const SHAPE_LIMIT = 50_000
/** The shape the previous formula had: formulas of one shape usually come in runs. */
let last: Shape | null = null

/** The cell a reference word names (readCellWord's out: reused, nothing allocated per reference). */
const word = { row: 0, col: 0 }

const isWordChar = (c: number): boolean => c < 128 && (CLASS[c] === LETTER || CLASS[c] === DIGIT)

function grow(): void {
  const n = shapeRefs.rows.length * 2
  shapeRefs.rows = grownInt32(shapeRefs.rows, n)
  shapeRefs.cols = grownInt32(shapeRefs.cols, n)
  refStart = grownInt32(refStart, n)
  refEnd = grownInt32(refEnd, n)
}

/** The shape's text (placeholders as REF) of the input just read. */
function shapeText(input: string, from: number, count: number): string {
  let text = ''
  let at = from
  for (let k = 0; k < count; k++) {
    text += input.slice(at, refStart[k]) + String.fromCharCode(REF)
    at = refEnd[k]
  }
  return text + input.slice(at)
}

/** Whether the input's characters outside its references spell `text`. */
function sameText(input: string, from: number, count: number, text: string): boolean {
  let p = 0
  let at = from
  for (let k = 0; k <= count; k++) {
    const end = k < count ? refStart[k] : input.length
    if (p + end - at > text.length) return false
    for (let i = at; i < end; i++) if (input.charCodeAt(i) !== text.charCodeAt(p++)) return false
    if (k < count) {
      if (codeAt(text, p++) !== REF) return false
      at = refEnd[k]
    }
  }
  return p === text.length
}

let enabled = true
/** Tests only: off, every formula takes the general path (to compare the two readings). */
export function useShapeReader(on: boolean): void {
  enabled = on
  last = null
}

/**
 * Reads `input` (a whole cell input starting with "=") as a formula of a known shape: its
 * shared program, with the references in `shapeRefs`; null when this reader does not
 * apply (the caller takes the general path, compile.ts).
 */
export function compileShape(input: string): Program | null {
  if (!enabled) return null
  const end = input.length
  if (end < 2) return null
  const lastChar = input.charCodeAt(end - 1)
  // What the general path reads as a formula body without trimming (core/binding.ts formulaBody).
  if (input.charCodeAt(0) !== 61 || !(lastChar > 32 && lastChar < 127) || end - 1 > LIMITS.formulaLength) return null
  const from = 1
  let h = 0x811c9dc5 | 0
  let n = 0
  // The predicted shape is compared as the text is read.
  const guess = last
  const guessText = guess ? guess.text : ''
  let p = 0
  let match = guess !== null
  let i = from
  while (i < end) {
    const c = input.charCodeAt(i)
    const cls = c < 128 ? CLASS[c] : OTHER
    let stop = i + 1
    if (cls === LETTER) {
      // A word; the general scanner reads none that follows a dot as a reference (`1.E5`): leave those to it.
      if (i > from && input.charCodeAt(i - 1) === 46) return null
      let j = i
      while (j < end && isWordChar(input.charCodeAt(j))) j++
      stop = j
      // A cell: 1 to 3 letters, then digits to the end of the word.
      let cell = readCellWord(input, i, j, word)
      const { row, col } = word
      if (cell) {
        let after = j
        while (after < end && input.charCodeAt(after) === 32) after++
        const next = codeAt(input, after)
        // A function called A1(…) is a name, not a reference; `A1:B2` is a range, `A1!` a sheet: the general path.
        if (next === 40) cell = false
        else if (next === 58 || next === 9 || (next === 33 && codeAt(input, after + 1) !== 61)) return null
      }
      if (cell) {
        if (row < 1 || row > MAX_ROW || col > MAX_COL) return null
        if (n === shapeRefs.rows.length) grow()
        shapeRefs.rows[n] = row
        shapeRefs.cols[n] = col
        refStart[n] = i
        refEnd[n] = j
        n++
        h = Math.imul(h ^ REF, 16777619)
        if (match) match = codeAt(guessText, p++) === REF
        i = j
        continue
      }
    } else if (cls === DIGIT || (cls === DOT && i + 1 < end && CLASS[input.charCodeAt(i + 1) & 127] === DIGIT && input.charCodeAt(i + 1) < 128)) {
      stop = numberEnd(input, i)
    } else if (cls === OTHER || cls === DOT) {
      return null
    } else if (c === 33 && codeAt(input, i + 1) !== 61) return null // `!` outside `!=`
    for (; i < stop; i++) {
      const x = input.charCodeAt(i)
      h = Math.imul(h ^ x, 16777619)
      if (match) match = codeAt(guessText, p++) === x
    }
  }
  shapeRefs.count = n
  if (match && p === guessText.length) return guess!.program
  const key = h & 0x3fffffff
  const known = shapes.get(key)
  if (known) for (const s of known) if (sameText(input, from, n, s.text)) return (last = s).program
  return remember(input, from, n, key)
}

/** The general reading of the last input this reader declined after compiling it (see takeDeclined). */
let declined: { input: string; compiled: Compiled } | null = null

/** The general path's compilation of `input` when compileShape just made it and declined (so it is not compiled twice). */
export function takeDeclined(input: string): Compiled | null {
  const d = declined
  declined = null
  return d !== null && d.input === input ? d.compiled : null
}

/** A shape's first formula: compiled by the general path; cached here when both readings agree on its references. */
function remember(input: string, from: number, n: number, key: number): Program | null {
  const compiled = compileFormula(input.slice(from))
  const { program, refs } = compiled
  declined = { input, compiled }
  const only = program.ops.length === 1 ? program.ops[0] : null
  // A syntax error's message points into the source: the general path keeps those per formula.
  if (only && only.k === 'const' && only.v instanceof Err && only.v.code === '#PARSE!') return null
  if (refs.length !== n) return null
  for (let k = 0; k < n; k++) {
    const r = refs[k]
    if (r.range || r.sheet !== null || r.outOfBounds || r.row0 !== shapeRefs.rows[k] || r.col0 !== shapeRefs.cols[k]) return null
  }
  if (shapeCount >= SHAPE_LIMIT) {
    shapes.clear()
    shapeCount = 0
  }
  const shape: Shape = { text: shapeText(input, from, n), program }
  const list = shapes.get(key)
  if (list) list.push(shape)
  else shapes.set(key, [shape])
  shapeCount++
  shapeRefs.count = n
  declined = null
  return (last = shape).program
}

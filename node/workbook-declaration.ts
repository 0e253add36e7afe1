// The host's check before a file's text may reach a page (node/bridge-storage.ts): the text
// must be JSON whose top level is an object with "format": "gradsheet" — what the security
// rule needs, and no more. Building the document (JSON.parse, validating every cell) is the
// worker's job, which has to restore the text anyway; doing it here as well cost 6–7 s of a
// 1M-cell open (docs/benchmarks.md, "The app at scale"). Even JSON.parse alone is 1.2–2.4 s for
// 52 MB because it builds a million objects; this scanner checks the same grammar without
// building anything (~0.2 s), and reads only the top-level "format" value. It agrees with
// JSON.parse on what is valid JSON (a seeded property test compares them).

export interface Declaration {
  /** The text is one JSON value and nothing else (RFC 8259, as JSON.parse accepts it). */
  json: boolean
  /** The top level is an object whose last "format" member is the string "gradsheet". */
  gradsheet: boolean
}

const OBJECT = 1
const ARRAY = 2
// Sticky patterns for the tokens: V8's regex engine scans these far faster than a loop of charCodeAt.
const WHITESPACE = /[ \t\n\r]*/y
/** A run of string characters that need no checking; a class loop, so no backtracking state per character. */
const PLAIN_RUN = /[^"\\\u0000-\u001f]*/y
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y
const LITERAL = /true|false|null/y

/** The index after the token `pattern` matches at `at`, or -1. */
function token(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at
  return pattern.test(text) ? pattern.lastIndex : -1
}

/**
 * The index after the string token at `at` (which holds '"'), or -1. Scanned run by run
 * rather than with one regex over the whole string: a regex with a group per character
 * overflowed V8's backtracking stack on a 50 MB string (measured).
 */
function stringEnd(text: string, at: number): number {
  let i = at + 1
  for (;;) {
    PLAIN_RUN.lastIndex = i
    PLAIN_RUN.test(text)
    i = PLAIN_RUN.lastIndex
    const c = text.charCodeAt(i)
    if (c === 34) return i + 1
    if (c !== 92) return -1 // a control character, or the text ended inside the string
    i = token(ESCAPE, text, i)
    if (i < 0) return -1
  }
}

function skipWhitespace(text: string, at: number): number {
  WHITESPACE.lastIndex = at
  WHITESPACE.test(text)
  return WHITESPACE.lastIndex
}

/** A string token's value (JSON.parse only when it holds an escape, which a plain key never does). */
function stringValue(quoted: string): string {
  return quoted.includes('\\') ? (JSON.parse(quoted) as string) : quoted.slice(1, -1)
}

const NOT_JSON: Declaration = { json: false, gradsheet: false }

/** Reads what a workbook file declares itself to be, without building its content. */
export function readDeclaration(input: string): Declaration {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  const open: number[] = []
  let at = skipWhitespace(text, 0)
  const topLevelObject = text.charCodeAt(at) === 123
  let mode: 'value' | 'key' | 'after' = 'value'
  /** The next value is the top-level "format" member's. */
  let formatNext = false
  let format: string | null = null
  for (;;) {
    at = skipWhitespace(text, at)
    const c = text.charCodeAt(at)
    if (mode === 'value') {
      const isFormat = formatNext
      formatNext = false
      if (isFormat) format = null
      if (c === 123 || c === 91) {
        at = skipWhitespace(text, at + 1)
        if (text.charCodeAt(at) === (c === 123 ? 125 : 93)) {
          at++
          mode = 'after'
        } else {
          open.push(c === 123 ? OBJECT : ARRAY)
          mode = c === 123 ? 'key' : 'value'
        }
        continue
      }
      const end = c === 34 ? stringEnd(text, at) : token(c === 45 || (c >= 48 && c <= 57) ? NUMBER : LITERAL, text, at)
      if (end < 0) return NOT_JSON
      if (isFormat && c === 34) format = stringValue(text.slice(at, end))
      at = end
      mode = 'after'
    } else if (mode === 'key') {
      const end = c === 34 ? stringEnd(text, at) : -1
      if (end < 0) return NOT_JSON
      if (open.length === 1) formatNext = stringValue(text.slice(at, end)) === 'format'
      at = skipWhitespace(text, end)
      if (text.charCodeAt(at) !== 58) return NOT_JSON
      at++
      mode = 'value'
    } else {
      if (open.length === 0) return at === text.length ? { json: true, gradsheet: topLevelObject && format === 'gradsheet' } : NOT_JSON
      const inside = open[open.length - 1]
      if (c === 44) {
        at++
        mode = inside === OBJECT ? 'key' : 'value'
      } else if (c === (inside === OBJECT ? 125 : 93)) {
        open.pop()
        at++
      } else {
        return NOT_JSON
      }
    }
  }
}

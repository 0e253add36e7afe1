// Excel formula syntax, read into a small tree (the text after "=", as .xlsx files store
// it). Excel's rules, which differ from math.js's and are why this is a parser and not a
// text substitution: unary minus binds tighter than ^ (-2^2 is 4), ^ is left-associative
// (2^3^2 is 64), % is a postfix /100, = and <> compare, & joins text, ranges and sheet
// qualifiers are part of references, and a name followed by "(" is a function even when
// it looks like a cell (LOG10(…)).

export type XNode =
  | { t: 'num'; text: string }
  | { t: 'str'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'err'; v: string }
  | { t: 'ref'; sheet: string | null; a: string; b: string | null; whole: boolean }
  | { t: 'name'; v: string }
  | { t: 'call'; name: string; args: XNode[] }
  | { t: 'neg'; a: XNode }
  | { t: 'pct'; a: XNode }
  | { t: 'bin'; op: string; a: XNode; b: XNode }
  | { t: 'array'; rows: XNode[][] }

export class ExcelSyntaxError extends Error {}

type Tok =
  | { k: 'num'; text: string }
  | { k: 'str'; v: string }
  | { k: 'err'; v: string }
  | { k: 'ref'; sheet: string | null; a: string; b: string | null; whole: boolean }
  | { k: 'ident'; v: string }
  | { k: 'func'; v: string }
  | { k: 'op'; v: string }
  | { k: 'punct'; v: string }

const CELL = /^\$?[A-Za-z]{1,3}\$?[0-9]+/
const COLS = /^\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}(?![A-Za-z0-9_(])/
const ROWS = /^\$?[0-9]+:\$?[0-9]+(?![0-9])/
const NUMBER = /^(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/
const IDENT = /^[A-Za-z_\\][A-Za-z0-9_.]*/
const ERRORS = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA']

/** Reads a cell or a range (A1, $A$1, A1:B3) or a whole column/row at s; null when there is none. */
function readReference(s: string): { a: string; b: string | null; whole: boolean; length: number } | null {
  const cols = COLS.exec(s) ?? ROWS.exec(s)
  if (cols) {
    const [a, b] = cols[0].split(':')
    return { a, b, whole: true, length: cols[0].length }
  }
  const first = CELL.exec(s)
  if (!first) return null
  let length = first[0].length
  let b: string | null = null
  if (s[length] === ':') {
    const second = CELL.exec(s.slice(length + 1))
    if (second) {
      b = second[0]
      length += 1 + second[0].length
    }
  }
  // A cell-looking word followed by more identifier characters or "(" is a name or a function.
  if (/^[A-Za-z0-9_.(]/.test(s.slice(length).replace(/^\s+\(/, '('))) return null
  return { a: first[0], b, whole: false, length }
}

export function tokenize(text: string): Tok[] {
  const toks: Tok[] = []
  let i = 0
  while (i < text.length) {
    const c = text[i]
    const rest = text.slice(i)
    if (/\s/.test(c)) {
      i++
      continue
    }
    if (c === '"') {
      let j = i + 1
      let v = ''
      for (;;) {
        if (j >= text.length) throw new ExcelSyntaxError('a text in quotes is not closed')
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            v += '"'
            j += 2
            continue
          }
          break
        }
        v += text[j++]
      }
      toks.push({ k: 'str', v })
      i = j + 1
      continue
    }
    if (c === '[') throw new ExcelSyntaxError('a reference to another workbook (an external link)')
    if (c === '#') {
      const e = ERRORS.find((x) => rest.toUpperCase().startsWith(x))
      if (!e) throw new ExcelSyntaxError(`unknown error literal at "${rest.slice(0, 8)}"`)
      toks.push({ k: 'err', v: e })
      i += e.length
      continue
    }
    // A sheet qualifier: 'My data'!… or Sheet2!…
    let sheet: string | null = null
    let at = i
    if (c === "'") {
      const m = /^'((?:[^']|'')+)'!/.exec(rest)
      if (!m) throw new ExcelSyntaxError('a quoted sheet name must be followed by "!" and a cell')
      sheet = m[1].replace(/''/g, "'")
      at = i + m[0].length
    } else {
      const m = /^([A-Za-z0-9_.\u00C0-\uFFFF]+)!/.exec(rest)
      if (m) {
        sheet = m[1]
        at = i + m[0].length
      }
    }
    if (sheet !== null) {
      if (sheet.includes(':')) throw new ExcelSyntaxError('a reference across several sheets (Sheet1:Sheet3!A1)')
      const ref = readReference(text.slice(at))
      if (!ref) {
        // Sheet-scoped names (Sheet1!rate) read as the name.
        const name = IDENT.exec(text.slice(at))
        if (!name) throw new ExcelSyntaxError(`"${sheet}!" must be followed by a cell or a range`)
        toks.push({ k: 'ident', v: name[0] })
        i = at + name[0].length
        continue
      }
      toks.push({ k: 'ref', sheet, a: ref.a, b: ref.b, whole: ref.whole })
      i = at + ref.length
      continue
    }
    const ref = /[A-Za-z$0-9]/.test(c) ? readReference(rest) : null
    if (ref) {
      toks.push({ k: 'ref', sheet: null, a: ref.a, b: ref.b, whole: ref.whole })
      i += ref.length
      continue
    }
    const num = NUMBER.exec(rest)
    if (num && /[0-9.]/.test(c)) {
      toks.push({ k: 'num', text: num[0] })
      i += num[0].length
      continue
    }
    const id = IDENT.exec(rest)
    if (id) {
      i += id[0].length
      let j = i
      while (j < text.length && /\s/.test(text[j])) j++
      toks.push(text[j] === '(' ? { k: 'func', v: id[0] } : { k: 'ident', v: id[0] })
      continue
    }
    const two = rest.slice(0, 2)
    if (two === '<=' || two === '>=' || two === '<>') {
      toks.push({ k: 'op', v: two })
      i += 2
      continue
    }
    if ('+-*/^&=<>%'.includes(c)) {
      toks.push({ k: 'op', v: c })
      i++
      continue
    }
    if ('(),;{}'.includes(c)) {
      toks.push({ k: 'punct', v: c })
      i++
      continue
    }
    throw new ExcelSyntaxError(`unexpected character "${c}"`)
  }
  return toks
}

const BINARY: Record<string, number> = { '=': 1, '<>': 1, '<': 1, '>': 1, '<=': 1, '>=': 1, '&': 2, '+': 3, '-': 3, '*': 4, '/': 4, '^': 5 }

/** Parses an Excel formula (without its leading "="). Throws ExcelSyntaxError. */
export function parseExcelFormula(text: string): XNode {
  const toks = tokenize(text)
  let p = 0
  const peek = () => toks[p]
  const isPunct = (v: string) => peek()?.k === 'punct' && (peek() as { v: string }).v === v
  const expect = (v: string) => {
    if (!isPunct(v)) throw new ExcelSyntaxError(`expected "${v}"`)
    p++
  }

  function primary(): XNode {
    const tok = toks[p++]
    if (!tok) throw new ExcelSyntaxError('the formula ends too early')
    switch (tok.k) {
      case 'num':
        return { t: 'num', text: tok.text }
      case 'str':
        return { t: 'str', v: tok.v }
      case 'err':
        return { t: 'err', v: tok.v }
      case 'ref':
        return { t: 'ref', sheet: tok.sheet, a: tok.a, b: tok.b, whole: tok.whole }
      case 'ident': {
        const up = tok.v.toUpperCase()
        if (up === 'TRUE' || up === 'FALSE') return { t: 'bool', v: up === 'TRUE' }
        return { t: 'name', v: tok.v }
      }
      case 'func': {
        expect('(')
        const args: XNode[] = []
        if (!isPunct(')')) {
          for (;;) {
            args.push(isPunct(',') || isPunct(')') ? { t: 'name', v: '' } : expression(0))
            if (isPunct(',')) {
              p++
              continue
            }
            break
          }
        }
        expect(')')
        return { t: 'call', name: tok.v.replace(/^_xlfn\.|^_xlws\./i, ''), args }
      }
      case 'op':
        if (tok.v === '-' || tok.v === '+') {
          const a = unaryOperand()
          return tok.v === '-' ? { t: 'neg', a } : a
        }
        throw new ExcelSyntaxError(`unexpected operator "${tok.v}"`)
      case 'punct':
        if (tok.v === '(') {
          const inner = expression(0)
          expect(')')
          return inner
        }
        if (tok.v === '{') return arrayConstant()
        throw new ExcelSyntaxError(`unexpected "${tok.v}"`)
    }
  }

  /** The operand of a unary sign: a primary with its postfix %, not a power (Excel: -2^2 = 4). */
  function unaryOperand(): XNode {
    return postfix(primary())
  }

  function postfix(node: XNode): XNode {
    while (peek()?.k === 'op' && (peek() as { v: string }).v === '%') {
      p++
      node = { t: 'pct', a: node }
    }
    return node
  }

  function arrayConstant(): XNode {
    const rows: XNode[][] = [[]]
    for (;;) {
      rows[rows.length - 1].push(expression(0))
      if (isPunct(',')) p++
      else if (isPunct(';')) {
        p++
        rows.push([])
      } else break
    }
    expect('}')
    return { t: 'array', rows }
  }

  function expression(minPrec: number): XNode {
    let left = postfix(primary())
    for (;;) {
      const tok = peek()
      if (!tok || tok.k !== 'op') break
      const prec = BINARY[tok.v]
      if (prec === undefined || prec < minPrec) break
      p++
      // All of Excel's binary operators are left-associative, ^ included.
      const right = expression(prec + 1)
      left = { t: 'bin', op: tok.v, a: left, b: right }
    }
    return left
  }

  const tree = expression(0)
  if (p < toks.length) throw new ExcelSyntaxError(`unexpected "${'v' in toks[p] ? (toks[p] as { v: string }).v : (toks[p] as { text?: string }).text ?? toks[p].k}"`)
  return tree
}

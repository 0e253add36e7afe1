// An Excel formula tree (excel-formula.ts) printed as a Gradsheet formula (math.js
// syntax, SPEC §2): parentheses where math.js's precedence differs from Excel's
// (-2^2, 2^3^2), = and <> as == and !=, TRUE/FALSE as true/false, % as /100, defined
// names as Gradsheet names (one cell) or inlined (a range or a constant), functions
// through function-map.ts. What cannot be translated is kept recognisably (an unknown
// function by its Excel name, which Gradsheet shows as #NAME?) and listed.
import { columnLetters, quoteSheet } from '../address'
import { ExcelSyntaxError, parseExcelFormula, type XNode } from './excel-formula'
import { callable } from '../functions/table'
import { EXCEL_CONSTANT_FUNCTIONS, fromExcel } from './function-map'

export interface TranslateContext {
  /** Excel defined name (upper case) → how Gradsheet writes it: a cell name, or a reference/constant to inline. */
  names: Map<string, { gradsheet: string } | { inline: XNode }>
  /** The last used row of each sheet (for whole-column references such as A:A), by upper-case sheet name. */
  usedRows(sheet: string | null): number
  /** The last used column (1-based) of each sheet (for whole-row references such as 1:1). */
  usedCols(sheet: string | null): number
}

export type Translated =
  | { ok: true; formula: string; exact: boolean; unknownFunctions: string[]; notes: string[] }
  | { ok: false; reason: string }

// math.js precedence, lowest first (only what the printer emits).
const PREC: Record<string, number> = { '==': 1, '!=': 1, '<': 1, '>': 1, '<=': 1, '>=': 1, '+': 3, '-': 3, '*': 4, '/': 4, neg: 5, '^': 6 }
const EXCEL_TO_MATHJS: Record<string, string> = { '=': '==', '<>': '!=' }

export function translateExcelFormula(excel: string, ctx: TranslateContext): Translated {
  let tree: XNode
  try {
    tree = parseExcelFormula(excel)
  } catch (e) {
    if (e instanceof ExcelSyntaxError) return { ok: false, reason: e.message }
    throw e
  }
  const unknown = new Set<string>()
  const notes: string[] = []
  let exact = true

  /** Returns [text, precedence of its top operator (99: atomic)]. */
  const print = (n: XNode): [string, number] => {
    switch (n.t) {
      case 'num':
        return [n.text, 99]
      case 'str':
        return [JSON.stringify(n.v), 99]
      case 'bool':
        return [n.v ? 'true' : 'false', 99]
      case 'err':
        exact = false
        notes.push(`the error value ${n.v} has no Gradsheet literal (shown as #NAME?)`)
        unknown.add('ERROR_VALUE')
        return [`ERROR_VALUE(${JSON.stringify(n.v)})`, 99]
      case 'ref': {
        const sheet = n.sheet === null ? '' : `${quoteSheet(n.sheet)}!`
        if (n.whole) {
          notes.push(`the whole ${/^\$?[0-9]/.test(n.a) ? 'row' : 'column'} ${n.a}:${n.b} is read as its used part`)
          if (/^\$?[0-9]/.test(n.a)) {
            const last = ctx.usedCols(n.sheet)
            return [`${sheet}A${n.a.replace('$', '')}:${columnLetters(Math.max(1, last))}${n.b!.replace('$', '')}`, 99]
          }
          return [`${sheet}${n.a.replace('$', '')}1:${n.b!.replace('$', '')}${Math.max(1, ctx.usedRows(n.sheet))}`, 99]
        }
        return [`${sheet}${n.a}${n.b ? `:${n.b}` : ''}`, 99]
      }
      case 'name': {
        const found = ctx.names.get(n.v.toUpperCase())
        if (!found) return [n.v, 99] // Gradsheet will say #NAME? unknown name, as Excel does.
        if ('gradsheet' in found) return [found.gradsheet, 99]
        return print(found.inline)
      }
      case 'neg': {
        const [a, pa] = print(n.a)
        return [`-${pa < PREC.neg ? `(${a})` : a}`, PREC.neg]
      }
      case 'pct': {
        if (n.a.t === 'num') return [String(Number(n.a.text) / 100), 99]
        const [a, pa] = print(n.a)
        return [`${pa < PREC['/'] ? `(${a})` : a} / 100`, PREC['/']]
      }
      case 'bin': {
        if (n.op === '&') {
          unknown.add('CONCATENATE')
          exact = false
          return [`CONCATENATE(${print(n.a)[0]}, ${print(n.b)[0]})`, 99]
        }
        const op = EXCEL_TO_MATHJS[n.op] ?? n.op
        const prec = PREC[op]
        const [a, pa] = print(n.a)
        const [b, pb] = print(n.b)
        if (op === '^') {
          // Excel's ^ is left-associative and its operands may be signed: parenthesise both unless atomic.
          return [`${pa < 99 ? `(${a})` : a}^${pb < 99 ? `(${b})` : b}`, prec]
        }
        const left = pa < prec ? `(${a})` : a
        // A right operand of the same precedence keeps its parentheses: a - (b - c), and a + (b + c) in Excel's order of rounding.
        const right = pb <= prec ? `(${b})` : b
        return [`${left} ${op} ${right}`, prec]
      }
      case 'array': {
        const rows = n.rows.map((r) => `[${r.map((x) => print(x)[0]).join(', ')}]`)
        return [n.rows.length === 1 ? rows[0] : `[${rows.join(', ')}]`, 99]
      }
      case 'call': {
        const upper = n.name.toUpperCase()
        const constant = EXCEL_CONSTANT_FUNCTIONS[upper]
        if (constant && n.args.length === 0) return [constant, 99]
        if (upper === 'PMT' && (n.args.length === 3 || (n.args.length >= 4 && isZero(n.args[3]) && (n.args.length === 4 || isZero(n.args[4]))))) {
          // PMT(rate, nper, pv) = -pv·rate / (1 − (1 + rate)^−nper), written out (Gradsheet has no PMT).
          // Parentheses only around operands that are not a single term.
          const [rate, nper, pv] = n.args.map((x) => {
            const [t, p] = print(x)
            return p === 99 ? t : `(${t})`
          })
          notes.push('PMT is written out as -pv * rate / (1 - (1 + rate)^(-nper)) (a rate of 0 gives #DIV/0! where Excel gives -pv/nper)')
          return [`-${pv} * ${rate} / (1 - (1 + ${rate})^(-${nper}))`, PREC['/']]
        }
        const m = fromExcel(upper, n.args.length)
        const args = n.args.map((x) => print(x)[0])
        // A name Excel does not know but Gradsheet does, as written (sigmoid, mean, …): a file Gradsheet saved.
        if (!m && n.name !== upper && callable(n.name)) return [`${n.name}(${args.join(', ')})`, 99]
        if (!m) {
          unknown.add(upper)
          exact = false
          return [`${upper}(${args.join(', ')})`, 99]
        }
        const ordered = m.order ? m.order.map((i) => args[i]) : args
        if (m.extra) ordered.push(m.extra)
        return [`${m.gradsheet}(${ordered.join(', ')})`, 99]
      }
    }
  }
  const [formula] = print(tree)
  return { ok: true, formula, exact: exact && unknown.size === 0, unknownFunctions: [...unknown], notes }
}

const isZero = (n: XNode): boolean => n.t === 'num' && Number(n.text) === 0


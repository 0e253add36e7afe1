// A Gradsheet formula written in Excel syntax, for Save as .xlsx: the formula is read
// the engine's way (the reference scanner, then math.js `parse`, never evaluate) and
// printed with Excel's operators, precedence and function names (function-map.ts).
// Functions Excel does not have (sigmoid, relu, …) keep their Gradsheet name — Excel
// shows #NAME? if it recalculates them, the file carries Gradsheet's value as the cached
// result, and the exact Gradsheet input travels in the hidden settings sheet (export.ts).
import { create, parseDependencies, type MathNode } from 'mathjs'
import { scanFormula } from '../formula/scan'
import { toExcel } from './function-map'

const { parse } = create({ parseDependencies })

export type ToExcel = { ok: true; formula: string; exact: boolean; foreign: string[] } | { ok: false; reason: string }

const REF = /^(?:'(?:[^']|'')+'!|[^\s!'"(),*+\-/^<>=]+!)?\$?[A-Za-z]{1,3}\$?[0-9]+(?::\$?[A-Za-z]{1,3}\$?[0-9]+)?/

// Excel precedence, lowest first (unary minus binds tighter than ^ in Excel).
const PREC: Record<string, number> = { '=': 1, '<>': 1, '<': 1, '>': 1, '<=': 1, '>=': 1, '+': 3, '-': 3, '*': 4, '/': 4, '^': 5, neg: 6 }
const OPS: Record<string, string> = {
  add: '+', subtract: '-', multiply: '*', divide: '/', pow: '^', dotMultiply: '*', dotDivide: '/', dotPow: '^',
  equal: '=', unequal: '<>', smaller: '<', larger: '>', smallerEq: '<=', largerEq: '>=',
}
const CONSTANTS: Record<string, string> = { pi: 'PI()', PI: 'PI()', e: 'EXP(1)', E: 'EXP(1)', true: 'TRUE', false: 'FALSE' }

export function gradsheetToExcel(body: string): ToExcel {
  const scanned = scanFormula(body)
  if (!scanned.ok) return { ok: false, reason: scanned.message }
  const { text, refs } = scanned.scan
  const refText = refs.map((r) => {
    const m = REF.exec(body.slice(r.sheetStart))
    return m ? m[0] : null
  })
  let tree: MathNode
  try {
    tree = parse(text)
  } catch (e) {
    return { ok: false, reason: (e as Error).message }
  }
  const foreign = new Set<string>()
  const isBlock = (n: MathNode): boolean => {
    const x = n as MathNode & Record<string, unknown>
    if (n.type === 'ParenthesisNode') return isBlock(x.content as MathNode)
    return (n.type === 'SymbolNode' && String(x.name).startsWith('$r')) || n.type === 'ArrayNode' || (n.type === 'FunctionNode' && ['transpose', 'TRANSPOSE'].includes(String((x.fn as { name?: string }).name)))
  }

  const print = (n: MathNode): [string, number] => {
    const x = n as MathNode & Record<string, unknown>
    switch (n.type) {
      case 'ConstantNode': {
        const v = x.value
        if (typeof v === 'number') return [String(v), 99]
        if (typeof v === 'boolean') return [v ? 'TRUE' : 'FALSE', 99]
        return [`"${String(v).replace(/"/g, '""')}"`, 99]
      }
      case 'ParenthesisNode':
        return [`(${print(x.content as MathNode)[0]})`, 99]
      case 'SymbolNode': {
        const name = String(x.name)
        if (/^\$[cr][0-9]+$/.test(name)) {
          const t = refText[Number(name.slice(2))]
          if (t === null) throw new Error('a reference could not be written')
          return [t, 99]
        }
        return [CONSTANTS[name] ?? name, 99]
      }
      case 'OperatorNode': {
        const fn = String(x.fn)
        const args = x.args as MathNode[]
        if (fn === 'unaryMinus' || fn === 'unaryPlus') {
          const [a, pa] = print(args[0])
          // Excel's sign binds tighter than ^: -x^2 must become -(x^2).
          const inner = pa < 99 ? `(${a})` : a
          return [fn === 'unaryMinus' ? `-${inner}` : inner, PREC.neg]
        }
        if (fn === 'multiply' && isBlock(args[0]) && isBlock(args[1])) return [`MMULT(${print(args[0])[0]},${print(args[1])[0]})`, 99]
        if (fn === 'ctranspose') return [`TRANSPOSE(${print(args[0])[0]})`, 99]
        if (fn === 'mod') return [`MOD(${print(args[0])[0]},${print(args[1])[0]})`, 99]
        if (fn === 'and' || fn === 'or') return [`${fn.toUpperCase()}(${args.map((a) => print(a)[0]).join(',')})`, 99]
        if (fn === 'not') return [`NOT(${print(args[0])[0]})`, 99]
        const op = OPS[fn]
        if (!op) {
          foreign.add(String(x.op))
          return [`${fn}(${args.map((a) => print(a)[0]).join(',')})`, 99]
        }
        const prec = PREC[op]
        const [a, pa] = print(args[0])
        const [b, pb] = print(args[1])
        // math.js's ^ is right-associative, Excel's left: a^b^c is written a^(b^c).
        const left = pa < prec || (op === '^' && pa === prec) ? `(${a})` : a
        const right = pb < prec || (pb === prec && op !== '+' && op !== '*') || (op === '^' && pb === PREC.neg) ? `(${b})` : b
        return [`${left}${op}${right}`, prec]
      }
      case 'ConditionalNode':
        return [`IF(${print(x.condition as MathNode)[0]},${print(x.trueExpr as MathNode)[0]},${print(x.falseExpr as MathNode)[0]})`, 99]
      case 'ArrayNode': {
        const items = x.items as MathNode[]
        const rows = items.every((i) => i.type === 'ArrayNode') ? items.map((i) => (i as unknown as { items: MathNode[] }).items) : [items]
        return [`{${rows.map((r) => r.map((i) => print(i)[0]).join(',')).join(';')}}`, 99]
      }
      case 'FunctionNode': {
        const name = String((x.fn as { name?: string }).name)
        const args = (x.args as MathNode[]).map((a) => print(a)[0])
        if (name === 'log') return [args.length === 1 ? `LN(${args[0]})` : `LOG(${args.join(',')})`, 99]
        const m = toExcel(name, args.length)
        if (!m) {
          foreign.add(name)
          return [`${name}(${args.join(',')})`, 99]
        }
        const ordered = m.order ? m.order.map((_, j) => args[m.order!.indexOf(j)]) : args
        return [`${m.excel}(${ordered.join(',')})`, 99]
      }
      default:
        throw new Error(`${n.type} cannot be written in Excel`)
    }
  }
  try {
    const [formula] = print(tree)
    return { ok: true, formula, exact: foreign.size === 0, foreign: [...foreign] }
  } catch (e) {
    return { ok: false, reason: (e as Error).message }
  }
}

// From formula text to a Program: scan references, parse with math.js `parse` only
// (never evaluate/compile), validate the tree against an allow-list of node types and
// functions, and lower it to post-order ops. Anything outside the allow-list becomes a
// constant error op (#NAME? or #PARSE!), so a hostile formula never runs anything.
import { create, parseDependencies, type MathNode } from 'mathjs'
import { CONSTANTS, FORBIDDEN, callable, internal } from '../functions/table'
import { Err } from '../values'
import { formulaLengthProblem, nestingProblem, TOO_DEEP } from '../limits'
import type { Op, Program } from './program'
import { scanFormula, type RefToken } from './scan'

const { parse } = create({ parseDependencies })

export interface Compiled {
  program: Program
  refs: RefToken[]
}

const OPERATOR_NAMES: Record<string, string> = {
  factorial: '! (factorial)',
  ctranspose: "' (transpose)",
  to: 'to (unit conversion)',
}

class Refused {
  constructor(readonly err: Err) {}
}
const refuse = (code: Err['code'], message: string): never => {
  throw new Refused(new Err(code, message))
}

function lower(root: MathNode, ops: Op[], names: Map<string, number>): number {
  const push = (op: Op): number => ops.push(op) - 1
  const visit = (node: MathNode): number => {
    const n = node as MathNode & Record<string, unknown>
    switch (node.type) {
      case 'ConstantNode': {
        const v = n.value
        if (typeof v === 'number') {
          if (!Number.isFinite(v)) return push({ k: 'const', v: new Err('#NUM!', `the number ${n.toString()} is not finite`) })
          return push({ k: 'const', v })
        }
        if (typeof v === 'string' || typeof v === 'boolean') return push({ k: 'const', v })
        return refuse('#NAME?', `${String(v)} is not a value a formula can use`)
      }
      case 'ParenthesisNode':
        return visit(n.content as MathNode)
      case 'SymbolNode': {
        const name = n.name as string
        if (name.startsWith('$c')) return push({ k: 'cell', slot: Number(name.slice(2)) })
        if (name.startsWith('$r')) return push({ k: 'range', slot: Number(name.slice(2)) })
        const c = CONSTANTS.get(name)
        if (c !== undefined) return push({ k: 'const', v: c })
        if (FORBIDDEN.has(name)) refuse('#NAME?', `${name} is not allowed in formulas`)
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) refuse('#NAME?', `"${name}" is not a valid name`)
        if (!names.has(name)) names.set(name, names.size)
        return push({ k: 'name', name, index: names.get(name)! })
      }
      case 'OperatorNode': {
        const fnName = n.fn as string
        const fn = internal(fnName)
        if (!fn) return refuse('#NAME?', `the operator ${OPERATOR_NAMES[fnName] ?? String(n.op)} is not available in formulas`)
        const args = (n.args as MathNode[]).map(visit)
        return push({ k: 'call', fn, args })
      }
      case 'ConditionalNode': {
        const args = [visit(n.condition as MathNode), visit(n.trueExpr as MathNode), visit(n.falseExpr as MathNode)]
        return push({ k: 'call', fn: internal('conditional')!, args })
      }
      case 'ArrayNode': {
        const args = (n.items as MathNode[]).map(visit)
        return push({ k: 'call', fn: internal('array')!, args })
      }
      case 'FunctionNode': {
        const target = n.fn as MathNode & { name?: string }
        if (target.type !== 'SymbolNode') return refuse('#NAME?', 'only named functions can be called in formulas')
        const name = target.name as string
        if (FORBIDDEN.has(name)) refuse('#NAME?', `${name} is not allowed in formulas (it could define or run code)`)
        const fn = callable(name)
        if (!fn) return refuse('#NAME?', `unknown function ${name}`)
        const given = (n.args as MathNode[]).length
        if (given < fn.min || given > fn.max) {
          const want = fn.min === fn.max ? `${fn.min}` : fn.max === Infinity ? `at least ${fn.min}` : `${fn.min} to ${fn.max}`
          refuse('#VALUE!', `${name} takes ${want} argument${want === '1' ? '' : 's'}, got ${given}`)
        }
        const args = (n.args as MathNode[]).map(visit)
        return push({ k: 'call', fn, args })
      }
      case 'AssignmentNode':
      case 'FunctionAssignmentNode':
        return refuse('#NAME?', 'assignments (x = 1, f(x) = …) are not allowed in formulas; give the cell a name instead')
      case 'RangeNode':
        return refuse('#PARSE!', 'a range must join two cell references, like A1:B3')
      case 'AccessorNode':
      case 'IndexNode':
        return refuse('#NAME?', 'property access and indexing (a.b, a[1]) are not allowed in formulas')
      case 'ObjectNode':
        return refuse('#NAME?', 'objects ({…}) are not allowed in formulas')
      case 'BlockNode':
        return refuse('#PARSE!', 'a formula is one expression (no ; or line breaks)')
      default:
        return refuse('#NAME?', `${node.type} is not allowed in formulas`)
    }
  }
  return visit(root)
}

const errorProgram = (err: Err): Program => ({ ops: [{ k: 'const', v: err }], names: [] })

/** Lowers a placeholder text (already scanned) into a Program. Never throws. */
export function lowerText(text: string, positions: () => number[]): Program {
  if (!text.trim()) return errorProgram(new Err('#PARSE!', 'the formula is empty after "="'))
  const deep = nestingProblem(text)
  if (deep) return errorProgram(new Err('#PARSE!', deep))
  let tree: MathNode
  try {
    tree = parse(text)
  } catch (e) {
    if (e instanceof RangeError) return errorProgram(new Err('#PARSE!', TOO_DEEP))
    const raw = e instanceof Error ? e.message : String(e)
    const m = /\(char (\d+)\)/.exec(raw)
    const sourceIndex = m ? positions() : []
    const where = m ? raw.replace(/\(char \d+\)/, `(at character ${(sourceIndex[Number(m[1]) - 1] ?? sourceIndex[sourceIndex.length - 1]) + 2})`) : raw
    return errorProgram(new Err('#PARSE!', `syntax error: ${where}`))
  }
  const ops: Op[] = []
  const names = new Map<string, number>()
  try {
    lower(tree, ops, names)
  } catch (e) {
    if (e instanceof Refused) return errorProgram(e.err)
    if (e instanceof RangeError) return errorProgram(new Err('#PARSE!', TOO_DEEP))
    throw e
  }
  return { ops, names: [...names.keys()] }
}

const cache = new Map<string, Program>()
const CACHE_LIMIT = 50_000

/** Compiles a formula body (the text after "="): parse once per distinct shape. */
export function compileFormula(body: string): Compiled {
  const tooLong = formulaLengthProblem(body)
  if (tooLong) return { program: errorProgram(new Err('#PARSE!', tooLong)), refs: [] }
  const scanned = scanFormula(body)
  if (!scanned.ok) return { program: errorProgram(new Err('#PARSE!', scanned.message)), refs: [] }
  const { text, refs } = scanned.scan
  let program = cache.get(text)
  if (!program) {
    program = lowerText(text, () => (scanFormula(body, true) as { ok: true; scan: { sourceIndex: number[] } }).scan.sourceIndex)
    // Syntax-error positions depend on the source, so only cache programs that parsed.
    if (!(program.ops.length === 1 && program.ops[0].k === 'const' && program.ops[0].v instanceof Err && program.ops[0].v.code === '#PARSE!')) {
      if (cache.size >= CACHE_LIMIT) cache.clear()
      cache.set(text, program)
    }
  }
  return { program, refs }
}

// From formula text to a Program: scan references, parse with math.js `parse` only
// (never evaluate/compile), validate the tree against an allow-list of node types and
// functions, and lower it to post-order ops. Anything outside the allow-list becomes a
// constant error op (#NAME? or #PARSE!), so a hostile formula never runs anything.
// math.js's number-only entry: the same parser, without the full library's instance
// (every function, created when 'mathjs' is imported: ~40 MB of resident memory the CLI
// and the worker never use; issue 12, peak memory of `gradsheet eval`).
import { create, parseDependencies, type MathNode } from 'mathjs/number'
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

/**
 * Checks one node against the allow-list on the way down (refusing anything outside it)
 * and returns the children whose ops must come first.
 */
function enter(node: MathNode): MathNode[] {
  const n = node as MathNode & Record<string, unknown>
  switch (node.type) {
    case 'ConstantNode': {
      const v = n.value
      if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return []
      return refuse('#NAME?', `${String(v)} is not a value a formula can use`)
    }
    case 'ParenthesisNode':
      return [n.content as MathNode]
    case 'SymbolNode': {
      const name = n.name as string
      if (name.startsWith('$c') || name.startsWith('$r') || CONSTANTS.has(name)) return []
      if (FORBIDDEN.has(name)) refuse('#NAME?', `${name} is not allowed in formulas`)
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) refuse('#NAME?', `"${name}" is not a valid name`)
      return []
    }
    case 'OperatorNode': {
      const fnName = n.fn as string
      if (!internal(fnName)) return refuse('#NAME?', `the operator ${OPERATOR_NAMES[fnName] ?? String(n.op)} is not available in formulas`)
      return n.args as MathNode[]
    }
    case 'ConditionalNode':
      return [n.condition as MathNode, n.trueExpr as MathNode, n.falseExpr as MathNode]
    case 'ArrayNode':
      return n.items as MathNode[]
    case 'RelationalNode': {
      // A chained comparison a < b <= c (math.js): each comparison in turn, all of them true.
      for (const c of n.conditionals as string[]) if (!internal(c)) refuse('#NAME?', `the comparison ${c} is not available in formulas`)
      return n.params as MathNode[]
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
      return n.args as MathNode[]
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

/** Emits the op of a node whose children's ops are `args`; returns the node's op index. */
function leave(node: MathNode, args: number[], ops: Op[], names: Map<string, number>): number {
  const push = (op: Op): number => ops.push(op) - 1
  const n = node as MathNode & Record<string, unknown>
  switch (node.type) {
    case 'ConstantNode': {
      const v = n.value as number | string | boolean
      if (typeof v === 'number' && !Number.isFinite(v)) return push({ k: 'const', v: new Err('#NUM!', `the number ${n.toString()} is not finite`) })
      return push({ k: 'const', v })
    }
    case 'ParenthesisNode':
      return args[0]
    case 'SymbolNode': {
      const name = n.name as string
      if (name.startsWith('$c')) return push({ k: 'cell', slot: Number(name.slice(2)) })
      if (name.startsWith('$r')) return push({ k: 'range', slot: Number(name.slice(2)) })
      const c = CONSTANTS.get(name)
      if (c !== undefined) return push({ k: 'const', v: c })
      if (!names.has(name)) names.set(name, names.size)
      return push({ k: 'name', name, index: names.get(name)! })
    }
    case 'OperatorNode':
      return push({ k: 'call', fn: internal(n.fn as string)!, args })
    case 'ConditionalNode':
      return push({ k: 'call', fn: internal('conditional')!, args })
    case 'ArrayNode':
      return push({ k: 'call', fn: internal('array')!, args })
    case 'RelationalNode': {
      const tests = (n.conditionals as string[]).map((c, i) => push({ k: 'call', fn: internal(c)!, args: [args[i], args[i + 1]] }))
      return push({ k: 'call', fn: internal('and')!, args: tests })
    }
    default: // FunctionNode (enter() refused every other kind)
      return push({ k: 'call', fn: callable((n.fn as { name: string }).name)!, args })
  }
}

/**
 * Lowers the tree to post-order ops without recursion: math.js builds a flat sum
 * `1+1+…+1` as a left-deep tree as tall as the sum is long, so a recursive walk would
 * run out of stack on a few thousand terms. Nesting the user wrote is limited before
 * parsing (limits.ts, bracketDepth); the length of a flat sum is not.
 */
function lower(root: MathNode, ops: Op[], names: Map<string, number>): number {
  interface Frame { node: MathNode; kids: MathNode[]; args: number[] }
  const stack: Frame[] = [{ node: root, kids: enter(root), args: [] }]
  let last = -1
  while (stack.length > 0) {
    const top = stack[stack.length - 1]
    if (top.args.length < top.kids.length) {
      const kid = top.kids[top.args.length]
      stack.push({ node: kid, kids: enter(kid), args: [] })
      continue
    }
    stack.pop()
    last = leave(top.node, top.args, ops, names)
    if (stack.length > 0) stack[stack.length - 1].args.push(last)
  }
  return last
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

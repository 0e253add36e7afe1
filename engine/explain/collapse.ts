// The collapse rule that keeps the graph legible at any sample count: rows that repeat
// one formula (the same formula up to a relative shift — the same R1C1 form, as a fill
// down makes) become one stacked node, and so do the data cells that feed such a stack
// (or a range reduction) row by row. A 50-sample regression then reads as
// x, y → f → d → loss → J with w and b feeding in, as the reference text draws it.
// Pure: it works on the extracted graph (nodes, edges, steps), never on the engine.
import { parseAddress } from '../address'
import { scanFormula, type RefToken } from '../formula/scan'
import type { CellGrad, CellValue } from '../api'
import { fmt } from './labels'
import type { GraphEdge, GraphNode, Step } from './types'

/** Runs shorter than this stay cell by cell (two similar rows are still easy to read). */
export const MIN_STACK = 3

export interface CollapseOptions {
  /** Stack keys the user expanded: their cells are drawn one by one ('*': every stack). */
  expanded?: ReadonlySet<string>
  /** The label cell just above a stack's first row ("x (input)"), if any: the stack's title. */
  heading?: (sheet: string, row: number, col: number) => string | null
}

interface Candidate {
  node: GraphNode
  row: number
  col: number
}

/** Which coordinate of a reference a stack keeps: shifted with the row (relative) or fixed. */
type Mode = 'rel' | 'abs' | 'open'

interface FormulaShape {
  text: string
  refs: RefToken[]
}

function shapeOf(formula: string): FormulaShape | null {
  const t = formula.trim()
  if (!t.startsWith('=')) return null
  const scanned = scanFormula(t.slice(1))
  return scanned.ok ? { text: scanned.scan.text, refs: scanned.scan.refs } : null
}

const isLoose = (n: GraphNode): boolean => n.kind === 'cell' && !n.objective && !n.param && n.label === n.address

/**
 * Grows a run from `start` while each next cell's formula is the start's formula shifted
 * by the row difference: every reference coordinate either moves with the row (relative)
 * or stays put (absolute), the same choice for the whole run.
 */
function sameForm(start: FormulaShape, startRow: number, next: FormulaShape, nextRow: number, modes: Mode[]): boolean {
  if (start.text !== next.text || start.refs.length !== next.refs.length) return false
  const dr = nextRow - startRow
  const proposed = modes.slice()
  for (let i = 0; i < start.refs.length; i++) {
    const a = start.refs[i]
    const b = next.refs[i]
    if (a.sheet !== b.sheet || a.range !== b.range || a.outOfBounds !== b.outOfBounds) return false
    if (a.col0 !== b.col0 || a.col1 !== b.col1) return false // a vertical run: columns never shift
    for (const [k, from, to] of [[2 * i, a.row0, b.row0], [2 * i + 1, a.row1, b.row1]] as const) {
      const rel = to === from + dr
      const abs = to === from
      const m = proposed[k] ?? 'open'
      if (m === 'rel' ? !rel : m === 'abs' ? !abs : !(rel || abs)) return false
      if (m === 'open') proposed[k] = rel ? 'rel' : 'abs'
    }
  }
  modes.splice(0, modes.length, ...proposed)
  return true
}

/** Consecutive rows of one column, split where `joins(prev run, next)` says no. */
function runsOf(cells: Candidate[], joins: (run: Candidate[], next: Candidate) => boolean): Candidate[][] {
  const sorted = cells.slice().sort((a, b) => a.row - b.row)
  const runs: Candidate[][] = []
  let run: Candidate[] = []
  for (const c of sorted) {
    if (run.length > 0 && c.row === run[run.length - 1].row + 1 && joins(run, c)) run.push(c)
    else {
      if (run.length >= MIN_STACK) runs.push(run)
      run = [c]
    }
  }
  if (run.length >= MIN_STACK) runs.push(run)
  return runs
}

function bucket(cells: Candidate[], keyOf: (c: Candidate) => string | null): Map<string, Candidate[]> {
  const out = new Map<string, Candidate[]>()
  for (const c of cells) {
    const k = keyOf(c)
    if (k === null) continue
    const list = out.get(k)
    if (list) list.push(c)
    else out.set(k, [c])
  }
  return out
}

const stackKey = (run: Candidate[]): string => `${run[0].node.sheet}!${run[0].node.address}:${run[run.length - 1].node.address}`

/**
 * THE rule: which cells group into a stack, as stack key ("Sheet1!C2:C51") → member keys
 * in row order. Only unnamed cells that are neither parameters nor the objective stack.
 * 1. Formula cells: a run of ≥ MIN_STACK consecutive rows of one column with one R1C1 form.
 * 2. Number cells: a run of ≥ MIN_STACK consecutive rows of one column whose cells are all
 *    read by the same groups (the same stacks, or the same range node), so a data column
 *    feeding a stack row by row, or read by one reduction, stacks too.
 */
export function stackGroups(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): Map<string, string[]> {
  const groups = new Map<string, string[]>()
  const groupOf = new Map<string, string>()
  const candidates: Candidate[] = []
  for (const node of nodes) {
    if (!isLoose(node)) continue
    const at = parseAddress(node.address)
    if (at) candidates.push({ node, row: at.row, col: at.col })
  }
  const shapes = new Map<string, FormulaShape>()
  for (const c of candidates) {
    const s = shapeOf(c.node.formula)
    if (s) shapes.set(c.node.key, s)
  }
  const add = (run: Candidate[]) => {
    const key = stackKey(run)
    groups.set(key, run.map((c) => c.node.key))
    for (const c of run) groupOf.set(c.node.key, key)
  }

  // 1. Formula runs.
  const formulaBuckets = bucket(candidates, (c) => {
    const s = shapes.get(c.node.key)
    return s ? `${c.node.sheet}\u0000${c.col}\u0000${s.text}` : null
  })
  // Rows of one column each formula reads on its own sheet: a stack is parallel rows, so a
  // recurrence (each row reading the one above) stays a chain.
  const ownRows = new Map<string, [number, number][]>()
  for (const c of candidates) {
    const s = shapes.get(c.node.key)
    if (s) ownRows.set(c.node.key, s.refs.filter((r) => r.sheet === null && r.col0 <= c.col && c.col <= r.col1).map((r) => [Math.min(r.row0, r.row1), Math.max(r.row0, r.row1)]))
  }
  const readsWithin = (c: Candidate, lo: number, hi: number) => ownRows.get(c.node.key)!.some(([a, b]) => a <= hi && b >= lo)
  for (const cells of formulaBuckets.values()) {
    let modes: Mode[] = []
    const runs = runsOf(cells, (run, next) => {
      if (run.length === 1) modes = []
      if (readsWithin(next, run[0].row, next.row) || run.some((m) => readsWithin(m, next.row, next.row))) return false
      return sameForm(shapes.get(run[0].node.key)!, run[0].row, shapes.get(next.node.key)!, next.row, modes)
    })
    runs.forEach(add)
  }

  // 2. Number cells, by the groups that read them.
  const readers = new Map<string, Set<string>>()
  for (const e of edges) {
    const set = readers.get(e.from) ?? new Set<string>()
    set.add(groupOf.get(e.to) ?? e.to)
    readers.set(e.from, set)
  }
  const signature = (key: string): string => [...(readers.get(key) ?? [])].sort().join('\u0000')
  const numberBuckets = bucket(candidates, (c) => (!shapes.has(c.node.key) && c.node.value.kind === 'number' ? `${c.node.sheet}\u0000${c.col}` : null))
  const rangeKeys = new Set(nodes.filter((n) => n.kind === 'range').map((n) => n.key))
  // A reader that is one cell (not a stack) reads each member separately: that is not a stack.
  const stackable = (c: Candidate) => [...(readers.get(c.node.key) ?? [])].every((r) => groups.has(r) || rangeKeys.has(r))
  for (const cells of numberBuckets.values()) {
    const runs = runsOf(cells.filter(stackable), (run, next) => signature(run[0].node.key) === signature(next.node.key))
    runs.forEach(add)
  }
  return groups
}

function stackedValue(members: GraphNode[]): { value: CellValue; grad: CellGrad } {
  const values = members.map((m) => (m.value.kind === 'number' ? m.value.value : null))
  const grads = members.map((m) => (m.grad.kind === 'number' ? m.grad.value : null))
  const value: CellValue = values.every((v) => v !== null) ? { kind: 'tensor', shape: [members.length], value: values as number[] } : { kind: 'text', value: `${members.length} cells` }
  const grad: CellGrad = grads.every((g) => g !== null) ? { kind: 'tensor', value: grads as number[] } : { kind: 'none' }
  return { value, grad }
}

function mergedEdge(from: string, to: string, list: GraphEdge[]): GraphEdge {
  if (list.length === 1) return { ...list[0], from, to }
  const texts = new Set(list.map((e) => e.partialText))
  if (texts.size === 1) return { from, to, partial: list[0].partial, partialText: list[0].partialText, count: list.length }
  const nums = list.map((e) => e.partial)
  if (nums.every((p): p is number => p !== null)) {
    const lo = Math.min(...nums)
    const hi = Math.max(...nums)
    return { from, to, partial: null, partialText: `${fmt(lo)} … ${fmt(hi)}`, count: list.length }
  }
  return { from, to, partial: null, partialText: `${list.length} partials`, count: list.length }
}

/** The graph with every non-expanded stack drawn as one node; its steps follow the nodes. */
export function collapseGraph(
  nodes: GraphNode[],
  edges: GraphEdge[],
  steps: Step[],
  options: CollapseOptions = {},
): { nodes: GraphNode[]; edges: GraphEdge[]; steps: Step[] } {
  const groups = stackGroups(nodes, edges)
  const byKey = new Map(nodes.map((n) => [n.key, n]))
  const groupOf = new Map<string, string>()
  const stacks: GraphNode[] = []
  for (const [key, memberKeys] of groups) {
    if (options.expanded?.has(key) || options.expanded?.has('*')) continue
    const members = memberKeys.map((k) => byKey.get(k)!)
    const first = members[0]
    const last = members[members.length - 1]
    const at = parseAddress(first.address)
    const heading = at ? options.heading?.(first.sheet, at.row - 1, at.col) ?? null : null
    const address = `${first.address}:${last.address}`
    for (const k of memberKeys) groupOf.set(k, key)
    stacks.push({
      key,
      kind: 'stack',
      sheet: first.sheet,
      address,
      label: heading ?? address,
      formula: first.formula.trim().startsWith('=') ? `${first.formula.trim()} ↓` : `${members.length} numbers`,
      ...stackedValue(members),
      objective: false,
      param: false,
      convention: members.some((m) => m.convention),
      order: Math.min(...members.map((m) => m.order)),
      members: memberKeys,
    })
  }
  const stackKeys = new Set(stacks.map((s) => s.key))
  // A range node that reads exactly a stack's cells is that stack (loss → J, not loss → range → J).
  const kept = nodes.filter((n) => !groupOf.has(n.key) && !(n.kind === 'range' && stackKeys.has(n.key)))
  const outNodes = [...kept, ...stacks]
  const mapKey = (k: string) => groupOf.get(k) ?? k
  const merged = new Map<string, GraphEdge[]>()
  for (const e of edges) {
    const from = mapKey(e.from)
    const to = mapKey(e.to)
    if (from === to) continue
    const id = `${from}\u0000${to}`
    const list = merged.get(id)
    if (list) list.push(e)
    else merged.set(id, [e])
  }
  const outEdges = [...merged.entries()].map(([id, list]) => {
    const [from, to] = id.split('\u0000')
    return mergedEdge(from, to, list)
  })
  return { nodes: outNodes, edges: outEdges, steps: collapseSteps(steps, groupOf, new Map(stacks.map((s) => [s.key, s]))) }
}

/** One step per stack and phase, where its first cell's step was; the text names the rows. */
function collapseSteps(steps: Step[], groupOf: Map<string, string>, stacks: Map<string, GraphNode>): Step[] {
  const out: Step[] = []
  const at = new Map<string, number>()
  for (const s of steps) {
    const g = groupOf.get(s.node)
    if (!g) {
      out.push(s)
      continue
    }
    const id = `${s.phase}\u0000${g}`
    if (at.has(id)) continue
    at.set(id, out.length)
    const stack = stacks.get(g)!
    const n = stack.members!.length
    out.push({ phase: s.phase, node: g, text: `${stack.label === stack.address ? stack.address : `${stack.label} (${stack.address})`}, ${n} rows alike: ${s.text}, …` })
  }
  return out
}

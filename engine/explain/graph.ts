// The graph the view draws, for a scope: the whole workbook, the cells that influence J,
// or the neighbourhood of a cell. Past a node limit it returns a summary instead, so a
// 100k-cell workbook never reaches the layout.
import { formatAddress, parseAddress } from '../address'
import type { CellGrad, CellValue } from '../api'
import { Kind } from '../graph/store'
import { chainRule } from './chain-rule'
import { collapseGraph } from './collapse'
import { conventionNotes } from './conventions'
import { graphInputs, type GraphInput } from './graph-inputs'
import { fmt, keyOf, labelOf, tensorText } from './labels'
import { localPartials } from './local-partials'
import type { CellSet, ExplainSource } from './source'
import type { GraphData, GraphEdge, GraphNode, GraphScope, GraphSummary, Step } from './types'

export const DEFAULT_NODE_LIMIT = 300
/**
 * Cells a scope may have before stacking (collapse.ts): a 1,000-sample regression
 * (≈ 5,000 cells) collapses to a handful of nodes, so the limit above applies after it.
 */
export const RAW_NODE_LIMIT = 6000

/** A cell belongs in the graph when it computes, holds a number or tensor, or is read by a formula. */
function isGraphCell(src: ExplainSource, id: number): boolean {
  const s = src.store
  if (src.sheetName(s.sheet[id]) === null) return false
  if (s.hasFormula(id) || s.kind[id] === Kind.Number || s.kind[id] === Kind.Tensor) return src.hasContent(id) || s.users.count(id) > 0 // users are flat now (engine/graph/users.ts)
  return s.users.count(id) > 0
}

/**
 * Cell ids in scope, or null when the scope has more than `limit` (count says how many).
 * A neighbourhood is cut to its `limit` nearest cells instead (breadth-first order).
 */
function scopeCells(src: ExplainSource, scope: GraphScope, limit: number): { ids: number[] | null; count: number } {
  const s = src.store
  if (scope.kind === 'all') {
    const ids: number[] = []
    let count = 0
    for (let id = 0; id < s.count; id++) if (isGraphCell(src, id) && ++count <= limit) ids.push(id)
    return { ids: count > limit ? null : ids, count }
  }
  const seen = new Set<number>()
  // Walks are linear in the cells they reach (a walk over a whole 100k workbook is a few ms);
  // one may stop once it has reached more than `stopAbove` cells.
  const walk = (starts: number[], next: (id: number) => Iterable<number>, depth: number, stopAbove = Infinity): void => {
    let frontier = starts
    for (let d = 0; frontier.length && d < depth; d++) {
      const following: number[] = []
      for (const id of frontier)
        for (const n of next(id)) {
          if (seen.has(n) || !isGraphCell(src, n)) continue
          seen.add(n)
          following.push(n)
          if (seen.size > stopAbove) return
        }
      frontier = following
    }
  }
  // A range's cells are inputs too (through the range node), so the cells a reduction reads are in scope.
  const up = (id: number): number[] => graphInputs(src, id).flatMap((g: GraphInput) => (g.kind === 'cell' ? [g.id] : Array.from(g.ids)))
  if (scope.kind === 'objective') {
    if (src.objectiveId < 0) return { ids: [], count: 0 }
    seen.add(src.objectiveId)
    // Too many to draw is known once the walk passes the limit; the engine's cone of J then
    // counts the scope (walking a 1M-cell cone took ~1 s, after every edit while the view was open).
    const cone = src.objectiveCone
    walk([src.objectiveId], up, Infinity, cone ? limit : Infinity)
    if (cone && seen.size > limit) return { ids: null, count: cone.size } // every cell J reads has a user: each is a graph cell
  } else {
    const c = src.cellId(scope.sheet, scope.address)
    if (c < 0) return { ids: [], count: 0 }
    seen.add(c)
    const depth = Math.max(1, Math.min(10, Math.trunc(scope.depth) || 1))
    walk([c], up, depth)
    walk([c], (id) => s.users.list(id), depth) // users are flat now (engine/graph/users.ts)
    if (seen.size > limit) return { ids: [...seen].slice(0, limit), count: seen.size }
  }
  return { ids: seen.size > limit ? null : [...seen], count: seen.size }
}

function summary(src: ExplainSource, scopeNodes: number): GraphSummary {
  const s = src.store
  let cells = 0
  let formulas = 0
  const top: { id: number; g: number }[] = []
  for (let id = 0; id < s.count; id++) {
    if (src.sheetName(s.sheet[id]) === null || !src.hasContent(id)) continue
    cells++
    if (s.hasFormula(id)) {
      formulas++
      continue
    }
    const g = s.kind[id] === Kind.Number ? src.gradOf(id) : null
    if (typeof g === 'number' && g !== 0) {
      top.push({ id, g })
      if (top.length > 40) top.sort((a, b) => Math.abs(b.g) - Math.abs(a.g)).splice(10)
    }
  }
  top.sort((a, b) => Math.abs(b.g) - Math.abs(a.g))
  return {
    cells,
    formulas,
    sheets: src.sheetIds().length,
    scopeNodes,
    topGradients: top.slice(0, 10).map(({ id, g }) => ({ key: keyOf(src, id), label: labelOf(src, id), grad: g })),
  }
}

const shapeOf = (v: CellValue): string => (v.kind === 'tensor' ? v.shape.join('×') : v.kind === 'number' ? 'scalar' : v.kind)

function cellNode(src: ExplainSource, id: number): GraphNode {
  const view = src.view(id)
  return {
    key: keyOf(src, id),
    kind: 'cell',
    sheet: view.sheet,
    address: view.address,
    label: labelOf(src, id),
    formula: view.input,
    value: view.value,
    grad: view.grad,
    objective: id === src.objectiveId,
    param: view.param === true,
    convention: conventionNotes(src, id).length > 0,
    order: src.pos[id],
  }
}

function rangeNode(src: ExplainSource, g: Extract<GraphInput, { kind: 'range' }>): GraphNode {
  const s = src.store
  const data = new Float64Array(g.ids.length)
  const grads = new Float64Array(g.ids.length)
  let numeric = true
  g.ids.forEach((id, i) => {
    if (s.kind[id] === Kind.Number) {
      data[i] = s.num[id]
      const gr = src.gradOf(id)
      grads[i] = typeof gr === 'number' ? gr : 0
    } else if (s.kind[id] !== Kind.Empty) numeric = false
  })
  const small = g.ids.length <= 16
  const value: CellValue = numeric && small ? { kind: 'tensor', shape: g.shape, value: nestedOf(g.shape, data) } : { kind: 'text', value: `${g.ids.length} cells` }
  const grad: CellGrad = numeric && small && src.gradReason === null ? { kind: 'tensor', value: nestedOf(g.shape, grads) } : { kind: 'none' }
  return { key: g.key, kind: 'range', sheet: g.sheet, address: g.address, label: g.address, formula: `range ${g.address} (${g.shape.join('×')})`, value, grad, objective: false, param: false, convention: false, order: -1 }
}

function nestedOf(shape: number[], d: Float64Array): number[] | number[][] {
  if (shape.length === 1) return Array.from(d)
  return Array.from({ length: shape[0] }, (_, i) => Array.from(d.subarray(i * shape[1], (i + 1) * shape[1])))
}

/** The edges into formula cell k (inputs that are drawn), each with its local partial. */
function edgesInto(src: ExplainSource, k: number, drawn: Set<string>, ranges: Map<string, GraphNode>): GraphEdge[] {
  const partials = localPartials(src, k)
  const to = keyOf(src, k)
  const kv = src.view(k).value
  const out: GraphEdge[] = []
  for (const g of graphInputs(src, k)) {
    if (g.kind === 'range') {
      if (!ranges.has(g.key)) ranges.set(g.key, rangeNode(src, g))
      let text = kv.kind === 'tensor' ? `Jacobian ${shapeOf(kv)} by ${g.shape.join('×')}` : '—'
      if (partials) {
        const d = new Float64Array(g.ids.length)
        g.ids.forEach((id, i) => {
          const p = partials.get(id)
          d[i] = typeof p === 'number' ? p : 0
        })
        text = tensorText(g.shape, d)
      }
      out.push({ from: g.key, to, partial: null, partialText: text })
      continue
    }
    const from = keyOf(src, g.id)
    if (!drawn.has(from)) continue
    const p = partials?.get(g.id)
    const cv = src.store.kind[g.id]
    let text = '—'
    if (typeof p === 'number') text = fmt(p)
    else if (p) text = tensorText((src.store.obj[g.id] as { shape: number[] }).shape, p)
    else if (kv.kind === 'tensor' && (cv === Kind.Number || cv === Kind.Tensor)) text = `Jacobian ${shapeOf(kv)} by ${shapeOf(src.view(g.id).value)}`
    out.push({ from, to, partial: typeof p === 'number' ? p : null, partialText: text })
  }
  return out
}

/**
 * The cells J reads, walked along precedents down the order from J: for a source without
 * the engine's cone. (Walking it per graph request took ~0.5 s at 1M cells, after every
 * edit while the graph view was open; the engine's cone answers in one read.)
 */
function walkedCone(src: ExplainSource): CellSet {
  const influences = new Set<number>([src.objectiveId])
  for (let p = src.pos[src.objectiveId]; p >= 0; p--) {
    const id = src.order[p]
    if (!influences.has(id)) continue
    for (const q of src.store.bindingOf(id)?.precedents ?? []) influences.add(q)
  }
  return influences
}

/** The walk-through: forward in evaluation order, then backward from J over the cells that influence it. */
export function stepsOf(src: ExplainSource, ids: number[]): Step[] {
  const s = src.store
  const cells = ids.filter((id) => s.kind[id] !== Kind.Empty).sort((a, b) => src.pos[a] - src.pos[b])
  const steps: Step[] = []
  for (const id of cells) {
    const view = src.view(id)
    const value = view.value.kind === 'number' ? fmt(view.value.value) : view.value.kind === 'tensor' ? tensorText(view.value.shape, view.value.value.flat()) : view.value.kind === 'error' ? view.value.error.code : view.value.kind === 'boolean' ? String(view.value.value).toUpperCase() : view.value.kind === 'text' ? `"${view.value.value}"` : ''
    const body = s.hasFormula(id) ? `${view.input.trim().slice(1).trim()} = ` : ''
    steps.push({ phase: 'forward', node: keyOf(src, id), text: `${labelOf(src, id)} = ${body}${value}` })
  }
  if (src.objectiveId < 0) return steps
  const influences = src.objectiveCone ?? walkedCone(src)
  for (const id of [...cells].reverse()) {
    if (!influences.has(id) || (s.kind[id] !== Kind.Number && s.kind[id] !== Kind.Tensor)) continue
    steps.push({ phase: 'backward', node: keyOf(src, id), text: chainRule(src, id).text })
  }
  return steps
}

export function extractGraph(src: ExplainSource, scope: GraphScope, limit = DEFAULT_NODE_LIMIT): GraphData & { steps: Step[] } {
  const raw = Math.max(limit, RAW_NODE_LIMIT)
  const { ids, count } = scopeCells(src, scope, raw)
  if (!ids) return { scope, nodes: [], edges: [], steps: [], tooLarge: summary(src, count) }
  const cells = ids.map((id) => cellNode(src, id))
  const drawn = new Set(cells.map((n) => n.key))
  const ranges = new Map<string, GraphNode>()
  const rawEdges: GraphEdge[] = []
  for (const id of ids) if (src.store.hasFormula(id)) rawEdges.push(...edgesInto(src, id, drawn, ranges))
  // Drawn cells that sit inside a drawn range feed it (the range passes each entry on unchanged).
  for (const [key, r] of ranges) {
    cells.push(r)
    for (const id of ids)
      if (src.sheetName(src.store.sheet[id]) === r.sheet && within(src.addressOf(id), r.address))
        rawEdges.push({ from: keyOf(src, id), to: key, partial: 1, partialText: '1' })
  }
  const heading = (sheet: string, row: number, col: number): string | null => {
    if (row < 1) return null
    const id = src.cellId(sheet, formatAddress(row, col))
    const v = id >= 0 ? src.view(id).value : null
    return v?.kind === 'text' && v.value.trim() !== '' ? v.value.trim() : null
  }
  const { nodes, edges, steps } = collapseGraph(cells, rawEdges, stepsOf(src, ids), { expanded: new Set(scope.expanded ?? []), heading })
  if (nodes.length > limit) {
    if (scope.kind !== 'neighbourhood') return { scope, nodes: [], edges: [], steps: [], tooLarge: summary(src, nodes.length) }
    // A neighbourhood keeps its `limit` nearest nodes (breadth-first order) and says so.
    const kept = new Set(nodes.slice(0, limit).map((n) => n.key))
    return {
      scope,
      nodes: nodes.filter((n) => kept.has(n.key)),
      edges: edges.filter((e) => kept.has(e.from) && kept.has(e.to)),
      steps: steps.filter((s) => kept.has(s.node)),
      truncated: true,
    }
  }
  return { scope, nodes, edges, steps, truncated: count > ids.length || undefined }
}

function within(address: string, range: string): boolean {
  const [a, b] = range.split(':').map(parseAddress)
  const at = parseAddress(address)
  return !!(a && b && at && at.row >= a.row && at.row <= b.row && at.col >= a.col && at.col <= b.col)
}

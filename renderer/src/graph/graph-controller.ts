// The graph view's state: open or not, the scope, the graph and its layout, the
// inspector's explanation and the convention badges. Follows the workbook live: every
// change list (and every load) asks the worker again; stale answers are dropped.
import { createEffect, createSignal, on } from 'solid-js'
import type { Explanation, GraphData, GraphScope, Step } from '../../../engine/explain/types'
import type { DocumentController } from '../app/document-controller'
import type { SheetView } from '../app/sheet-view'
import { formatAddress, parseAddress } from '../model/address'
import type { WorkbookStore } from '../state/workbook-store'
import type { EngineClient } from '../worker/engine-client'
import { createBadgeFollower } from './badge-window'
import { setConventionKeys } from './convention-badges'
import { type SummaryStamp, standingSummary } from './standing-summary'
import { layout } from './layout-client'
import { layoutInputOf } from './node-geometry'
import type { LayoutResult } from './layout-types'

export type ScopeKind = 'all' | 'objective' | 'neighbourhood'
export type Graph = GraphData & { steps: Step[] }

export type GraphController = ReturnType<typeof createGraphController>

export function createGraphController(store: WorkbookStore, client: EngineClient, view: SheetView, ctl: DocumentController) {
  const [open, setOpen] = createSignal(false)
  const [scopeKind, setScopeKind] = createSignal<ScopeKind>('all')
  const [depth, setDepth] = createSignal(2)
  const [graph, setGraph] = createSignal<Graph | null>(null)
  /** The summary of a scope too large to draw (the neighbourhood is drawn instead). */
  const [summaryOf, setSummaryOf] = createSignal<GraphData['tooLarge'] | null>(null)
  const [positions, setPositions] = createSignal<LayoutResult | null>(null)
  const [explanation, setExplanation] = createSignal<Explanation | null>(null)
  const [error, setError] = createSignal<string | null>(null)
  /** Stacks the user opened (collapse.ts): drawn cell by cell until collapsed again. */
  const [expanded, setExpanded] = createSignal<string[]>([])
  /** The docked panel's width in px (the split with the grid), null until the user drags it. */
  const [width, setWidth] = createSignal<number | null>(null)
  /** Beside the grid (right) or below it, with the full window width for wide graphs. */
  const [dock, setDock] = createSignal<'right' | 'bottom'>('right')
  /** The panel's height when docked below, null until the user drags the splitter. */
  const [height, setHeight] = createSignal<number | null>(null)
  /** Bumped on every change list or load: what "live" follows. */
  const [revision, setRevision] = createSignal(0)

  const selectedKey = () => `${view.activeSheet()}!${formatAddress(view.selection())}`
  const neighbourhood = (): GraphScope => ({ kind: 'neighbourhood', sheet: view.activeSheet(), address: formatAddress(view.selection()), depth: depth(), expanded: expanded() })

  // Each change list replaces the objective state (a new object), and each load bumps loadCount.
  createEffect(on([store.objective, ctl.loadCount], () => setRevision((n) => n + 1), { defer: false }))

  // The badges of the cells on screen (and a margin): asked after every change list and
  // when the window leaves the block last asked for (badge-window.ts).
  const followBadges = createBadgeFollower(async (block) => {
    const res = await client.conventions(block)
    return res.type === 'conventions' ? res.cells : null
  }, setConventionKeys)
  createEffect(on([revision, view.visibleWindow], ([rev, visible]) => void followBadges(rev, visible)))

  let graphAsked = 0
  /** The change list and scope the shown summary was computed for (a too-large scope). */
  let summaryFor: SummaryStamp | null = null
  /**
   * Asks for the graph of the scope, or, when it is too large to draw, its summary and the
   * neighbourhood of the selection. `moved`: only the selection moved, and a summary that
   * still stands is kept (standing-summary.ts): only the neighbourhood is asked again.
   */
  async function refreshGraph(moved = false): Promise<void> {
    if (!open()) return
    const ticket = ++graphAsked
    const kind = scopeKind()
    const rev = revision()
    const standing = standingSummary(moved, kind, rev, summaryFor, summaryOf())
    let res = await client.graph(kind === 'neighbourhood' || standing ? neighbourhood() : { kind, expanded: expanded() })
    if (ticket !== graphAsked) return
    if (res.type !== 'graph') return void setError(res.type === 'failed' ? res.error : 'The graph could not be computed.')
    let summary: GraphData['tooLarge'] | null = standing
    if (!standing && res.graph.tooLarge) {
      // Too many nodes to draw: the summary, and the neighbourhood of the selection instead.
      summary = res.graph.tooLarge
      res = await client.graph(neighbourhood())
      if (ticket !== graphAsked || res.type !== 'graph') return
    }
    const g = res.graph
    const placed = await layout(layoutInputOf(g))
    if (ticket !== graphAsked) return
    setError(null)
    summaryFor = summary ? { revision: rev, kind } : null
    setSummaryOf(summary)
    setGraph(g)
    setPositions(placed)
  }

  let explainAsked = 0
  async function refreshExplanation(): Promise<void> {
    if (!open()) return
    const ticket = ++explainAsked
    const res = await client.explain(view.activeSheet(), formatAddress(view.selection()))
    if (ticket === explainAsked) setExplanation(res.type === 'explained' ? res.explanation : null)
  }

  createEffect(on([open, scopeKind, depth, revision, expanded], () => void refreshGraph()))
  // A new workbook starts with every stack collapsed.
  createEffect(on(ctl.loadCount, () => setExpanded([]), { defer: true }))
  // The neighbourhood follows the selection (and so does a too-large scope's fallback).
  createEffect(on([view.selection, view.activeSheet], () => {
    if (scopeKind() === 'neighbourhood' || summaryOf()) void refreshGraph(true)
  }, { defer: true }))
  createEffect(on([open, view.selection, view.activeSheet, revision], () => void refreshExplanation()))

  /** Selects a cell of the graph (or inspector link) in the grid: "Sheet1!B2". */
  function selectKey(key: string): void {
    const bang = key.lastIndexOf('!')
    const sheet = key.slice(0, bang)
    const at = parseAddress(key.slice(bang + 1).split(':')[0])
    if (at) view.select(at, sheet)
  }

  const expand = (key: string) => setExpanded((list) => (list.includes(key) ? list : [...list, key]))
  const collapseAll = () => setExpanded([])

  return { open, setOpen, scopeKind, setScopeKind, depth, setDepth, graph, summaryOf, positions, explanation, error, selectedKey, selectKey, expanded, expand, collapseAll, width, setWidth, dock, setDock, height, setHeight }
}

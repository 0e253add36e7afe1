// The graph view: a panel docked beside the grid in a resizable split (never over it), with
// the scope control, the drawn graph, the step-through player and the chain-rule
// inspector; export as SVG/PNG.
import { Show, createEffect, createSignal, onCleanup, onMount } from 'solid-js'
import type { GradsheetBridge } from '../../../bridge/api'
import type { WorkbookStore } from '../state/workbook-store'
import { GraphCanvas } from './GraphCanvas'
import type { GraphController, ScopeKind } from './graph-controller'
import { Inspector } from './Inspector'
import { StepPlayerView } from './StepPlayer'
import { createStepPlayer } from './step-player'
import { pngBase64, saveExport, svgDocument } from './export'
import { formatNumber as fmtNumber } from '../model/format'
import { Splitter } from './Splitter'
import './graph.css'

export function GraphPanel(props: { graph: GraphController; store: WorkbookStore; bridge: GradsheetBridge }) {
  const g = props.graph
  const player = createStepPlayer(g.graph)
  let inspector: HTMLElement | undefined

  /** Click/Enter/Space/arrow on a node: select its cell; a clicked stack opens; Enter goes to the inspector. */
  function activate(key: string, how: 'click' | 'enter' | 'space' | 'walk'): void {
    const node = g.graph()?.nodes.find((n) => n.key === key)
    if (!node) return
    g.selectKey(node.members?.[0] ?? key)
    if (node.kind === 'stack' && (how === 'click' || how === 'space')) g.expand(key)
    if (how === 'enter') queueMicrotask(() => inspector?.focus())
  }
  const [exportStatus, setExportStatus] = createSignal('')
  let svg: SVGSVGElement | undefined

  async function exportAs(kind: 'svg' | 'png'): Promise<void> {
    const placed = g.positions()
    if (!svg || !placed) return void setExportStatus('Nothing to export yet.')
    try {
      const text = svgDocument(svg, placed.width, placed.height)
      const data = kind === 'svg' ? text : await pngBase64(text, placed.width, placed.height)
      const outcome = await saveExport(props.bridge, `graph.${kind}`, data, kind === 'svg' ? 'utf8' : 'base64')
      if (outcome) setExportStatus(outcome.ok ? `Exported ${outcome.name}` : `Export failed: ${outcome.error}`)
    } catch (err) {
      setExportStatus(`Export failed: ${err instanceof Error ? err.message : String(err)}`)
    }
  }

  // The host's View menu: show/hide the panel, export (opening the panel first if needed).
  const [pendingExport, setPendingExport] = createSignal<'svg' | 'png' | null>(null)
  onMount(() => {
    const unsubscribe = props.bridge.onMenuCommand((cmd) => {
      if (cmd === 'toggleGraph') g.setOpen(!g.open())
      else if (cmd === 'exportGraphSvg' || cmd === 'exportGraphPng') {
        g.setOpen(true)
        setPendingExport(cmd === 'exportGraphSvg' ? 'svg' : 'png')
      }
    })
    onCleanup(unsubscribe)
    // F6 into the graph (its selected node) and out again is the window's F6 cycle (formula-ui: app/keyboard-reach.ts).
  })
  createEffect(() => {
    const kind = pendingExport()
    if (kind && g.positions() && svg) {
      setPendingExport(null)
      queueMicrotask(() => void exportAs(kind))
    }
  })

  return (
    <Show
      when={g.open()}
      fallback={<button type="button" class="graph-open" aria-label="Show graph" title="Show the computational graph" onClick={() => g.setOpen(true)}>Graph</button>}
    >
      <>
      <Splitter graph={g} />
      <aside
        class="graph-panel"
        classList={{ 'dock-bottom': g.dock() === 'bottom' }}
        data-dock={g.dock()}
        aria-label="Computational graph view"
        style={g.dock() === 'bottom' ? (g.height() ? { height: `${g.height()}px` } : undefined) : g.width() ? { width: `${g.width()}px` } : undefined}
      >
        <header class="graph-bar">
          <strong>Graph</strong>
          <select aria-label="Graph scope" value={g.scopeKind()} onChange={(e) => g.setScopeKind(e.currentTarget.value as ScopeKind)}>
            <option value="all">Whole workbook</option>
            <option value="objective">Cells that influence J</option>
            <option value="neighbourhood">Neighbourhood of selection</option>
          </select>
          <Show when={g.scopeKind() === 'neighbourhood' || g.summaryOf()}>
            <label class="graph-depth">
              steps
              <input type="number" aria-label="Neighbourhood steps" min={1} max={10} value={g.depth()} onChange={(e) => g.setDepth(Math.max(1, Math.min(10, Number(e.currentTarget.value) || 1)))} />
            </label>
          </Show>
          <Show when={g.expanded().length > 0}>
            <button type="button" title="Draw rows that repeat one formula as one stacked node again" onClick={g.collapseAll}>Collapse stacks</button>
          </Show>
          <span class="graph-spacer" />
          <button type="button" aria-pressed={g.dock() === 'bottom'} title="Dock the graph below the grid (the full width for wide graphs) or beside it" onClick={() => g.setDock(g.dock() === 'bottom' ? 'right' : 'bottom')}>{g.dock() === 'bottom' ? 'Dock right' : 'Dock below'}</button>
          <button type="button" onClick={() => void exportAs('svg')}>Export SVG</button>
          <button type="button" onClick={() => void exportAs('png')}>Export PNG</button>
          <button type="button" aria-label="Close graph" onClick={() => g.setOpen(false)}>×</button>
        </header>
        <span class="graph-export-status" aria-live="polite" data-export-status>{exportStatus()}</span>
        <Show when={g.error()}>
          <p role="alert" class="graph-error">{g.error()}</p>
        </Show>
        <Show when={g.summaryOf()}>
          {(s) => (
            <div class="graph-summary" data-graph-summary>
              <p>
                This scope has {s().scopeNodes.toLocaleString('en')} nodes, too many to draw legibly: {s().cells.toLocaleString('en')} cells, {s().formulas.toLocaleString('en')} formulas, {s().sheets} sheet{s().sheets === 1 ? '' : 's'}.
                Showing the neighbourhood of the selected cell instead.
              </p>
              <Show when={s().topGradients.length > 0}>
                <p>
                  Largest |∂J/∂input|:{' '}
                  {s().topGradients.slice(0, 5).map((t) => `${t.label} ${fmtNumber(t.grad)}`).join(', ')}
                </p>
              </Show>
            </div>
          )}
        </Show>
        <Show when={g.graph()?.truncated}>
          <p class="graph-muted graph-note" data-graph-truncated>Showing the {g.graph()!.nodes.length} nearest cells of a larger neighbourhood; fewer steps show all of it.</p>
        </Show>
        <div class="graph-body">
        <Show when={g.graph() && g.positions()} fallback={<p class="graph-muted graph-wait">Laying out the graph…</p>}>
          <Show when={g.graph()!.nodes.length > 0} fallback={<p class="graph-muted graph-wait" data-graph-empty>Nothing to draw in this scope{g.scopeKind() === 'objective' ? ' (is there an objective J?)' : ''}.</p>}>
            <GraphCanvas
              graph={g.graph()!}
              positions={g.positions()!}
              selectedKey={g.selectedKey()}
              maxAbsGrad={props.store.maxAbsGrad()}
              reveal={player.reveal()}
              onActivate={activate}
              frame={g.dock()}
              ref={(el) => (svg = el)}
            />
          </Show>
        </Show>
        <div class="graph-side">
          <StepPlayerView player={player} steps={g.graph()?.steps ?? []} />
          <Inspector explanation={g.explanation()} selectedKey={g.selectedKey()} onSelect={g.selectKey} ref={(el) => (inspector = el)} />
        </div>
        </div>
      </aside>
      </>
    </Show>
  )
}

// The graph as SVG: nodes (NodeBox.tsx), edges with their local partials, pan (drag, and
// automatically to the focused node) and zoom (wheel, buttons) that never goes below 1, so
// text stays ≥ 11 px; arrow keys walk the graph (graph-keys.ts), Enter opens the inspector.
import { For, Show, createEffect, createMemo, createSignal, on } from 'solid-js'
import type { GraphEdge } from '../../../engine/explain/types'
import type { Graph } from './graph-controller'
import { neighbour, type WalkKey } from './graph-keys'
import type { LayoutResult } from './layout-types'
import { EDGE_LABEL_HEIGHT } from './layout-types'
import { FONT, MONO, NodeBox } from './NodeBox'
import { MIN_SCALE, NODE_HEIGHT, NODE_WIDTH, edgeId, labelWidth } from './node-geometry'

export { FONT, MONO }

/** During the step-through: which values, gradients and edge partials have been computed so far. */
export interface Reveal {
  values: ReadonlySet<string>
  grads: ReadonlySet<string>
  edges: ReadonlySet<string>
  current: string | null
}

export interface GraphCanvasProps {
  graph: Graph
  positions: LayoutResult
  selectedKey: string
  maxAbsGrad: number
  reveal: Reveal | null
  /** A node was clicked or pressed: select it, expand a stack, open the inspector. */
  onActivate(key: string, how: 'click' | 'enter' | 'space' | 'walk'): void
  ref?: (el: SVGSVGElement) => void
  /** Changes when the panel is docked elsewhere: the graph is fitted to its new frame. */
  frame?: string
}

const MAX_SCALE = 3
const MARGIN = 16

function Edge(props: { edge: GraphEdge; positions: LayoutResult; shown: boolean }) {
  const placed = () => props.positions.edges[edgeId(props.edge.from, props.edge.to)]
  const path = () => placed()!.points.map(([x, y], i) => `${i ? 'L' : 'M'}${x},${y}`).join(' ')
  const text = () => (props.shown ? props.edge.partialText : '?')
  return (
    <Show when={placed()}>
      <g data-edge={edgeId(props.edge.from, props.edge.to)} data-from={props.edge.from} data-to={props.edge.to} data-partial={props.edge.partial ?? props.edge.partialText} data-revealed={props.shown ? 'true' : 'false'} data-count={props.edge.count}>
        <path d={path()} fill="none" stroke="#9aa3b0" stroke-width={props.edge.count ? 2.4 : 1.3} marker-end="url(#gs-arrow)" />
        <rect x={placed()!.label.x} y={placed()!.label.y} width={labelWidth(text())} height={EDGE_LABEL_HEIGHT} rx={3} fill={props.shown ? '#f8fafc' : '#f3f4f6'} stroke="#e2e8f0" />
        <text x={placed()!.label.x + 5} y={placed()!.label.y + 12} font-family={MONO} font-size="11" fill="#475569" data-role="partial">{text()}</text>
      </g>
    </Show>
  )
}

export function GraphCanvas(props: GraphCanvasProps) {
  const [pan, setPan] = createSignal({ x: 0, y: 0 })
  const [scale, setScale] = createSignal(1)
  let svg: SVGSVGElement | undefined
  let drag: { x: number; y: number; px: number; py: number } | null = null

  const zoomAt = (factor: number, cx: number, cy: number) => {
    const s = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale() * factor))
    const k = s / scale()
    setPan((p) => ({ x: cx - (cx - p.x) * k, y: cy - (cy - p.y) * k }))
    setScale(s)
  }
  /** Pans (never zooms) so the node is inside the view. */
  const panTo = (key: string) => {
    const at = props.positions.nodes[key]
    if (!svg || !at) return
    const box = svg.getBoundingClientRect()
    const s = scale()
    const p = pan()
    let x = p.x
    let y = p.y
    const left = at.x * s + x
    const top = at.y * s + y
    if (left < MARGIN) x += MARGIN - left
    else if (left + NODE_WIDTH * s > box.width - MARGIN) x -= left + NODE_WIDTH * s - (box.width - MARGIN)
    if (top < MARGIN + 30) y += MARGIN + 30 - top
    else if (top + NODE_HEIGHT * s > box.height - MARGIN) y -= top + NODE_HEIGHT * s - (box.height - MARGIN)
    if (x !== p.x || y !== p.y) setPan({ x, y })
  }
  /** Fit: the whole graph at zoom 1 when it fits (centred), else the start of it, with the selection in view. */
  const fit = () => {
    if (!svg) return
    const box = svg.getBoundingClientRect()
    const w = props.positions.width || 1
    const h = props.positions.height || 1
    setScale(MIN_SCALE)
    setPan({ x: w <= box.width ? (box.width - w) / 2 : MARGIN, y: h <= box.height - 30 ? Math.max(30, (box.height - h) / 2) : 30 })
    const selected = stackOf(props.selectedKey)
    if (selected) panTo(selected)
  }

  /** The drawn node holding a cell key (the cell's own node, or the stack it is in). */
  const stackOf = (key: string): string | null => {
    if (props.positions.nodes[key]) return key
    return props.graph.nodes.find((n) => n.members?.includes(key))?.key ?? null
  }
  const selectedNode = createMemo(() => stackOf(props.selectedKey))

  // A different set of nodes (a new scope, a new neighbourhood, a cell added) is fitted
  // into view; an edit that only changes numbers keeps the user's pan and zoom.
  const nodeSet = createMemo(() => props.graph.nodes.map((n) => n.key).sort().join('\n'))
  createEffect(on([nodeSet, () => props.positions], ([, placed], previous) => {
    if (!previous || previous[0] !== nodeSet() || !previous[1] || previous[1].width !== placed.width || previous[1].height !== placed.height) requestAnimationFrame(fit)
  }))
  createEffect(on(() => props.frame, () => requestAnimationFrame(() => requestAnimationFrame(fit)), { defer: true }))
  // The selection (from the grid, or a walk) is panned into view.
  createEffect(on(selectedNode, (key) => key && requestAnimationFrame(() => panTo(key)), { defer: true }))
  // The step-through's current node too.
  createEffect(on(() => props.reveal?.current, (key) => key && requestAnimationFrame(() => panTo(key)), { defer: true }))

  const focusNode = (key: string) => (svg?.querySelector(`[data-node="${CSS.escape(key)}"]`) as SVGGElement | null)?.focus()
  const onKeyDown = (e: KeyboardEvent) => {
    if (!['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown'].includes(e.key)) return
    const from = (e.target as Element).closest?.('[data-node]')?.getAttribute('data-node') ?? selectedNode()
    if (!from) return
    e.preventDefault()
    const to = neighbour(from, e.key as WalkKey, props.graph.edges, props.positions)
    if (!to) return
    panTo(to)
    focusNode(to)
    props.onActivate(to, 'walk')
  }
  /** One node is in the tab order (the selected one, else the first): Tab enters the graph, arrows walk it. */
  const tabbable = createMemo(() => selectedNode() ?? props.graph.nodes[0]?.key ?? null)

  return (
    <div class="graph-canvas">
      <div class="graph-zoom" role="group" aria-label="Graph zoom">
        <button type="button" aria-label="Zoom graph in" onClick={() => zoomAt(1.25, 0, 0)}>+</button>
        <button type="button" aria-label="Zoom graph out" disabled={scale() <= MIN_SCALE} title="Text never gets smaller than 11 px: a graph that does not fit pans" onClick={() => zoomAt(0.8, 0, 0)}>−</button>
        <button type="button" aria-label="Fit graph" onClick={fit}>Fit</button>
      </div>
      <svg
        ref={(el) => {
          svg = el
          props.ref?.(el)
        }}
        xmlns="http://www.w3.org/2000/svg"
        class="graph-svg"
        role="img"
        aria-label="Computational graph"
        aria-roledescription="graph: Tab to a node, arrow keys to walk, Enter for the inspector"
        data-layout={props.positions.engine}
        data-width={props.positions.width}
        data-height={props.positions.height}
        data-scale={scale()}
        onKeyDown={onKeyDown}
        onWheel={(e) => {
          e.preventDefault()
          if (e.ctrlKey || e.metaKey) {
            const r = svg!.getBoundingClientRect()
            return zoomAt(e.deltaY < 0 ? 1.1 : 1 / 1.1, e.clientX - r.left, e.clientY - r.top)
          }
          // A plain wheel pans (as in a document), Shift+wheel pans sideways.
          const dx = e.shiftKey ? e.deltaY : e.deltaX
          const dy = e.shiftKey ? 0 : e.deltaY
          setPan((p) => ({ x: p.x - dx, y: p.y - dy }))
        }}
        onPointerDown={(e) => {
          if (e.button !== 0) return
          drag = { x: e.clientX, y: e.clientY, px: pan().x, py: pan().y }
        }}
        onPointerMove={(e) => {
          if (!drag) return
          if (Math.abs(e.clientX - drag.x) + Math.abs(e.clientY - drag.y) > 3) setPan({ x: drag.px + e.clientX - drag.x, y: drag.py + e.clientY - drag.y })
        }}
        onPointerUp={() => (drag = null)}
        onPointerLeave={() => (drag = null)}
      >
        <defs>
          <marker id="gs-arrow" viewBox="0 0 10 10" refX={9} refY={5} markerWidth={7} markerHeight={7} orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill="#9aa3b0" />
          </marker>
        </defs>
        <g data-viewport="true" transform={`translate(${pan().x},${pan().y}) scale(${scale()})`}>
          <For each={props.graph.edges}>{(e) => <Edge edge={e} positions={props.positions} shown={!props.reveal || props.reveal.edges.has(edgeId(e.from, e.to))} />}</For>
          <For each={props.graph.nodes}>
            {(n) => (
              <Show when={props.positions.nodes[n.key]}>
                <NodeBox
                  node={n}
                  x={props.positions.nodes[n.key].x}
                  y={props.positions.nodes[n.key].y}
                  selected={selectedNode() === n.key}
                  current={props.reveal?.current === n.key}
                  lit={!!props.reveal && props.reveal.values.has(n.key)}
                  showValue={!props.reveal || props.reveal.values.has(n.key) || n.kind === 'range'}
                  showGrad={!props.reveal || props.reveal.grads.has(n.key)}
                  maxAbsGrad={props.maxAbsGrad}
                  tabbable={tabbable() === n.key}
                  onActivate={props.onActivate}
                />
              </Show>
            )}
          </For>
        </g>
      </svg>
    </div>
  )
}

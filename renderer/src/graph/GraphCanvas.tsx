// The graph as SVG: nodes (label, formula, value, ∂J/∂node in the grid's formats and
// colours), edges with their local partials, pan (drag) and zoom (wheel, buttons).
// Colours are SVG attributes, not CSS classes, so an exported file looks the same.
import { For, Show, createEffect, createMemo, createSignal, on } from 'solid-js'
import type { CellGrad, CellValue } from '../../../engine/api'
import type { GraphEdge, GraphNode } from '../../../engine/explain/types'
import { exactGrad, exactValue, formatGrad, formatValue } from '../model/format'
import { dominantComponent, gradTone, toneColours } from '../model/gradient-colour'
import type { Graph } from './graph-controller'
import type { LayoutResult } from './layout-types'
import { EDGE_LABEL_HEIGHT } from './layout-types'
import { NODE_HEIGHT, NODE_WIDTH, edgeId, labelWidth } from './node-geometry'

export const FONT = 'system-ui, -apple-system, Segoe UI, sans-serif'
export const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace'

/** During the step-through: which values and gradients have been computed so far. */
export interface Reveal {
  values: ReadonlySet<string>
  grads: ReadonlySet<string>
  current: string | null
}

export interface GraphCanvasProps {
  graph: Graph
  positions: LayoutResult
  selectedKey: string
  maxAbsGrad: number
  reveal: Reveal | null
  onSelect(key: string): void
  ref?: (el: SVGSVGElement) => void
}

const clip = (s: string, n: number): string => (s.length > n ? s.slice(0, n - 1) + '…' : s)

function hasGrad(g: CellGrad): g is Extract<CellGrad, { kind: 'number' | 'tensor' }> {
  return g.kind === 'number' || g.kind === 'tensor'
}

function NodeBox(props: { node: GraphNode; x: number; y: number; selected: boolean; current: boolean; showValue: boolean; showGrad: boolean; maxAbsGrad: number; onSelect(key: string): void }) {
  const n = () => props.node
  const tone = createMemo(() => {
    const g = n().grad
    return hasGrad(g) ? toneColours(gradTone(dominantComponent(g.value), props.maxAbsGrad)) : null
  })
  const stroke = () => (props.current ? '#ea580c' : props.selected ? '#4f46e5' : n().objective ? '#d97706' : n().param ? '#0d9488' : '#c5cad3')
  const valueText = () => (props.showValue ? formatValue(n().value) : '?')
  const gradText = () => (props.showGrad ? formatGrad(n().grad) : hasGrad(n().grad) ? '?' : '')
  const isError = () => n().value.kind === 'error'
  return (
    <g
      transform={`translate(${props.x},${props.y})`}
      data-node={n().key}
      data-label={n().label}
      data-value={exactValue(n().value as CellValue)}
      data-grad={exactGrad(n().grad)}
      data-selected={props.selected ? 'true' : undefined}
      data-current={props.current ? 'true' : undefined}
      role="button"
      tabindex={0}
      aria-label={`${n().label}: ${formatValue(n().value)}`}
      style={{ cursor: 'pointer' }}
      onClick={(e) => {
        e.stopPropagation()
        props.onSelect(n().key)
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Enter' && e.key !== ' ') return
        e.preventDefault()
        props.onSelect(n().key)
      }}
    >
      <rect width={NODE_WIDTH} height={NODE_HEIGHT} rx={n().kind === 'range' ? 2 : 8} fill={props.current ? '#fff7ed' : '#ffffff'} stroke={stroke()} stroke-width={props.selected || props.current ? 2.5 : 1.2} stroke-dasharray={n().kind === 'range' ? '5 3' : undefined} />
      <Show when={n().objective || n().param}>
        <rect width={4} height={NODE_HEIGHT - 8} x={0} y={4} fill={n().objective ? '#d97706' : '#0d9488'} />
      </Show>
      <text x={10} y={17} font-family={FONT} font-size="12.5" font-weight={700} fill="#1f2328">{clip(n().label, 18)}</text>
      <Show when={n().label !== n().address && n().kind === 'cell'}>
        <text x={NODE_WIDTH - 8} y={17} font-family={FONT} font-size="10" fill="#8a919c" text-anchor="end">{n().address}</text>
      </Show>
      <text x={10} y={32} font-family={MONO} font-size="10.5" fill="#6b7280">{clip(n().formula, 26)}</text>
      <text x={10} y={50} font-family={MONO} font-size="12" fill={isError() ? '#c0392b' : '#1f2328'} data-role="value">{clip(valueText(), 22)}</text>
      <Show when={gradText() !== ''}>
        <rect x={8} y={54} width={Math.min(NODE_WIDTH - 16, labelWidth('∂ ' + gradText()))} height={13} rx={3} fill={props.showGrad && tone() ? tone()!.background : '#f3f4f6'} />
        <text x={12} y={64} font-family={MONO} font-size="10.5" fill={props.showGrad && tone() ? tone()!.text : '#9aa0a6'} data-role="grad">{clip('∂ ' + gradText(), 24)}</text>
      </Show>
      <Show when={n().convention}>
        <g data-convention="true">
          <circle cx={NODE_WIDTH - 10} cy={NODE_HEIGHT - 10} r={6} fill="#7c3aed" />
          <text x={NODE_WIDTH - 10} y={NODE_HEIGHT - 6.5} font-family={FONT} font-size="9" font-weight={700} fill="#fff" text-anchor="middle">c</text>
          <title>A non-differentiable convention was used here (see the inspector)</title>
        </g>
      </Show>
    </g>
  )
}

function Edge(props: { edge: GraphEdge; positions: LayoutResult }) {
  const placed = () => props.positions.edges[edgeId(props.edge.from, props.edge.to)]
  const path = () => placed()!.points.map(([x, y], i) => `${i ? 'L' : 'M'}${x},${y}`).join(' ')
  return (
    <Show when={placed()}>
      <g data-edge={edgeId(props.edge.from, props.edge.to)} data-from={props.edge.from} data-to={props.edge.to} data-partial={props.edge.partial ?? props.edge.partialText}>
        <path d={path()} fill="none" stroke="#9aa3b0" stroke-width={1.3} marker-end="url(#gs-arrow)" />
        <rect x={placed()!.label.x} y={placed()!.label.y} width={labelWidth(props.edge.partialText)} height={EDGE_LABEL_HEIGHT} rx={3} fill="#f8fafc" stroke="#e2e8f0" />
        <text x={placed()!.label.x + 5} y={placed()!.label.y + 12} font-family={MONO} font-size="11" fill="#475569">{props.edge.partialText}</text>
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
    const s = Math.max(0.1, Math.min(4, scale() * factor))
    const k = s / scale()
    setPan((p) => ({ x: cx - (cx - p.x) * k, y: cy - (cy - p.y) * k }))
    setScale(s)
  }
  const fit = () => {
    if (!svg) return
    const box = svg.getBoundingClientRect()
    const w = props.positions.width || 1
    const h = props.positions.height || 1
    const s = Math.max(0.1, Math.min(1, box.width / w, box.height / h))
    setScale(s)
    setPan({ x: (box.width - w * s) / 2, y: Math.max(0, (box.height - h * s) / 2) })
  }

  // A different set of nodes (a new scope, a new neighbourhood, a cell added) is fitted
  // into view; an edit that only changes numbers keeps the user's pan and zoom.
  const nodeSet = createMemo(() => props.graph.nodes.map((n) => n.key).sort().join('\n'))
  createEffect(on([nodeSet, () => props.positions], ([, placed], previous) => {
    if (!previous || previous[0] !== nodeSet() || !previous[1] || previous[1].width !== placed.width || previous[1].height !== placed.height) requestAnimationFrame(fit)
  }))

  return (
    <div class="graph-canvas">
      <div class="graph-zoom" role="group" aria-label="Graph zoom">
        <button type="button" aria-label="Zoom graph in" onClick={() => zoomAt(1.25, 0, 0)}>+</button>
        <button type="button" aria-label="Zoom graph out" onClick={() => zoomAt(0.8, 0, 0)}>−</button>
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
        data-layout={props.positions.engine}
        data-width={props.positions.width}
        data-height={props.positions.height}
        onWheel={(e) => {
          e.preventDefault()
          const r = svg!.getBoundingClientRect()
          zoomAt(e.deltaY < 0 ? 1.1 : 1 / 1.1, e.clientX - r.left, e.clientY - r.top)
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
          <For each={props.graph.edges}>{(e) => <Edge edge={e} positions={props.positions} />}</For>
          <For each={props.graph.nodes}>
            {(n) => (
              <Show when={props.positions.nodes[n.key]}>
                <NodeBox
                  node={n}
                  x={props.positions.nodes[n.key].x}
                  y={props.positions.nodes[n.key].y}
                  selected={props.selectedKey === n.key}
                  current={props.reveal?.current === n.key}
                  showValue={!props.reveal || props.reveal.values.has(n.key) || n.kind === 'range'}
                  showGrad={!props.reveal || props.reveal.grads.has(n.key)}
                  maxAbsGrad={props.maxAbsGrad}
                  onSelect={props.onSelect}
                />
              </Show>
            )}
          </For>
        </g>
      </svg>
    </div>
  )
}

// One node of the graph as SVG: label, formula, value and ∂J/∂node in the grid's formats
// and colours; a stack (rows alike, collapse.ts) is a card with two behind it and its
// count. Colours are SVG attributes, not CSS classes, so an exported file looks the same.
// No text is smaller than MIN_TEXT_PX.
import { Show, createMemo } from 'solid-js'
import type { CellGrad, CellValue } from '../../../engine/api'
import type { GraphNode } from '../../../engine/explain/types'
import { exactGrad, exactValue, formatGrad, formatNumber, formatValue } from '../model/format'
import { dominantComponent, gradTone, toneColours } from '../model/gradient-colour'
import { gradInWords } from '../help/grad-words'
import { NODE_HEIGHT, NODE_WIDTH, STACK_OFFSET, labelWidth } from './node-geometry'

export const FONT = 'system-ui, -apple-system, Segoe UI, sans-serif'
export const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace'

const clip = (s: string, n: number): string => (s.length > n ? s.slice(0, n - 1) + '…' : s)

function hasGrad(g: CellGrad): g is Extract<CellGrad, { kind: 'number' | 'tensor' }> {
  return g.kind === 'number' || g.kind === 'tensor'
}

export interface NodeBoxProps {
  node: GraphNode
  x: number
  y: number
  selected: boolean
  current: boolean
  /** Lit by the step-through's forward pass (its value is computed). */
  lit: boolean
  showValue: boolean
  showGrad: boolean
  maxAbsGrad: number
  tabbable: boolean
  onActivate(key: string, how: 'click' | 'enter' | 'space'): void
}

export function NodeBox(props: NodeBoxProps) {
  const n = () => props.node
  const stack = () => n().kind === 'stack'
  const tone = createMemo(() => {
    const g = n().grad
    return hasGrad(g) ? toneColours(gradTone(dominantComponent(g.value), props.maxAbsGrad)) : null
  })
  const stroke = () => (props.current ? '#ea580c' : props.selected ? '#4f46e5' : n().objective ? '#d97706' : n().param ? '#0d9488' : '#c5cad3')
  /** A stack shows the span of its rows' numbers ("0 … 4.9"), not a vector's shape. */
  const span = (v: unknown): string | null => {
    if (!stack() || !Array.isArray(v) || v.length === 0 || typeof v[0] !== 'number') return null
    const xs = v as number[]
    return `${formatNumber(Math.min(...xs))} … ${formatNumber(Math.max(...xs))}`
  }
  const valueText = () => (props.showValue ? (n().value.kind === 'tensor' ? span((n().value as { value: unknown }).value) : null) ?? formatValue(n().value) : '?')
  const gradText = () => (props.showGrad ? (n().grad.kind === 'tensor' ? span((n().grad as { value: unknown }).value) : null) ?? formatGrad(n().grad) : hasGrad(n().grad) ? '?' : '')
  const isError = () => n().value.kind === 'error'
  const count = () => n().members?.length ?? 0
  const subtitle = () => (stack() ? `${n().address}: ${n().formula}` : n().formula)
  const gradWords = () => (props.showGrad ? gradInWords(n().label, n().grad) : 'Not computed yet: the backward pass has not reached this node.')
  const card = (dx: number) => (
    <rect x={dx} y={dx} width={NODE_WIDTH} height={NODE_HEIGHT} rx={8} fill="#ffffff" stroke="#c5cad3" stroke-width={1.2} />
  )
  return (
    <g
      transform={`translate(${props.x},${props.y})`}
      data-node={n().key}
      data-kind={n().kind}
      data-label={n().label}
      data-count={stack() ? count() : undefined}
      data-value={exactValue(n().value as CellValue)}
      data-grad={exactGrad(n().grad)}
      data-selected={props.selected ? 'true' : undefined}
      data-current={props.current ? 'true' : undefined}
      data-lit={props.lit ? 'true' : undefined}
      role="button"
      tabindex={props.tabbable ? 0 : -1}
      aria-label={stack() ? `${n().label}: ${count()} rows ${n().address}, click to expand` : `${n().label}: ${formatValue(n().value)}`}
      style={{ cursor: 'pointer' }}
      onClick={(e) => {
        e.stopPropagation()
        props.onActivate(n().key, 'click')
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Enter' && e.key !== ' ') return
        e.preventDefault()
        props.onActivate(n().key, e.key === 'Enter' ? 'enter' : 'space')
      }}
    >
      <Show when={stack()}>
        {card(2 * STACK_OFFSET)}
        {card(STACK_OFFSET)}
      </Show>
      <rect width={NODE_WIDTH} height={NODE_HEIGHT} rx={n().kind === 'range' ? 2 : 8} fill={props.current ? '#fff7ed' : props.lit ? '#f0fdf4' : '#ffffff'} stroke={stroke()} stroke-width={props.selected || props.current ? 2.5 : 1.2} stroke-dasharray={n().kind === 'range' ? '5 3' : undefined} />
      <Show when={n().objective || n().param}>
        <rect width={4} height={NODE_HEIGHT - 8} x={0} y={4} fill={n().objective ? '#d97706' : '#0d9488'} />
      </Show>
      <text x={10} y={18} font-family={FONT} font-size="13" font-weight={700} fill="#1f2328">{clip(n().label, stack() ? 15 : 17)}</text>
      <Show when={stack()}>
        <text x={NODE_WIDTH - 8} y={18} font-family={FONT} font-size="12" font-weight={700} fill="#4f46e5" text-anchor="end" data-role="count">×{count()}</text>
      </Show>
      <Show when={!stack() && n().label !== n().address && n().kind === 'cell'}>
        <text x={NODE_WIDTH - 8} y={18} font-family={FONT} font-size="11" fill="#6b7280" text-anchor="end">{n().address}</text>
      </Show>
      <text x={10} y={35} font-family={MONO} font-size="11" fill="#4b5563">{clip(subtitle(), 25)}</text>
      <text x={10} y={53} font-family={MONO} font-size="12" fill={isError() ? '#c0392b' : '#1f2328'} data-role="value">{clip(valueText(), 23)}</text>
      <Show when={gradText() !== ''}>
        <g data-role="grad-chip">
          <rect x={8} y={58} width={Math.min(NODE_WIDTH - 16, labelWidth('∂ ' + gradText()))} height={15} rx={3} fill={props.showGrad && tone() ? tone()!.background : '#f3f4f6'} />
          <text x={12} y={69.5} font-family={MONO} font-size="11" fill={props.showGrad && tone() ? tone()!.text : '#6b7280'} data-role="grad">{clip('∂ ' + gradText(), 24)}</text>
          <title>{gradWords() ?? ''}</title>
        </g>
      </Show>
      <Show when={n().convention}>
        <g data-convention="true">
          <circle cx={NODE_WIDTH - 11} cy={NODE_HEIGHT - 11} r={7.5} fill="#7c3aed" />
          <text x={NODE_WIDTH - 11} y={NODE_HEIGHT - 7} font-family={FONT} font-size="11" font-weight={700} fill="#fff" text-anchor="middle">c</text>
          <title>A non-differentiable convention was used here (see the inspector)</title>
        </g>
      </Show>
    </g>
  )
}

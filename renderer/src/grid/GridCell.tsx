// One grid cell: its value and, beneath it, ∂J/∂cell coloured by sign and size. Carries
// the SPEC §7 test hooks (data-cell, data-sheet, data-value, data-grad, data-error).
import { Show, createMemo } from 'solid-js'
import type { CellView } from '../../../engine/api'
import { exactGrad, exactValue, formatGrad, formatValue } from '../model/format'
import { dominantComponent, gradTone, toneColours } from '../model/gradient-colour'
import { gradInWords } from '../help/grad-words'

export interface GridCellProps {
  sheet: string
  address: string
  view: CellView | undefined
  left: number
  width: number
  selected: boolean
  /** The active cell of the selection (drawn without the block's tint). */
  active?: boolean
  isObjective: boolean
  /** A non-differentiable convention was used here at the current point (graph/convention-badges.ts). */
  convention?: boolean
  showGradients: boolean
  maxAbsGrad: number
  /** Width a label may spill into over empty cells to its right (≥ width), as in Excel. */
  spillWidth: number
}

export function GridCell(props: GridCellProps) {
  const value = () => props.view?.value
  const grad = () => props.view?.grad
  const error = () => {
    const v = value()
    return v?.kind === 'error' ? v.error : undefined
  }
  const tone = createMemo(() => {
    const g = grad()
    if (!g || (g.kind !== 'number' && g.kind !== 'tensor')) return null
    return toneColours(gradTone(dominantComponent(g.value), props.maxAbsGrad))
  })
  const zeroGrad = () => {
    const g = grad()
    return g?.kind === 'number' ? g.value === 0 : g?.kind === 'tensor' ? dominantComponent(g.value) === 0 : false
  }
  const title = () => {
    const view = props.view
    if (!view) return undefined
    const err = error()
    if (err) return `${err.code} ${err.message}`
    const parts: string[] = []
    if (view.name) parts.push(view.name)
    const v = exactValue(view.value)
    if (v !== undefined) parts.push(`value ${v}`)
    const g = view.grad
    if (g.kind === 'number' || g.kind === 'tensor') parts.push(`∂J/∂cell ${exactGrad(g)}`)
    else if (g.kind === 'error') parts.push(`∂J/∂cell ${g.error.code} ${g.error.message}`)
    return parts.join(' · ') || undefined
  }
  const numeric = () => {
    const k = value()?.kind
    return k === 'number' || k === 'tensor'
  }

  const spills = () => value()?.kind === 'text' && props.spillWidth > props.width

  return (
    <div
      class="cell"
      role="gridcell"
      aria-selected={props.selected}
      classList={{
        selected: props.selected,
        active: !!props.active,
        objective: props.isObjective,
        param: !!props.view?.param,
        error: !!error(),
        numeric: numeric(),
        spill: spills(),
        'zero-grad': zeroGrad(),
      }}
      style={{ left: `${props.left}px`, width: `${props.width}px` }}
      data-cell={props.address}
      data-sheet={props.sheet}
      data-value={value() ? exactValue(value()!) : undefined}
      data-grad={grad() ? exactGrad(grad()!) : undefined}
      data-error={error()?.code}
      title={title()}
    >
      <Show when={props.view}>
        <Show when={spills()} fallback={<div class="cell-value">{value() ? formatValue(value()!) : ''}</div>}>
          <div class="cell-spill" style={{ width: `${props.spillWidth - 1}px` }}>{formatValue(value()!)}</div>
        </Show>
        <Show when={props.showGradients && grad() && formatGrad(grad()!) !== ''}>
          <div
            class="cell-grad"
            title={gradInWords(props.view!.name ?? props.address, grad()!) ?? undefined /* graph branch (issue 13): the chip in words */}
            style={tone() ? { color: tone()!.text, 'background-color': tone()!.background } : undefined}
          >
            <span class="grad-mark">∂</span>
            {formatGrad(grad()!)}
          </div>
        </Show>
        <Show when={props.isObjective || props.view?.param || props.view?.name || props.convention}>
          <div class="cell-tags">
            <Show when={props.isObjective}>
              <span class="badge badge-objective" title="Objective J">J</span>
            </Show>
            <Show when={props.view?.param}>
              <span class="badge badge-param" title="Trainable parameter">θ</span>
            </Show>
            <Show when={props.convention}>
              <span class="badge badge-convention" data-convention-badge title="A non-differentiable convention was used here (abs at 0, a max tie, a branch…): see the graph inspector">c</span>
            </Show>
            <Show when={props.view?.name}>
              <span class="cell-name">{props.view!.name}</span>
            </Show>
          </div>
        </Show>
      </Show>
    </div>
  )
}

// The selection drawn as one rectangle over the cells (not a border per cell), with the
// fill handle on its bottom-right corner and, while the handle is dragged, the dashed
// outline of the block the fill will cover; while a formula is typed, the blocks its
// references name, each outlined in its colour. Positions come from the grid's geometry.
import { For, Show } from 'solid-js'
import { REFERENCE_COLOURS } from '../model/reference-colours'
import type { Rect } from '../model/selection'

export interface OverlayGeometry {
  /** Top of a row / left of a column, in the drawing layer's px (may be off screen). */
  rowTop(row: number): number
  colLeft(col: number): number
  headerH: number
  headerW: number
  viewport: { width: number; height: number }
}

interface Box {
  top: number
  left: number
  width: number
  height: number
}

/**
 * The rectangle's box in the clipping layer (whose origin is the first body cell's corner),
 * cut a little beyond the visible area so a huge selection stays cheap to draw and its
 * off-screen edges stay hidden.
 */
function boxOf(r: Rect, g: OverlayGeometry): Box {
  const pad = 4
  const top = Math.max(-pad, g.rowTop(r.top) - g.headerH)
  const left = Math.max(-pad, g.colLeft(r.left) - g.headerW)
  const bottom = Math.min(g.viewport.height + pad, g.rowTop(r.bottom + 1) - g.headerH)
  const right = Math.min(g.viewport.width + pad, g.colLeft(r.right + 1) - g.headerW)
  return { top, left, width: Math.max(0, right - left), height: Math.max(0, bottom - top) }
}

export function SelectionOverlay(props: {
  rect: Rect
  preview: Rect | null
  /** The copied or cut block, outlined with a dashed line. */
  clipboard: Rect | null
  geometry: OverlayGeometry
  editing: boolean
  /** The references of the formula being typed that name cells of this sheet (model/reference-colours.ts). */
  references: { rect: Rect; colour: number; label: string }[]
  onFillHandleDown: (e: MouseEvent) => void
}) {
  const box = () => boxOf(props.rect, props.geometry)
  const visible = (b: Box) => b.width > 0 && b.height > 0
  const handleShown = () => {
    const g = props.geometry
    const bottom = g.rowTop(props.rect.bottom + 1)
    const right = g.colLeft(props.rect.right + 1)
    return !props.editing && bottom > g.headerH && right > g.headerW && bottom <= g.viewport.height && right <= g.viewport.width
  }
  const style = (b: Box) => ({ top: `${b.top}px`, left: `${b.left}px`, width: `${b.width}px`, height: `${b.height}px` })
  const g = () => props.geometry
  return (
    <div
      class="selection-layer"
      style={{ top: `${g().headerH}px`, left: `${g().headerW}px`, width: `${Math.max(0, g().viewport.width - g().headerW)}px`, height: `${Math.max(0, g().viewport.height - g().headerH)}px` }}
    >
      <Show when={visible(box())}>
        <div class="selection-rect" data-selection-rect style={style(box())} />
      </Show>
      <Show when={props.clipboard}>
        {(c) => <div class="clipboard-rect" data-clipboard-rect style={style(boxOf(c(), props.geometry))} />}
      </Show>
      <Show when={props.preview}>
        {(p) => <div class="fill-preview" style={style(boxOf(p(), props.geometry))} />}
      </Show>
      <For each={props.references}>
        {(r) => (
          <div
            class="ref-outline"
            data-ref-outline={r.label}
            data-ref-colour={r.colour}
            style={{ ...style(boxOf(r.rect, props.geometry)), 'border-color': REFERENCE_COLOURS[r.colour], background: `${REFERENCE_COLOURS[r.colour]}14` }}
          />
        )}
      </For>
      <Show when={handleShown()}>
        <div
          class="fill-handle"
          data-fill-handle
          title="Drag down, up, right or left to fill"
          style={{ top: `${g().rowTop(props.rect.bottom + 1) - g().headerH - 5}px`, left: `${g().colLeft(props.rect.right + 1) - g().headerW - 5}px` }}
          onMouseDown={(e) => props.onFillHandleDown(e)}
        />
      </Show>
    </div>
  )
}

// The handle between the grid and the docked graph: drag it, or focus it and use the arrow
// keys, to share the width (docked right) or the height (docked below). The grid keeps at
// least MIN_GRID px, the panel MIN_PANEL px.
import type { GraphController } from './graph-controller'

const MIN_PANEL = 320
const MIN_GRID = 240
const KEY_STEP = 40
const MIN_PANEL_HEIGHT = 220
const MIN_GRID_HEIGHT = 120

export function Splitter(props: { graph: GraphController }) {
  let handle!: HTMLDivElement
  const below = () => props.graph.dock() === 'bottom'
  const area = () => handle.parentElement!.getBoundingClientRect()
  const panelSize = () => {
    const box = (handle.nextElementSibling as HTMLElement | null)?.getBoundingClientRect()
    return below() ? props.graph.height() ?? box?.height ?? MIN_PANEL_HEIGHT : props.graph.width() ?? box?.width ?? MIN_PANEL
  }
  const setSize = (px: number) => {
    if (below()) props.graph.setHeight(Math.round(Math.max(MIN_PANEL_HEIGHT, Math.min(area().height - MIN_GRID_HEIGHT, px))))
    else props.graph.setWidth(Math.round(Math.max(MIN_PANEL, Math.min(area().width - MIN_GRID, px))))
  }
  return (
    <div
      ref={handle}
      class="graph-splitter"
      classList={{ horizontal: below() }}
      role="separator"
      aria-orientation={below() ? 'horizontal' : 'vertical'}
      aria-label="Resize the graph panel"
      aria-valuenow={Math.round((below() ? props.graph.height() : props.graph.width()) ?? 0) || undefined}
      tabindex={0}
      onPointerDown={(e) => {
        e.preventDefault()
        handle.setPointerCapture(e.pointerId)
        const move = (ev: PointerEvent) => setSize(below() ? area().bottom - ev.clientY : area().right - ev.clientX)
        const up = () => {
          handle.removeEventListener('pointermove', move)
          handle.removeEventListener('pointerup', up)
        }
        handle.addEventListener('pointermove', move)
        handle.addEventListener('pointerup', up)
      }}
      onKeyDown={(e) => {
        const grow = below() ? 'ArrowUp' : 'ArrowLeft'
        const shrink = below() ? 'ArrowDown' : 'ArrowRight'
        if (e.key === grow) setSize(panelSize() + KEY_STEP)
        else if (e.key === shrink) setSize(panelSize() - KEY_STEP)
        else return
        e.preventDefault()
      }}
    />
  )
}

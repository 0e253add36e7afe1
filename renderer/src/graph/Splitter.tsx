// The handle between the grid and the docked graph: drag it, or focus it and use the arrow
// keys, to share the width. The grid keeps at least MIN_GRID px, the panel MIN_PANEL px.
import type { GraphController } from './graph-controller'

const MIN_PANEL = 320
const MIN_GRID = 240
const KEY_STEP = 40

export function Splitter(props: { graph: GraphController }) {
  let handle!: HTMLDivElement
  const area = () => handle.parentElement!.getBoundingClientRect()
  const panelWidth = () => props.graph.width() ?? (handle.nextElementSibling as HTMLElement | null)?.getBoundingClientRect().width ?? MIN_PANEL
  const setWidth = (w: number) => props.graph.setWidth(Math.round(Math.max(MIN_PANEL, Math.min(area().width - MIN_GRID, w))))
  return (
    <div
      ref={handle}
      class="graph-splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the graph panel"
      aria-valuenow={Math.round(props.graph.width() ?? 0) || undefined}
      tabindex={0}
      onPointerDown={(e) => {
        e.preventDefault()
        handle.setPointerCapture(e.pointerId)
        const move = (ev: PointerEvent) => setWidth(area().right - ev.clientX)
        const up = () => {
          handle.removeEventListener('pointermove', move)
          handle.removeEventListener('pointerup', up)
        }
        handle.addEventListener('pointermove', move)
        handle.addEventListener('pointerup', up)
      }}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft') setWidth(panelWidth() + KEY_STEP)
        else if (e.key === 'ArrowRight') setWidth(panelWidth() - KEY_STEP)
        else return
        e.preventDefault()
      }}
    />
  )
}

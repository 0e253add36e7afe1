// The grid's context menu: where it opens (at the pointer for a right-click, beside the
// active cell for Shift+F10 and the menu key), which menu (cells, rows or columns:
// grid-menus.ts), the selection a right-click makes first (grid-pointer.ts), and the menu
// itself drawn above everything in a portal, giving the keyboard back to the grid on close.
import { createSignal } from 'solid-js'
import { Portal } from 'solid-js/web'
import type { Commands } from '../app/commands'
import type { SheetView } from '../app/sheet-view'
import { ContextMenu } from '../components/ContextMenu'
import { focusGrid } from './grid-focus'
import { gridMenu, type MenuTarget } from './grid-menus'
import { cellFromEvent, type createGridPointer } from './grid-pointer'
import type { GridViewport } from './grid-viewport'

export interface MenuRequest {
  x: number
  y: number
  target: MenuTarget
}

export function createGridContextMenu(view: SheetView, commands: Commands, pointer: ReturnType<typeof createGridPointer>, viewport: GridViewport, scroller: () => HTMLElement) {
  const [menu, setMenu] = createSignal<MenuRequest | null>(null)

  function open(target: MenuTarget, x?: number, y?: number): void {
    if (x === undefined || y === undefined) {
      // From the keyboard: beside the active cell.
      const box = scroller().getBoundingClientRect()
      const { row, col } = view.selection()
      x = box.left + viewport.colLeft(col) + viewport.colW(col) / 2
      y = box.top + viewport.rowTop(row) + viewport.rowH() / 2
    }
    setMenu({ x, y, target })
  }

  function onContextMenu(e: MouseEvent): void {
    const el = e.target as HTMLElement
    const header = el.closest<HTMLElement>('[data-col-header],[data-row-header]')
    e.preventDefault()
    if (view.editing()) commands.commitEdit(null)
    if (header?.dataset.colHeader !== undefined) {
      pointer.selectColumnForMenu(Number(header.dataset.colHeader))
      return open('columns', e.clientX, e.clientY)
    }
    if (header?.dataset.rowHeader !== undefined) {
      pointer.selectRowForMenu(Number(header.dataset.rowHeader))
      return open('rows', e.clientX, e.clientY)
    }
    const pos = cellFromEvent(e)
    if (!pos) return
    pointer.selectForMenu(pos)
    open('cell', e.clientX, e.clientY)
  }

  return { menu, close: () => setMenu(null), open, onContextMenu }
}

export function GridContextMenu(props: { request: MenuRequest; view: SheetView; commands: Commands; onExplain?: () => void; onClose: () => void }) {
  return (
    <Portal>
      <ContextMenu
        x={props.request.x}
        y={props.request.y}
        label={props.request.target === 'cell' ? 'Cell' : props.request.target === 'rows' ? 'Rows' : 'Columns'}
        items={gridMenu(props.request.target, props.view, props.commands, props.onExplain)}
        onClose={() => {
          props.onClose()
          focusGrid()
        }}
      />
    </Portal>
  )
}

// The mouse on the grid, beyond a plain click: drag to select a block, Shift+click to
// extend, header clicks and drags for whole rows and columns, the fill handle, and
// column resizing by the header border (double-click: autofit). Each gesture follows the
// pointer on the window until the button is released, reading the cell under it.
import { createSignal } from 'solid-js'
import type { Commands } from '../app/commands'
import type { SheetView } from '../app/sheet-view'
import { parseAddress, type CellPos } from '../model/address'
import { fillHandlePlan, type FillPlan } from '../model/fill'
import { extendTo, isWholeColumns, isWholeRows, selectColumns, selectRows, single } from '../model/selection'

/** What the grid needs to map a pointer to a cell when it is not over a cell element (headers, edges). */
export interface PointerGeometry {
  rowAt(clientY: number): number
  colAt(clientX: number): number
  /** A drag past the grid's edge scrolls it a step that way. */
  edgeScroll(clientX: number, clientY: number): void
}

/** The cell whose element an event happened on (null: a header, the corner, a gap). */
export function cellFromEvent(e: MouseEvent): CellPos | null {
  const el = (e.target as HTMLElement).closest<HTMLElement>('[data-cell]')
  return el ? parseAddress(el.dataset.cell ?? '') : null
}

export function createGridPointer(view: SheetView, commands: Commands, geometry: PointerGeometry) {
  /** The fill handle's preview while it is dragged. */
  const [fillPreview, setFillPreview] = createSignal<FillPlan | null>(null)
  /** A column being resized: its index and live width (zoom 1). */
  const [resizing, setResizing] = createSignal<{ col: number; width: number } | null>(null)

  function cellUnder(e: MouseEvent): CellPos {
    const el = document.elementFromPoint(e.clientX, e.clientY)?.closest<HTMLElement>('[data-cell]')
    const p = el ? parseAddress(el.dataset.cell ?? '') : null
    return p ?? { col: geometry.colAt(e.clientX), row: geometry.rowAt(e.clientY) }
  }

  /** Follows the pointer until release. */
  function track(onMove: (e: MouseEvent) => void, onUp: (e: MouseEvent) => void = () => undefined): void {
    const move = (e: MouseEvent) => onMove(e)
    const up = (e: MouseEvent) => {
      window.removeEventListener('mousemove', move)
      window.removeEventListener('mouseup', up)
      onUp(e)
    }
    window.addEventListener('mousemove', move)
    window.addEventListener('mouseup', up)
  }

  /** Mouse down on a cell: select it (Shift: extend), then a drag extends the block. */
  function cellDown(pos: CellPos, e: MouseEvent): void {
    if (e.shiftKey) view.setRange(extendTo(view.range(), pos))
    else view.select(pos)
    track((m) => {
      geometry.edgeScroll(m.clientX, m.clientY)
      const at = cellUnder(m)
      const sel = view.range()
      if (at.col !== sel.corner.col || at.row !== sel.corner.row) view.setRange(extendTo(sel, at))
    })
  }

  /** Mouse down on a column header (Shift: extend); a drag over headers adds columns. */
  function columnHeaderDown(col: number, e: MouseEvent): void {
    // Header gestures never scroll (the whole column is in view already).
    view.setRange(selectColumns(view.range(), col, e.shiftKey), null)
    track((m) => view.setRange(selectColumns(view.range(), geometry.colAt(m.clientX), true), null))
  }

  function rowHeaderDown(row: number, e: MouseEvent): void {
    view.setRange(selectRows(view.range(), row, e.shiftKey), null)
    track((m) => view.setRange(selectRows(view.range(), geometry.rowAt(m.clientY), true), null))
  }

  /** The fill handle: drag down, up, right or left, release to fill. */
  function fillHandleDown(e: MouseEvent): void {
    e.preventDefault()
    e.stopPropagation()
    track(
      (m) => {
        geometry.edgeScroll(m.clientX, m.clientY)
        setFillPreview(fillHandlePlan(view.rect(), cellUnder(m)))
      },
      (u) => {
        setFillPreview(null)
        commands.block.fillHandle(cellUnder(u))
      },
    )
  }

  /** The border at a column header's right edge: drag to resize. `width` is the column's width at zoom 1. */
  function resizeDown(col: number, width: number, e: MouseEvent): void {
    e.preventDefault()
    e.stopPropagation()
    const startX = e.clientX
    const zoom = view.zoom()
    setResizing({ col, width })
    track(
      (m) => setResizing({ col, width: Math.max(24, width + (m.clientX - startX) / zoom) }),
      (u) => {
        setResizing(null)
        if (u.clientX !== startX) commands.block.setColumnWidth(col, width + (u.clientX - startX) / zoom)
      },
    )
  }

  /** Right-click: a cell outside the selection becomes the selection first, as in Excel. */
  function selectForMenu(pos: CellPos): void {
    const r = view.rect()
    if (pos.row < r.top || pos.row > r.bottom || pos.col < r.left || pos.col > r.right) view.setRange(single(pos), pos)
  }

  /** Right-click on a header: its whole column (row) becomes the selection unless it is already in it. */
  function selectColumnForMenu(col: number): void {
    const r = view.rect()
    if (!(isWholeColumns(r) && col >= r.left && col <= r.right)) view.setRange(selectColumns(view.range(), col, false), null)
  }
  function selectRowForMenu(row: number): void {
    const r = view.rect()
    if (!(isWholeRows(r) && row >= r.top && row <= r.bottom)) view.setRange(selectRows(view.range(), row, false), null)
  }

  return { selectColumnForMenu, selectRowForMenu, cellDown, columnHeaderDown, rowHeaderDown, fillHandleDown, resizeDown, selectForMenu, fillPreview, resizing }
}

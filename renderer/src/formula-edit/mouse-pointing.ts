// Point mode with the mouse: while a formula is typed and its caret accepts a reference,
// a press on a cell points at it (Shift: extends the pointed reference), a drag extends
// it to a range, a double-click does not start editing the cell; a press on a sheet tab
// shows that sheet and keeps the edit; a drag past the grid's edge scrolls it, as the
// selection drag does (the grid lends its geometry, setGridGeometry). Listened to in the capture phase, so the grid and
// the tabs never see these presses (they would commit the edit and select the cell).
import { onCleanup } from 'solid-js'
import { parseAddress, type CellPos } from '../model/address'

export interface PointingTarget {
  /** Whether a press on a cell now points (the caret accepts a reference). */
  pointsNow(): boolean
  pointCell(pos: CellPos, extend: boolean): void
  /** The moving corner of the reference pointed last, or null. */
  pointedCorner(): CellPos | null
  /** A formula is being typed (a tab press then switches sheets instead of leaving the edit). */
  editingFormula(): boolean
  showSheet(sheet: string): void
  /** The grid's pointer geometry while a grid is shown (edge scrolling, the cell under a point off the cells). */
  grid(): GridGeometry | null
}

/** What the grid lends point mode to follow a drag past its edge (grid/grid-pointer.ts PointerGeometry). */
export interface GridGeometry {
  rowAt(clientY: number): number
  colAt(clientX: number): number
  edgeScroll(clientX: number, clientY: number): void
}

export function installMousePointing(target: PointingTarget): void {
  let dragging = false
  let swallowClick = false
  /** The last press on a cell pointed: its double-click must not start editing that cell. */
  let lastPressPointed = false

  function onMouseDown(e: MouseEvent): void {
    if (e.button !== 0 || !(e.target instanceof Element)) return
    const tab = e.target.closest<HTMLElement>('[data-sheet-tab]')
    if (tab && target.editingFormula()) {
      e.preventDefault()
      e.stopPropagation()
      swallowClick = true
      if (tab.dataset.sheetTab) target.showSheet(tab.dataset.sheetTab)
      return
    }
    const cell = e.target.closest<HTMLElement>('#grid [data-cell]')
    lastPressPointed = false
    if (!cell || !target.pointsNow()) return
    const pos = parseAddress(cell.dataset.cell ?? '')
    if (!pos) return
    e.preventDefault()
    e.stopPropagation()
    target.pointCell(pos, e.shiftKey)
    dragging = true
    lastPressPointed = true
  }

  function onDoubleClick(e: MouseEvent): void {
    if (!lastPressPointed) return
    e.preventDefault()
    e.stopPropagation()
  }

  function onMouseMove(e: MouseEvent): void {
    const corner = target.pointedCorner()
    if (!dragging || !corner) return
    if ((e.buttons & 1) === 0) return void (dragging = false)
    const grid = target.grid()
    grid?.edgeScroll(e.clientX, e.clientY)
    const el = document.elementFromPoint(e.clientX, e.clientY)?.closest<HTMLElement>('#grid [data-cell]')
    const pos = el ? parseAddress(el.dataset.cell ?? '') : grid ? { col: grid.colAt(e.clientX), row: grid.rowAt(e.clientY) } : null
    if (pos && (pos.col !== corner.col || pos.row !== corner.row)) target.pointCell(pos, true)
  }

  function onMouseUp(): void {
    dragging = false
  }

  function onClick(e: MouseEvent): void {
    if (!swallowClick) return
    swallowClick = false
    e.preventDefault()
    e.stopPropagation()
  }

  const listeners: [string, (e: MouseEvent) => void][] = [
    ['mousedown', onMouseDown], ['mousemove', onMouseMove], ['mouseup', onMouseUp], ['click', onClick], ['dblclick', onDoubleClick],
  ]
  for (const [type, fn] of listeners) window.addEventListener(type, fn as EventListener, true)
  onCleanup(() => {
    for (const [type, fn] of listeners) window.removeEventListener(type, fn as EventListener, true)
  })
}

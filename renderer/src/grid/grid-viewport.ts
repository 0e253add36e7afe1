// What part of the sheet the grid shows and where it draws it: the viewport's size, the
// scroll position mapped onto the capped scroll space (model/scroll-map.ts), the rows
// (grid/uniform-rows.ts) and the columns (TanStack Virtual: their widths differ) to
// draw, how far the scrollbars reach, the wheel over a mapped space, bringing a cell into
// view, and the screen position of any row, column or pointer. Grid.tsx draws from it;
// the pointer gestures and point mode read cells under the mouse through it.
import { createEffect, createMemo, createSignal, on, onCleanup, onMount } from 'solid-js'
import { createVirtualizer, elementScroll } from '@tanstack/solid-virtual'
import type { Commands } from '../app/commands'
import type { SheetView } from '../app/sheet-view'
import { COLUMN_COUNT, ROW_COUNT, type CellPos } from '../model/address'
import { createColumnLayout } from '../model/column-layout'
import { scrollCount } from '../model/navigation'
import { createScrollMap } from '../model/scroll-map'
import type { WorkbookStore } from '../state/workbook-store'
import type { PointerGeometry } from './grid-pointer'
import { COLUMN_HEADER_HEIGHT, COLUMN_WIDTH, ROW_HEADER_WIDTH, ROW_HEIGHT } from './metrics'
import { scrollToShow, wheelScroll } from './scroll-steps'
import { createUniformRows } from './uniform-rows'

/** Rows drawn beyond each edge of the viewport. */
const ROW_OVERSCAN = 3

export type GridViewport = ReturnType<typeof createGridViewport>

/** Call while the grid component is set up; `scroller` is its scroll element (set by ref before mount). */
export function createGridViewport(store: WorkbookStore, view: SheetView, commands: Commands, scroller: () => HTMLDivElement) {
  const [viewport, setViewport] = createSignal({ width: 1000, height: 600 })
  const [scroll, setScroll] = createSignal({ top: 0, left: 0 })

  const rowH = () => ROW_HEIGHT * view.zoom()
  // Columns may have their own widths (the sheet's `columns` field); rows are uniform.
  const layout = createMemo(() => createColumnLayout(commands.block.widthsOf(view.activeSheet()), COLUMN_WIDTH, view.zoom()))
  /** A column's drawn width (no argument: the default width, for code that predates custom widths). */
  const colW = (col?: number) => (col === undefined ? COLUMN_WIDTH * view.zoom() : layout().widthOf(col))
  const headerH = () => COLUMN_HEADER_HEIGHT * view.zoom()
  const headerW = () => ROW_HEADER_WIDTH * view.zoom()
  const bodyH = () => Math.max(0, viewport().height - headerH())
  const bodyW = () => Math.max(0, viewport().width - headerW())
  // The scrollbars span the used range, the farthest the user has gone and a margin
  // (model/navigation.ts scrollCount), growing as the user moves on.
  const [reach, setReach] = createSignal({ rows: 0, cols: 0 })
  const rowCount = createMemo(() => {
    // The farthest cell asked to be shown: a whole-column selection reaches the last row
    // only nominally (header clicks reveal nothing), so it does not stretch the scrollbar.
    view.revealRequest()
    const far = Math.max(view.selection().row, view.revealTarget().row, reach().rows)
    return scrollCount(store.usedExtent(view.activeSheet()).rows, far, Math.max(50, Math.ceil(bodyH() / rowH())), ROW_COUNT)
  })
  const colCount = createMemo(() => {
    view.revealRequest()
    const far = Math.max(view.selection().col, view.revealTarget().col, reach().cols)
    return scrollCount(store.usedExtent(view.activeSheet()).cols, far, Math.max(10, Math.ceil(bodyW() / (COLUMN_WIDTH * view.zoom()))), COLUMN_COUNT)
  })
  const rowMap = createMemo(() => createScrollMap(rowCount() * rowH(), bodyH()))
  const colMap = createMemo(() => createScrollMap(layout().offsetOf(colCount()), bodyW()))
  // Memos: a vertical scroll must not wake every cell's horizontal position (and the reverse);
  // as plain functions every cell's style re-ran on every scroll event (bench/ui/frame-profile.ts).
  const top = createMemo(() => rowMap().toVirtual(scroll().top))
  const left = createMemo(() => colMap().toVirtual(scroll().left))

  // The virtualizers read the virtual offsets from here rather than from the element, so
  // a change of mapping (zoom, resize) updates them even when scrollTop stays the same.
  type OffsetListener = (offset: number, isScrolling: boolean) => void
  let colOffsetListener: OffsetListener | null = null

  // Rows have one height: their window is arithmetic (grid/uniform-rows.ts), not a virtualizer.
  const rowWindow = createUniformRows()
  const rowItems = createMemo(() => rowWindow(rowCount(), rowH(), top(), bodyH(), ROW_OVERSCAN))
  const cols = createVirtualizer({
    get count() { return colCount() },
    horizontal: true,
    getScrollElement: scroller,
    estimateSize: (i) => colW(i),
    overscan: 2,
    observeElementOffset: (_inst, cb) => {
      colOffsetListener = cb
      cb(left(), false)
      return () => { colOffsetListener = null }
    },
    scrollToFn: (off, opts, inst) => elementScroll(colMap().toPhysical(off), opts, inst),
  })

  createEffect(on(view.zoom, () => {
    cols.measure()
    // Keep the selected cell in view at the new size.
    reveal()
  }, { defer: true }))
  createEffect(on(layout, () => cols.measure(), { defer: true }))
  createEffect(() => colOffsetListener?.(left(), false))

  onMount(() => {
    const element = scroller()
    const resize = new ResizeObserver(() => setViewport({ width: element.clientWidth, height: element.clientHeight }))
    resize.observe(element)
    const wheel = (e: WheelEvent) => {
      const step = wheelScroll(e, rowH(), bodyH(), rowMap().scale, colMap().scale)
      if (!step) return
      e.preventDefault()
      element.scrollTop += step.top
      element.scrollLeft += step.left
    }
    element.addEventListener('wheel', wheel, { passive: false })
    onCleanup(() => {
      resize.disconnect()
      element.removeEventListener('wheel', wheel)
    })
  })

  // Bring the selected cell into view whenever a command asks for it.
  createEffect(on(view.revealRequest, () => reveal(), { defer: true }))

  function reveal(target: CellPos = view.revealTarget()): void {
    const element = scroller()
    const { row, col } = target
    const toTop = scrollToShow(row * rowH(), rowH(), top(), bodyH(), rowMap())
    if (toTop !== null) element.scrollTop = toTop
    const toLeft = scrollToShow(layout().offsetOf(col), colW(col), left(), bodyW(), colMap())
    if (toLeft !== null) element.scrollLeft = toLeft
    syncScroll()
  }

  /** The scroll element moved (a scroll event, or reveal): the drawn window follows. */
  function syncScroll(): void {
    setScroll({ top: scroller().scrollTop, left: scroller().scrollLeft })
  }

  createEffect(() => {
    const r = rowItems()
    const c = cols.getVirtualItems()
    if (r.length > 0 && c.length > 0) view.setVisible([r[0].index, r[r.length - 1].index], [c[0].index, c[c.length - 1].index])
    // Scrolled to the end of the scroll space: let it grow.
    if (r.length > 0 && c.length > 0) {
      const next = { rows: r[r.length - 1].index, cols: c[c.length - 1].index }
      if (next.rows > reach().rows || next.cols > reach().cols) setReach({ rows: Math.max(next.rows, reach().rows), cols: Math.max(next.cols, reach().cols) })
    }
  })

  /** Top of a row / left of a column in the drawing layer's px (headers included; may be off screen). */
  const rowTop = (row: number) => headerH() + row * rowH() - top()
  const colLeft = (col: number) => headerW() + layout().offsetOf(col) - left()

  /** The cell under a pointer anywhere over the grid, and a step of scrolling when a drag passes its edge. */
  const pointerGeometry: PointerGeometry = {
    rowAt: (y) => Math.max(0, Math.min(ROW_COUNT - 1, Math.floor((y - scroller().getBoundingClientRect().top - headerH() + top()) / rowH()))),
    colAt: (x) => layout().colAt(x - scroller().getBoundingClientRect().left - headerW() + left()),
    edgeScroll: (x, y) => {
      const element = scroller()
      const box = element.getBoundingClientRect()
      if (y > box.bottom - 8) element.scrollTop += Math.ceil(rowH() / rowMap().scale)
      else if (y < box.top + headerH()) element.scrollTop -= Math.ceil(rowH() / rowMap().scale)
      if (x > box.right - 8) element.scrollLeft += Math.ceil(colW(0) / colMap().scale)
      else if (x < box.left + headerW()) element.scrollLeft -= Math.ceil(colW(0) / colMap().scale)
    },
  }

  return {
    viewport,
    syncScroll,
    reveal,
    layout,
    rowH,
    colW,
    headerH,
    headerW,
    top,
    left,
    rowMap,
    colMap,
    rowItems,
    colItems: () => cols.getVirtualItems(),
    /** How many row elements the body keeps: the most rows ever drawn at once at this height. */
    rowSlots: () => Math.ceil(bodyH() / rowH()) + 2 + 2 * ROW_OVERSCAN,
    /** PageUp/PageDown's step: a screen of rows less one. */
    pageRows: () => Math.max(1, Math.floor(bodyH() / rowH()) - 1),
    rowTop,
    colLeft,
    pointerGeometry,
  }
}

// The virtual grid over the whole address space (XFD × 1,048,576). TanStack Virtual
// picks the visible rows and columns; a sticky layer the size of the viewport draws
// them, so the DOM never holds more than the visible cells. The scroll space is capped
// and mapped (model/scroll-map.ts) because browsers cannot lay out a 40M px element.
// This file owns the scrolling, the virtualizers, the keyboard, the context menu and
// the clipboard events; the rows of cells (GridBody.tsx), the headers (GridHeaders.tsx),
// the in-cell editor (CellEditor.tsx) and the selection (SelectionOverlay.tsx) are drawn
// by their own components.
import { Show, createEffect, createMemo, createSignal, on, onCleanup, onMount } from 'solid-js'
import { Portal } from 'solid-js/web'
import { createVirtualizer, elementScroll } from '@tanstack/solid-virtual'
import { createUniformRows } from './uniform-rows'
import { COLUMN_COUNT, ROW_COUNT, formatAddress, parseAddress, type CellPos } from '../model/address'
import { gridKeyAction } from '../model/key-actions'
import { createScrollMap } from '../model/scroll-map'
import { move, scrollCount } from '../model/navigation'
import { createColumnLayout } from '../model/column-layout'
import { isWholeColumns, isWholeRows } from '../model/selection'
import { createGridPointer, type PointerGeometry } from './grid-pointer'
import { runBlockKey } from './grid-keys'
import { gridMenu, type MenuTarget } from './grid-menus'
import { ContextMenu } from '../components/ContextMenu'
import { SelectionOverlay } from './SelectionOverlay'
import type { Commands } from '../app/commands'
import type { SheetView } from '../app/sheet-view'
import type { WorkbookStore } from '../state/workbook-store'
import { GridRows } from './GridBody'
import { CellEditor } from './CellEditor'
import { ColumnHeaders, CornerHeader } from './GridHeaders'
import { focusGrid } from './grid-focus'
import type { FormulaEditing } from '../formula-edit/formula-editing'
import { COLUMN_HEADER_HEIGHT, COLUMN_WIDTH, ROW_HEADER_WIDTH, ROW_HEIGHT } from './metrics'

export interface GridProps {
  store: WorkbookStore
  view: SheetView
  commands: Commands
  /** formula-ui: point mode, F4 and autocomplete in the cell editor (formula-edit/). */
  formulaEditing?: FormulaEditing
  /** "Explain this cell": opens the graph inspector on the active cell (edit-ui). */
  onExplain?: () => void
}

export { focusGrid }

/** Rows drawn beyond each edge of the viewport. */
const ROW_OVERSCAN = 3

export function Grid(props: GridProps) {
  const { store, view, commands } = props
  let scroller!: HTMLDivElement
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
    getScrollElement: () => scroller,
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
    const resize = new ResizeObserver(() => setViewport({ width: scroller.clientWidth, height: scroller.clientHeight }))
    resize.observe(scroller)
    // Wheel: with a mapped scroll space one physical px is `scale` virtual px, so divide,
    // and one notch moves the usual number of rows.
    const wheel = (e: WheelEvent) => {
      const ry = rowMap().scale
      const rx = colMap().scale
      if (ry === 1 && rx === 1) return
      e.preventDefault()
      const unit = e.deltaMode === 1 ? rowH() : e.deltaMode === 2 ? bodyH() : 1
      const dx = e.shiftKey && e.deltaX === 0 ? e.deltaY : e.deltaX
      const dy = e.shiftKey && e.deltaX === 0 ? 0 : e.deltaY
      scroller.scrollTop += (dy * unit) / ry
      scroller.scrollLeft += (dx * unit) / rx
    }
    scroller.addEventListener('wheel', wheel, { passive: false })
    onCleanup(() => {
      resize.disconnect()
      scroller.removeEventListener('wheel', wheel)
    })
  })

  // Bring the selected cell into view whenever a command asks for it.
  createEffect(on(view.revealRequest, () => reveal(), { defer: true }))

  function reveal(target: CellPos = view.revealTarget()): void {
    const { row, col } = target
    const rTop = row * rowH()
    const cLeft = layout().offsetOf(col)
    if (rTop < top()) scroller.scrollTop = Math.floor(rowMap().toPhysical(rTop))
    else if (rTop + rowH() > top() + bodyH()) scroller.scrollTop = Math.ceil(rowMap().toPhysical(rTop + rowH() - bodyH()))
    if (cLeft < left()) scroller.scrollLeft = Math.floor(colMap().toPhysical(cLeft))
    else if (cLeft + colW(col) > left() + bodyW()) scroller.scrollLeft = Math.ceil(colMap().toPhysical(cLeft + colW(col) - bodyW()))
    setScroll({ top: scroller.scrollTop, left: scroller.scrollLeft })
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

  // Block editing (edit-ui): pointer gestures, the context menu, clipboard events.
  const geometry: PointerGeometry = {
    rowAt: (y) => Math.max(0, Math.min(ROW_COUNT - 1, Math.floor((y - scroller.getBoundingClientRect().top - headerH() + top()) / rowH()))),
    colAt: (x) => layout().colAt(x - scroller.getBoundingClientRect().left - headerW() + left()),
    edgeScroll: (x, y) => {
      const box = scroller.getBoundingClientRect()
      if (y > box.bottom - 8) scroller.scrollTop += Math.ceil(rowH() / rowMap().scale)
      else if (y < box.top + headerH()) scroller.scrollTop -= Math.ceil(rowH() / rowMap().scale)
      if (x > box.right - 8) scroller.scrollLeft += Math.ceil(colW(0) / colMap().scale)
      else if (x < box.left + headerW()) scroller.scrollLeft -= Math.ceil(colW(0) / colMap().scale)
    },
  }
  const pointer = createGridPointer(view, commands, geometry)
  // formula-ui: a point-mode drag past the edge scrolls the same way.
  props.formulaEditing?.setGridGeometry(geometry)
  onCleanup(() => props.formulaEditing?.setGridGeometry(null))
  const [menu, setMenu] = createSignal<{ x: number; y: number; target: MenuTarget } | null>(null)
  function openMenu(target: MenuTarget, x?: number, y?: number): void {
    if (x === undefined || y === undefined) {
      // From the keyboard: beside the active cell.
      const box = scroller.getBoundingClientRect()
      const { row, col } = view.selection()
      x = box.left + headerW() + layout().offsetOf(col) - left() + colW(col) / 2
      y = box.top + headerH() + row * rowH() - top() + rowH() / 2
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
      return openMenu('columns', e.clientX, e.clientY)
    }
    if (header?.dataset.rowHeader !== undefined) {
      pointer.selectRowForMenu(Number(header.dataset.rowHeader))
      return openMenu('rows', e.clientX, e.clientY)
    }
    const pos = cellFromEvent(e)
    if (!pos) return
    pointer.selectForMenu(pos)
    openMenu('cell', e.clientX, e.clientY)
  }
  onMount(() => {
    // Native clipboard events (the browser's Edit menu, a script's paste): same commands.
    const onCopy = (e: ClipboardEvent) => { if (document.activeElement === scroller) void commands.block.copy(false, e) }
    const onCut = (e: ClipboardEvent) => { if (document.activeElement === scroller) void commands.block.copy(true, e) }
    const onPaste = (e: ClipboardEvent) => {
      if (document.activeElement !== scroller || !e.clipboardData) return
      e.preventDefault()
      void commands.block.paste(false, e.clipboardData.getData('text/plain'))
    }
    document.addEventListener('copy', onCopy)
    document.addEventListener('cut', onCut)
    document.addEventListener('paste', onPaste)
    onCleanup(() => {
      document.removeEventListener('copy', onCopy)
      document.removeEventListener('cut', onCut)
      document.removeEventListener('paste', onPaste)
    })
  })

  function onKeyDown(e: KeyboardEvent): void {
    if (e.target !== scroller) return
    const action = gridKeyAction(e)
    const pageRows = () => Math.max(1, Math.floor(bodyH() / rowH()) - 1)
    if (runBlockKey(action, view, commands, () => openMenu(menuTargetOfSelection()), pageRows)) return void e.preventDefault()
    switch (action.type) {
      case 'none': return
      case 'move': commands.moveSelection(action.dir); break
      case 'jump': commands.jumpSelection(action.dir); break
      case 'page': {
        const steps = Math.max(1, Math.floor(bodyH() / rowH()) - 1)
        view.select(move(view.selection(), action.dir, steps))
        break
      }
      default: return
      case 'home': view.select(action.toOrigin ? { col: 0, row: 0 } : { col: 0, row: view.selection().row }); break
      case 'edit': commands.beginEdit('cell'); break
      case 'startTyping': commands.beginEdit('cell', action.text); break
      case 'clear': commands.clearSelected(); break
      case 'undo': commands.undo(); break
      case 'redo': commands.redo(); break
      case 'clipboard': commands.runMenuCommand(action.command); break
    }
    e.preventDefault()
  }

  /** The keyboard's context menu: the header menu for whole columns or rows, else the cell menu. */
  function menuTargetOfSelection(): MenuTarget {
    const r = view.rect()
    if (isWholeColumns(r) && !isWholeRows(r)) return 'columns'
    if (isWholeRows(r) && !isWholeColumns(r)) return 'rows'
    return 'cell'
  }

  function cellFromEvent(e: MouseEvent): { col: number; row: number } | null {
    const el = (e.target as HTMLElement).closest<HTMLElement>('[data-cell]')
    return el ? parseAddress(el.dataset.cell ?? '') : null
  }

  function onMouseDown(e: MouseEvent): void {
    const pos = cellFromEvent(e)
    if (!pos || e.button !== 0) return
    e.preventDefault()
    // An edit in progress belongs to the cell it started on: commit it before moving.
    if (view.editing()) commands.commitEdit(null)
    pointer.cellDown(pos, e)
    focusGrid()
  }

  function onDblClick(e: MouseEvent): void {
    const pos = cellFromEvent(e)
    if (!pos) return
    view.select(pos)
    commands.beginEdit('cell')
  }

  const cellEditing = () => view.editing()?.origin === 'cell'
  const editorBox = () => {
    const { row, col } = view.selection()
    return { top: headerH() + row * rowH() - top(), left: headerW() + layout().offsetOf(col) - left() }
  }

  // formula-ui: an arrow key in point mode may leave the screen: bring the pointed cell into view.
  createEffect(on(() => props.formulaEditing?.pointed(), (p) => { if (p && p.sheet === view.activeSheet()) reveal(p.corner) }, { defer: true }))

  /** formula-ui: where the block a formula being typed points at is drawn (dashed outline). */
  const pointedBox = () => {
    const p = props.formulaEditing?.pointed()
    if (!p || p.sheet !== view.activeSheet()) return null
    return {
      top: headerH() + p.from.row * rowH() - top(),
      left: headerW() + layout().offsetOf(p.from.col) - left(),
      width: layout().offsetOf(p.to.col + 1) - layout().offsetOf(p.from.col),
      height: (p.to.row - p.from.row + 1) * rowH(),
    }
  }

  /** The blocks the references of the formula being typed name on this sheet, with their colours. */
  const referenceOutlines = () => {
    const sheet = view.activeSheet().toLowerCase()
    return (props.formulaEditing?.colouring().blocks ?? [])
      .filter((b) => b.sheet.toLowerCase() === sheet)
      .map((b) => ({
        rect: { top: b.from.row, left: b.from.col, bottom: b.to.row, right: b.to.col },
        colour: b.colour,
        label: b.from.col === b.to.col && b.from.row === b.to.row ? formatAddress(b.from) : `${formatAddress(b.from)}:${formatAddress(b.to)}`,
      }))
  }

  return (
    <div
      id="grid"
      class="grid-scroll"
      ref={scroller}
      tabindex="0"
      role="grid"
      aria-multiselectable="true"
      aria-label={`Sheet ${view.activeSheet()}`}
      aria-keyshortcuts="F6 Shift+F6"
      aria-rowcount={ROW_COUNT}
      aria-colcount={COLUMN_COUNT}
      onScroll={() => setScroll({ top: scroller.scrollTop, left: scroller.scrollLeft })}
      onKeyDown={onKeyDown}
      onContextMenu={onContextMenu}
      style={{ '--zoom': String(view.zoom()) }}
    >
      <div class="grid-inner" style={{ width: `${colMap().physicalTotal + headerW()}px`, height: `${rowMap().physicalTotal + headerH()}px` }}>
        <div
          class="grid-layer"
          classList={{ 'hide-gradients': !view.showGradients() }}
          style={{ width: `${viewport().width}px`, height: `${viewport().height}px` }}
          onMouseDown={onMouseDown}
          onDblClick={onDblClick}
        >
          <GridRows
            store={store}
            view={view}
            commands={commands}
            pointer={pointer}
            rowItems={rowItems()}
            rowSlots={Math.ceil(bodyH() / rowH()) + 2 + 2 * ROW_OVERSCAN}
            colItems={cols.getVirtualItems()}
            headerW={headerW()}
            headerH={headerH()}
            top={top()}
            left={left()}
            rowH={rowH()}
            colW={colW}
          />
          <ColumnHeaders view={view} commands={commands} pointer={pointer} headerW={headerW()} headerH={headerH()} left={left()} colW={colW} items={cols.getVirtualItems()} />
          <CornerHeader commands={commands} headerW={headerW()} headerH={headerH()} />
          <SelectionOverlay
            rect={view.rect()}
            preview={pointer.fillPreview()?.to ?? null}
            clipboard={commands.block.clipboardSource()?.sheet === view.activeSheet() ? commands.block.clipboardSource()!.rect : null}
            geometry={{ rowTop: (r) => headerH() + r * rowH() - top(), colLeft: (c) => headerW() + layout().offsetOf(c) - left(), headerH: headerH(), headerW: headerW(), viewport: viewport() }}
            editing={cellEditing()}
            references={referenceOutlines()}
            onFillHandleDown={pointer.fillHandleDown}
          />
          <Show when={pointedBox()}>
            {(box) => <div class="pointed-range" aria-hidden="true" style={{ top: `${box().top}px`, left: `${box().left}px`, width: `${box().width}px`, height: `${box().height}px` }} />}
          </Show>
          <Show when={pointer.resizing()}>
            {(r) => <div class="col-resize-guide" style={{ left: `${headerW() + layout().offsetOf(r().col) - left() + r().width * view.zoom()}px` }} />}
          </Show>
          <Show when={cellEditing()}>
            <CellEditor
              view={view}
              commands={commands}
              formulaEditing={props.formulaEditing}
              top={editorBox().top}
              left={editorBox().left}
              width={colW(view.selection().col)}
              height={rowH()}
            />
          </Show>
        </div>
      </div>
      <Show when={menu()}>
        {(m) => (
          <Portal>
          <ContextMenu
            x={m().x}
            y={m().y}
            label={m().target === 'cell' ? 'Cell' : m().target === 'rows' ? 'Rows' : 'Columns'}
            items={gridMenu(m().target, view, commands, props.onExplain)}
            onClose={() => {
              setMenu(null)
              focusGrid()
            }}
          />
          </Portal>
        )}
      </Show>
    </div>
  )
}

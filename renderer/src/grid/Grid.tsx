// The virtual grid over the whole address space (XFD × 1,048,576): the grid element and
// what it draws. A sticky layer the size of the viewport holds only the visible cells.
// This file wires the grid's parts together and handles the plain mouse events (press,
// double-click); each part has its own module: what is shown and where (grid-viewport.ts),
// the keys (grid-keys.ts), the mouse gestures (grid-pointer.ts), the context menu
// (GridContextMenu.tsx), the browser's clipboard events (grid-clipboard-events.ts), the
// rows of cells (GridBody.tsx), the headers (GridHeaders.tsx), the in-cell editor
// (CellEditor.tsx), the selection (SelectionOverlay.tsx) and a typed formula's reference
// outlines (reference-outlines.ts).
import { Show, createEffect, on, onCleanup } from 'solid-js'
import { COLUMN_COUNT, ROW_COUNT } from '../model/address'
import { createGridPointer, cellFromEvent } from './grid-pointer'
import { runGridKey } from './grid-keys'
import { menuTargetOf } from './grid-menus'
import { SelectionOverlay } from './SelectionOverlay'
import type { Commands } from '../app/commands'
import type { SheetView } from '../app/sheet-view'
import type { WorkbookStore } from '../state/workbook-store'
import { GridRows } from './GridBody'
import { CellEditor } from './CellEditor'
import { ColumnHeaders, CornerHeader } from './GridHeaders'
import { focusGrid } from './grid-focus'
import type { FormulaEditing } from '../formula-edit/formula-editing'
import { createGridViewport } from './grid-viewport'
import { GridContextMenu, createGridContextMenu } from './GridContextMenu'
import { listenToClipboardEvents } from './grid-clipboard-events'
import { referenceOutlines } from './reference-outlines'

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

export function Grid(props: GridProps) {
  const { store, view, commands } = props
  let scroller!: HTMLDivElement
  const vp = createGridViewport(store, view, commands, () => scroller)

  // Block editing (edit-ui): pointer gestures, the context menu, clipboard events.
  const pointer = createGridPointer(view, commands, vp.pointerGeometry)
  // formula-ui: a point-mode drag past the edge scrolls the same way.
  props.formulaEditing?.setGridGeometry(vp.pointerGeometry)
  onCleanup(() => props.formulaEditing?.setGridGeometry(null))
  const menu = createGridContextMenu(view, commands, pointer, vp, () => scroller)
  listenToClipboardEvents(() => scroller, commands)

  function onKeyDown(e: KeyboardEvent): void {
    if (e.target !== scroller) return
    runGridKey(e, view, commands, () => menu.open(menuTargetOf(view.rect())), vp.pageRows)
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

  // formula-ui: an arrow key in point mode may leave the screen: bring the pointed cell into view.
  createEffect(on(() => props.formulaEditing?.pointed(), (p) => { if (p && p.sheet === view.activeSheet()) vp.reveal(p.corner) }, { defer: true }))

  /** formula-ui: where the block a formula being typed points at is drawn (dashed outline). */
  const pointedBox = () => {
    const p = props.formulaEditing?.pointed()
    if (!p || p.sheet !== view.activeSheet()) return null
    return {
      top: vp.rowTop(p.from.row),
      left: vp.colLeft(p.from.col),
      width: vp.layout().offsetOf(p.to.col + 1) - vp.layout().offsetOf(p.from.col),
      height: (p.to.row - p.from.row + 1) * vp.rowH(),
    }
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
      onScroll={vp.syncScroll}
      onKeyDown={onKeyDown}
      onContextMenu={menu.onContextMenu}
      style={{ '--zoom': String(view.zoom()) }}
    >
      <div class="grid-inner" style={{ width: `${vp.colMap().physicalTotal + vp.headerW()}px`, height: `${vp.rowMap().physicalTotal + vp.headerH()}px` }}>
        <div
          class="grid-layer"
          classList={{ 'hide-gradients': !view.showGradients() }}
          style={{ width: `${vp.viewport().width}px`, height: `${vp.viewport().height}px` }}
          onMouseDown={onMouseDown}
          onDblClick={onDblClick}
        >
          <GridRows
            store={store}
            view={view}
            commands={commands}
            pointer={pointer}
            rowItems={vp.rowItems()}
            rowSlots={vp.rowSlots()}
            colItems={vp.colItems()}
            headerW={vp.headerW()}
            headerH={vp.headerH()}
            top={vp.top()}
            left={vp.left()}
            rowH={vp.rowH()}
            colW={vp.colW}
          />
          <ColumnHeaders view={view} commands={commands} pointer={pointer} headerW={vp.headerW()} headerH={vp.headerH()} left={vp.left()} colW={vp.colW} items={vp.colItems()} />
          <CornerHeader commands={commands} headerW={vp.headerW()} headerH={vp.headerH()} />
          <SelectionOverlay
            rect={view.rect()}
            preview={pointer.fillPreview()?.to ?? null}
            clipboard={commands.block.clipboardSource()?.sheet === view.activeSheet() ? commands.block.clipboardSource()!.rect : null}
            geometry={{ rowTop: vp.rowTop, colLeft: vp.colLeft, headerH: vp.headerH(), headerW: vp.headerW(), viewport: vp.viewport() }}
            editing={cellEditing()}
            references={referenceOutlines(props.formulaEditing?.colouring().blocks ?? [], view.activeSheet())}
            onFillHandleDown={pointer.fillHandleDown}
          />
          <Show when={pointedBox()}>
            {(box) => <div class="pointed-range" aria-hidden="true" style={{ top: `${box().top}px`, left: `${box().left}px`, width: `${box().width}px`, height: `${box().height}px` }} />}
          </Show>
          <Show when={pointer.resizing()}>
            {(r) => <div class="col-resize-guide" style={{ left: `${vp.colLeft(r().col) + r().width * view.zoom()}px` }} />}
          </Show>
          <Show when={cellEditing()}>
            <CellEditor
              view={view}
              commands={commands}
              formulaEditing={props.formulaEditing}
              top={vp.rowTop(view.selection().row)}
              left={vp.colLeft(view.selection().col)}
              width={vp.colW(view.selection().col)}
              height={vp.rowH()}
            />
          </Show>
        </div>
      </div>
      <Show when={menu.menu()}>
        {(m) => <GridContextMenu request={m()} view={view} commands={commands} onExplain={props.onExplain} onClose={menu.close} />}
      </Show>
    </div>
  )
}

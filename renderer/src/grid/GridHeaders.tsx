// The grid's headers: the column letters across the top (click or drag selects whole
// columns; the border drags to resize, a double-click fits the contents), a row's number
// at its left (selects whole rows) and the corner that selects everything. Each header is
// highlighted while the selection covers its column or row. Gestures go to
// grid-pointer.ts, like the cells'.
import { For } from 'solid-js'
import type { VirtualItem } from '@tanstack/solid-virtual'
import type { Commands } from '../app/commands'
import type { SheetView } from '../app/sheet-view'
import { columnName } from '../model/address'
import type { createGridPointer } from './grid-pointer'
import { focusGrid } from './grid-focus'

type GridPointer = ReturnType<typeof createGridPointer>

interface HeaderProps {
  view: SheetView
  commands: Commands
  pointer: GridPointer
  /** The row header's width (px, at the current zoom). */
  headerW: number
}

/** The strip of column headers over the visible columns (`items`), scrolled by `left`. */
export function ColumnHeaders(props: HeaderProps & { items: VirtualItem[]; headerH: number; left: number; colW: (col: number) => number }) {
  const { view, commands, pointer } = props
  return (
    <div class="col-headers" style={{ height: `${props.headerH}px` }}>
      <For each={props.items}>
        {(col) => (
          <div
            class="col-header"
            role="columnheader"
            data-col-header={col.index}
            classList={{ active: view.rect().left <= col.index && col.index <= view.rect().right }}
            style={{ left: `${props.headerW + col.start - props.left}px`, width: `${props.colW(col.index)}px` }}
            onMouseDown={(e) => {
              if (e.button !== 0) return
              e.preventDefault()
              if (view.editing()) commands.commitEdit(null)
              pointer.columnHeaderDown(col.index, e)
              focusGrid()
            }}
          >
            {columnName(col.index)}
            <div
              class="col-resize"
              role="separator"
              aria-orientation="vertical"
              aria-label={`Resize column ${columnName(col.index)}`}
              title="Drag to resize; double-click to fit the contents"
              onMouseDown={(e) => pointer.resizeDown(col.index, props.colW(col.index) / view.zoom(), e)}
              onDblClick={(e) => {
                e.stopPropagation()
                commands.block.autofit(col.index)
              }}
            />
          </div>
        )}
      </For>
    </div>
  )
}

/** One row's number, at the left of its row. */
export function RowHeader(props: HeaderProps & { row: number }) {
  const { view, commands, pointer } = props
  return (
    <div
      class="row-header"
      role="rowheader"
      data-row-header={props.row}
      classList={{ active: view.rect().top <= props.row && props.row <= view.rect().bottom }}
      style={{ width: `${props.headerW}px` }}
      onMouseDown={(e) => {
        if (e.button !== 0) return
        e.preventDefault()
        if (view.editing()) commands.commitEdit(null)
        pointer.rowHeaderDown(props.row, e)
        focusGrid()
      }}
    >
      {props.row + 1}
    </div>
  )
}

/** The corner above the row numbers: selects the whole sheet. */
export function CornerHeader(props: { commands: Commands; headerW: number; headerH: number }) {
  return (
    <div
      class="grid-corner"
      title="Select all (Ctrl+A)"
      style={{ width: `${props.headerW}px`, height: `${props.headerH}px` }}
      onMouseDown={(e) => {
        e.preventDefault()
        props.commands.selectAll()
        focusGrid()
      }}
    />
  )
}

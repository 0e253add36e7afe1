// The grid's body: one row element per visible row (grid/uniform-rows.ts, grid-viewport.ts),
// each holding a GridCell per visible column and its row header. Here a cell's address,
// its view in the store (one subscription per cell), whether it is selected, active, J or
// has a convention badge, and how far a label spills over empty cells to its right.
// Row elements are recycled: row n always draws in slot n mod `rowSlots`, so a row that
// scrolls out hands its elements to the row that scrolls in and they only update. Creating
// and disposing every cell of a screen per frame (a scrollbar drag) cost 50–130 ms frames,
// nearly all Solid's component set-up and cleanNode (bench/ui/frame-profile.ts, docs/ui.md).
import { For, Index, Show, createMemo } from 'solid-js'
import type { VirtualItem } from '@tanstack/solid-virtual'
import type { CellView } from '../../../engine/api'
import type { Commands } from '../app/commands'
import type { SheetView } from '../app/sheet-view'
import { conventionKeys } from '../graph/convention-badges'
import { COLUMN_COUNT, cellKey, formatAddress } from '../model/address'
import { contains } from '../model/selection'
import type { WorkbookStore } from '../state/workbook-store'
import { GridCell } from './GridCell'
import { RowHeader } from './GridHeaders'
import type { createGridPointer } from './grid-pointer'
import { estimateTextWidth } from './text-width'

const MAX_SPILL_CELLS = 8

export interface GridRowsProps {
  store: WorkbookStore
  view: SheetView
  commands: Commands
  pointer: ReturnType<typeof createGridPointer>
  rowItems: VirtualItem[]
  /** How many row elements to keep (at least the most rows ever drawn at once at this height). */
  rowSlots: number
  colItems: VirtualItem[]
  /** Header sizes, the scroll position (virtual px) and the row height, at the current zoom. */
  headerW: number
  headerH: number
  top: number
  left: number
  rowH: number
  colW: (col: number) => number
}

export function GridRows(props: GridRowsProps) {
  const { store, view, commands, pointer } = props

  /** How wide a label draws: over as many empty cells to its right as its text needs. */
  function labelSpill(cell: CellView | undefined, sheet: string, col: number, row: number): number {
    const w = props.colW(col)
    if (cell?.value.kind !== 'text') return w
    const needed = estimateTextWidth(cell.value.value, view.zoom()) - (w - 14 * view.zoom())
    let extra = 0
    let spilled = 0
    while (needed > spilled && extra < MAX_SPILL_CELLS && col + extra + 1 < COLUMN_COUNT) {
      if (store.cellAt(cellKey(sheet, formatAddress({ col: col + extra + 1, row })))) break
      extra++
      spilled += props.colW(col + extra)
    }
    return w + spilled
  }

  const objectiveKey = () => store.objective().cell
  const isSelected = (row: number, col: number) => contains(view.rect(), { row, col })
  const isActive = (row: number, col: number) => {
    const s = view.selection()
    return s.row === row && s.col === col
  }

  /** Each drawn row at its slot (index mod rowSlots); slots with no row this frame are empty. */
  const slots = createMemo(() => {
    const out: (VirtualItem | undefined)[] = new Array(props.rowSlots).fill(undefined)
    for (const item of props.rowItems) out[item.index % props.rowSlots] = item
    return out
  })

  return (
    <Index each={slots()}>
      {(slot) => (
        <Show when={slot()}>
          {(row) => (
            // aria-rowindex: recycled rows sit in the DOM in slot order, not row order.
            <div class="grid-row" role="row" aria-rowindex={row().index + 1} style={{ transform: `translateY(${props.headerH + row().start - props.top}px)`, height: `${props.rowH}px` }}>
              <For each={props.colItems}>
                {(col) => {
                  // A column item keeps its index for its whole life (keyed by index); the row
                  // under it changes as the row element is recycled, and the sheet may change.
                  const address = createMemo(() => formatAddress({ col: col.index, row: row().index }))
                  const key = createMemo(() => cellKey(view.activeSheet(), address()))
                  // One subscription per cell; GridCell reads the view many times.
                  const cellView = createMemo(() => store.cellAt(key()))
                  const spillWidth = createMemo(() => labelSpill(cellView(), view.activeSheet(), col.index, row().index))
                  return (
                    <GridCell
                      sheet={view.activeSheet()}
                      address={address()}
                      view={cellView()}
                      left={props.headerW + col.start - props.left}
                      width={props.colW(col.index)}
                      selected={isSelected(row().index, col.index)}
                      active={isActive(row().index, col.index)}
                      isObjective={objectiveKey() === key()}
                      convention={conventionKeys().has(key())}
                      showGradients={view.showGradients()}
                      maxAbsGrad={store.maxAbsGrad()}
                      spillWidth={spillWidth()}
                    />
                  )
                }}
              </For>
              <RowHeader view={view} commands={commands} pointer={pointer} headerW={props.headerW} row={row().index} />
            </div>
          )}
        </Show>
      )}
    </Index>
  )
}

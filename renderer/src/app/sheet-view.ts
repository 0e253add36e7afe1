// What the user is looking at and doing: the active sheet, the selected cell, an edit
// in progress, and the view options (gradients shown, zoom).
import { createEffect, createMemo, createSignal, untrack } from 'solid-js'
import type { CellPos } from '../model/address'
import { rectOf, single, type Selection } from '../model/selection'
import type { WorkbookStore } from '../state/workbook-store'
import type { ViewportHint } from '../worker/protocol'

export interface EditSession {
  /** Where the user is typing: in the cell itself or in the formula bar. */
  origin: 'cell' | 'formulaBar'
  text: string
  /** The input when the edit began: committing an unchanged text is not an action. */
  initial: string
  /**
   * The cell being edited (formula-ui: point mode may show another sheet while editing,
   * and the edit still belongs here). Absent: the selected cell of the active sheet.
   */
  sheet?: string
  pos?: CellPos
}

export const ZOOM_STEPS = [0.5, 0.67, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2]

export type SheetView = ReturnType<typeof createSheetView>

export function createSheetView(store: WorkbookStore) {
  const [activeSheet, setActiveSheet] = createSignal('Sheet1')
  // edit-ui: the selection is a rectangle with an active cell (model/selection.ts);
  // `selection()` stays the active cell, so every single-cell consumer is unchanged.
  const [range, setRangeSignal] = createSignal<Selection>(single({ col: 0, row: 0 }))
  const selection = createMemo(() => range().active, undefined, { equals: (a, b) => a.col === b.col && a.row === b.row })
  const rect = createMemo(() => rectOf(range()))
  /** Which cell the grid scrolls to on the next reveal: the active cell, or the corner being extended. */
  let revealAt: CellPos = { col: 0, row: 0 }
  const [editing, setEditing] = createSignal<EditSession | null>(null)
  const [showGradients, setShowGradients] = createSignal(true)
  const [zoom, setZoom] = createSignal(1)
  /** Bumped to ask the grid to bring the selection into view. */
  const [revealRequest, setRevealRequest] = createSignal(0)

  // A sheet that disappears (deleted, undone add) never stays active.
  createEffect(() => {
    const sheets = store.sheets()
    if (!sheets.includes(activeSheet())) setActiveSheet(sheets[0] ?? 'Sheet1')
  })

  // The rows and columns on screen, changed only when the window really moved. What follows
  // the window reads it reactively (`visibleWindow`: the convention badges, graph/badge-window.ts);
  // the worker's per-edit hint reads it without subscribing (`visibleHint`).
  type Block = { rows: [number, number]; cols: [number, number] }
  const sameBlock = (a: Block, b: Block): boolean => a.rows[0] === b.rows[0] && a.rows[1] === b.rows[1] && a.cols[0] === b.cols[0] && a.cols[1] === b.cols[1]
  const [visibleBlock, setVisibleBlock] = createSignal<Block>({ rows: [0, 0], cols: [0, 0] }, { equals: sameBlock })
  const setVisible = (rows: [number, number], cols: [number, number]): void => void setVisibleBlock({ rows, cols })
  const visibleHint = (): ViewportHint => ({ sheet: activeSheet(), ...untrack(visibleBlock) })
  /** The window on screen, reactive: changes when the grid scrolls to other rows or columns, or the sheet changes. */
  const visibleWindow = createMemo((): ViewportHint => ({ sheet: activeSheet(), ...visibleBlock() }))

  function select(pos: CellPos, sheet?: string): void {
    if (sheet !== undefined) setActiveSheet(sheet)
    setRangeSignal(single(pos))
    revealAt = pos
    setRevealRequest((n) => n + 1)
  }

  /** Sets a whole selection (a block); `reveal` is the cell to scroll into view (default: its corner; null: do not scroll). */
  function setRange(next: Selection, reveal: CellPos | null = next.corner): void {
    setRangeSignal(next)
    if (reveal === null) return
    revealAt = reveal
    setRevealRequest((n) => n + 1)
  }

  function zoomBy(direction: 1 | -1 | 0): void {
    if (direction === 0) return void setZoom(1)
    const i = ZOOM_STEPS.findIndex((z) => z >= zoom() - 1e-9)
    const next = ZOOM_STEPS[Math.min(ZOOM_STEPS.length - 1, Math.max(0, i + direction))]
    setZoom(next)
  }

  return {
    activeSheet,
    setActiveSheet,
    selection,
    select,
    range,
    rect,
    setRange,
    revealTarget: () => revealAt,
    editing,
    setEditing,
    showGradients,
    setShowGradients,
    zoom,
    zoomBy,
    revealRequest,
    setVisible,
    visibleHint,
    visibleWindow,
  }
}

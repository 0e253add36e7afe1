// The UI's copy of the workbook: cell views keyed by "Sheet!A1", each key reactive on
// its own (state/keyed-signals.ts), updated only from change lists, so only the cells
// that changed repaint. (A Solid store was the first choice; applying a 100k-cell change
// list through it cost ~0.5 s of unwrapping and proxy writes on the UI thread.)
// After a large edit the worker sends the window's views with the reply and the rest
// behind it (worker/window-views.ts); every batch carries the worker's generation, and a
// batch older than one already applied is dropped (state/generation.ts). The status bar's
// error count and the colour scale's largest |gradient| are the engine's figures, never a
// walk over the cells held here. A large workbook's load is windowed the same way: the
// window's views come first, with every sheet's extent and every name, and the rest are
// owed; `complete()` says when the store holds every cell again (consumers that walk all
// cells — selection figures, Ctrl+End — wait for it or use the extents; docs/ui.md).
import { batch, createSignal } from 'solid-js'
import type { CellView, ChangeList, ObjectiveState, WorkbookFigures } from '../../../engine/api'
import { cellKey } from '../model/address'
import type { ColumnWidths, Snapshot } from '../worker/protocol'
import { createGenerationGate } from './generation'
import { createKeyedSignals } from './keyed-signals'
import { createSheetExtents } from './sheet-extents'
import { figuresOfCells } from './figures'
import { createNameIndex } from './name-index'
import { sameView } from './same-view'

const NO_OBJECTIVE: ObjectiveState = { ref: null, cell: null, value: null, unavailableReason: 'No objective cell is set.' }

function isBlank(view: CellView): boolean {
  return view.input === '' && !view.name && !view.param && view.value.kind === 'empty'
}

export type WorkbookStore = ReturnType<typeof createWorkbookStore>

export function createWorkbookStore() {
  const cells = createKeyedSignals<CellView>()
  const [sheets, setSheets] = createSignal<string[]>(['Sheet1'])
  const [objective, setObjective] = createSignal<ObjectiveState>(NO_OBJECTIVE)
  const [maxAbsGrad, setMaxAbsGrad] = createSignal(0)
  const [errorCount, setErrorCount] = createSignal(0)
  // edit-ui: custom column widths (sheet → letter → px) and each sheet's used extent.
  const [columnWidths, setColumnWidths] = createSignal<ColumnWidths>({})
  const extents = createSheetExtents()
  const gate = createGenerationGate()
  const names = createNameIndex()
  // How many cells' views the worker still owes (0: every cell is held here).
  const [owed, setOwed] = createSignal(0)
  const [snapshotOwed, setSnapshotOwed] = createSignal(0)

  function setFigures(figures: WorkbookFigures): void {
    setErrorCount(figures.errorCells)
    setMaxAbsGrad(figures.maxAbsGrad)
  }

  function replaceAll(snapshot: Snapshot): void {
    const next = new Map<string, CellView>()
    for (const view of snapshot.cells) {
      if (isBlank(view)) continue
      next.set(cellKey(view.sheet, view.address), view)
    }
    gate.reset(snapshot.generation)
    // A windowed snapshot names every cell and measures every sheet; an older one held every view.
    names.reset(snapshot.names ? Object.entries(snapshot.names) : [...next.values()].filter((v) => v.name).map((v) => [v.name!, { sheet: v.sheet, address: v.address }]))
    batch(() => {
      setOwed(snapshot.streaming ?? 0)
      setSnapshotOwed(snapshot.streaming ?? 0)
      if (snapshot.extents) extents.resetTo(snapshot.extents)
      else extents.reset(next.values())
      if (snapshot.columns) setColumnWidths(snapshot.columns)
      cells.replaceAll(next)
      setSheets(snapshot.sheets.length > 0 ? snapshot.sheets : ['Sheet1'])
      setObjective(snapshot.objective)
      // A snapshot from an older worker (or a test) without figures: its cells are all of them.
      setFigures(snapshot.figures ?? figuresOfCells(next.values()))
    })
  }

  function writeCells(views: CellView[]): void {
    for (const view of views) {
      const key = cellKey(view.sheet, view.address)
      const stored = isBlank(view) ? undefined : view
      const held = cells.peek(key)
      // An equal view (a scrolled window's unchanged cells) wakes nothing.
      if (sameView(held, stored)) continue
      names.update(held, stored)
      cells.set(key, stored)
      if (stored) extents.grow(stored)
    }
    extents.publish()
  }

  /**
   * Views read by the worker at `generation` (streamed behind an edit or a load, or a
   * scroll's window); dropped, returning false, when the store already holds a newer
   * update. `remaining`: how many views the worker still owes after these.
   */
  function applyCells(views: CellView[], generation?: number, remaining?: number): boolean {
    const admitted = gate.admit(generation)
    batch(() => {
      if (admitted) writeCells(views)
      if (remaining !== undefined) setOwed(remaining)
    })
    return admitted
  }

  /** An edit's (or training's) change list; `generation` and `remaining` as in applyCells. Without figures (an older sender) the figures stay as they were. */
  function applyChanges(changes: ChangeList, generation?: number, remaining?: number): boolean {
    if (!gate.admit(generation)) return false
    batch(() => {
      if (remaining !== undefined) setOwed(remaining)
      writeCells(changes.cells)
      if (changes.sheets) setSheets(changes.sheets)
      setObjective(changes.objective)
      if (changes.figures) setFigures(changes.figures)
    })
    return true
  }

  /** Every stored cell of one sheet (for undoing a sheet deletion, Ctrl+arrow, names). */
  function cellsOfSheet(sheet: string): CellView[] {
    const prefix = `${sheet}!`
    const out: CellView[] = []
    for (const [key, view] of cells.entries()) if (key.startsWith(prefix)) out.push(view)
    return out
  }


  return {
    /** Reactive per key: `cellAt("Sheet1!B4")` inside a computation tracks that cell only. */
    cellAt: (key: string) => cells.get(key),
    sheets,
    objective,
    maxAbsGrad,
    errorCount,
    cell: (sheet: string, address: string) => cells.get(cellKey(sheet, address)),
    /** Every stored cell of a sheet: all of them only when `complete()`. */
    cellsOfSheet,
    /** The cell a name is on (known for every name from the load on, before its view arrives). */
    findName: names.find,
    /** Every cell name of the workbook (autocomplete). */
    names: names.names,
    /** Reactive: true when the store holds every cell's current view (nothing owed behind a large load or edit). */
    complete: () => owed() === 0,
    /** How many views the last load (or snapshot) left owed: 0 when it came whole. */
    snapshotOwed,
    columnWidths,
    setColumnWidths,
    /** Reactive: one past the last used row and column of a sheet (grows with edits; exact after a load). */
    usedExtent: extents.of,
    replaceAll,
    applyCells,
    applyChanges,
  }
}

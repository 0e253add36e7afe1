// The UI's copy of the workbook: cell views keyed by "Sheet!A1", each key reactive on
// its own (state/keyed-signals.ts), updated only from change lists, so only the cells
// that changed repaint. (A Solid store was the first choice; applying a 100k-cell change
// list through it cost ~0.5 s of unwrapping and proxy writes on the UI thread.)
import { batch, createSignal } from 'solid-js'
import type { CellView, ChangeList, ObjectiveState } from '../../../engine/api'
import { cellKey } from '../model/address'
import { dominantComponent } from '../model/gradient-colour'
import type { ColumnWidths, Snapshot } from '../worker/protocol'
import { createKeyedSignals } from './keyed-signals'
import { createSheetExtents } from './sheet-extents'

const NO_OBJECTIVE: ObjectiveState = { ref: null, cell: null, value: null, unavailableReason: 'No objective cell is set.' }

function isBlank(view: CellView): boolean {
  return view.input === '' && !view.name && !view.param && view.value.kind === 'empty'
}

function gradMagnitude(view: CellView): number {
  const g = view.grad
  if (g.kind === 'number') return Math.abs(g.value)
  if (g.kind === 'tensor') return Math.abs(dominantComponent(g.value))
  return 0
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
  // Plain (non-reactive) indexes kept beside the store for O(1) bookkeeping.
  const errorKeys = new Set<string>()
  const gradMagnitudes = new Map<string, number>()

  function track(key: string, view: CellView | undefined): void {
    if (view && view.value.kind === 'error') errorKeys.add(key)
    else errorKeys.delete(key)
    const m = view ? gradMagnitude(view) : 0
    if (m > 0) gradMagnitudes.set(key, m)
    else gradMagnitudes.delete(key)
  }

  function refreshDerived(): void {
    setErrorCount(errorKeys.size)
    let max = 0
    for (const m of gradMagnitudes.values()) if (m > max) max = m
    setMaxAbsGrad(max)
  }

  function replaceAll(snapshot: Snapshot): void {
    const next = new Map<string, CellView>()
    errorKeys.clear()
    gradMagnitudes.clear()
    for (const view of snapshot.cells) {
      if (isBlank(view)) continue
      const key = cellKey(view.sheet, view.address)
      next.set(key, view)
      track(key, view)
    }
    batch(() => {
      extents.reset(next.values())
      if (snapshot.columns) setColumnWidths(snapshot.columns)
      cells.replaceAll(next)
      setSheets(snapshot.sheets.length > 0 ? snapshot.sheets : ['Sheet1'])
      setObjective(snapshot.objective)
      refreshDerived()
    })
  }

  function writeCells(views: CellView[]): void {
    for (const view of views) {
      const key = cellKey(view.sheet, view.address)
      const stored = isBlank(view) ? undefined : view
      cells.set(key, stored)
      track(key, stored)
      if (stored) extents.grow(stored)
    }
    extents.publish()
  }

  /** A leading part of a long change list (see worker/protocol.ts). */
  function applyCells(views: CellView[]): void {
    batch(() => writeCells(views))
  }

  function applyChanges(changes: ChangeList): void {
    batch(() => {
      writeCells(changes.cells)
      if (changes.sheets) setSheets(changes.sheets)
      setObjective(changes.objective)
      refreshDerived()
    })
  }

  /** Every stored cell of one sheet (for undoing a sheet deletion, Ctrl+arrow, names). */
  function cellsOfSheet(sheet: string): CellView[] {
    const prefix = `${sheet}!`
    const out: CellView[] = []
    for (const [key, view] of cells.entries()) if (key.startsWith(prefix)) out.push(view)
    return out
  }

  function findName(name: string): CellView | undefined {
    for (const view of cells.values()) if (view.name === name) return view
    return undefined
  }

  return {
    /** Reactive per key: `cellAt("Sheet1!B4")` inside a computation tracks that cell only. */
    cellAt: (key: string) => cells.get(key),
    sheets,
    objective,
    maxAbsGrad,
    errorCount,
    cell: (sheet: string, address: string) => cells.get(cellKey(sheet, address)),
    cellsOfSheet,
    findName,
    columnWidths,
    setColumnWidths,
    /** Reactive: one past the last used row and column of a sheet (grows with edits; exact after a load). */
    usedExtent: extents.of,
    replaceAll,
    applyCells,
    applyChanges,
  }
}

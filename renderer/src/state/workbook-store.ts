// The UI's copy of the workbook: a Solid store of cell views keyed by "Sheet!A1",
// updated only from change lists, so only the cells that changed repaint.
import { batch, createSignal } from 'solid-js'
import { createStore, reconcile } from 'solid-js/store'
import type { CellView, ChangeList, ObjectiveState } from '../../../engine/api'
import { cellKey } from '../model/address'
import { dominantComponent } from '../model/gradient-colour'
import type { Snapshot } from '../worker/protocol'

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
  const [cells, setCells] = createStore<Record<string, CellView | undefined>>({})
  const [sheets, setSheets] = createSignal<string[]>(['Sheet1'])
  const [objective, setObjective] = createSignal<ObjectiveState>(NO_OBJECTIVE)
  const [maxAbsGrad, setMaxAbsGrad] = createSignal(0)
  const [errorCount, setErrorCount] = createSignal(0)
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
    const next: Record<string, CellView> = {}
    errorKeys.clear()
    gradMagnitudes.clear()
    for (const view of snapshot.cells) {
      if (isBlank(view)) continue
      const key = cellKey(view.sheet, view.address)
      next[key] = view
      track(key, view)
    }
    batch(() => {
      setCells(reconcile(next))
      setSheets(snapshot.sheets.length > 0 ? snapshot.sheets : ['Sheet1'])
      setObjective(snapshot.objective)
      refreshDerived()
    })
  }

  function applyChanges(changes: ChangeList): void {
    batch(() => {
      for (const view of changes.cells) {
        const key = cellKey(view.sheet, view.address)
        const stored = isBlank(view) ? undefined : view
        // reconcile, not a plain set: Solid merges objects on set, which would keep a
        // name or param flag the new view no longer has.
        if (stored) setCells(key, reconcile(stored))
        else setCells(key, undefined)
        track(key, stored)
      }
      if (changes.sheets) setSheets(changes.sheets)
      setObjective(changes.objective)
      refreshDerived()
    })
  }

  /** Every stored cell of one sheet (for undoing a sheet deletion, Ctrl+arrow, names). */
  function cellsOfSheet(sheet: string): CellView[] {
    const prefix = `${sheet}!`
    const out: CellView[] = []
    for (const key of Object.keys(cells)) {
      const view = cells[key]
      if (view && key.startsWith(prefix)) out.push(view)
    }
    return out
  }

  function findName(name: string): CellView | undefined {
    for (const key of Object.keys(cells)) {
      const view = cells[key]
      if (view?.name === name) return view
    }
    return undefined
  }

  return {
    cells,
    sheets,
    objective,
    maxAbsGrad,
    errorCount,
    cell: (sheet: string, address: string) => cells[cellKey(sheet, address)],
    cellsOfSheet,
    findName,
    replaceAll,
    applyChanges,
  }
}

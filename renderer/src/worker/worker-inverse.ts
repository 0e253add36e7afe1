// Undo's inverse edits, computed in the worker from the engine's state just before an
// action is applied: the engine is the one complete store of cells, so the inverse never
// depends on which cell views the UI thread happens to hold. Editing commands (paste,
// fill, insert rows, …) are expanded here first (engine/edits), so their inverse is the
// exact way back from their primitive edits and one command is one undo step.
import type { ApplyOptions, ChangeList, ChangedCells, CellView, Edit, RejectedEdit } from '../../../engine/api'
import type { createEngine } from '../../../engine/index'
import { expandEdit, isComposite } from '../../../engine/edits/index'
import { inverseOf, inverseOfExpansion, type WorkbookBefore } from '../model/inverse-edits'

type Engine = ReturnType<typeof createEngine>

function engineBefore(engine: Engine): WorkbookBefore {
  return {
    cell: (sheet, address) => engine.cell(sheet, address),
    // engine.cells() lists every non-empty cell; only a sheet deletion needs them.
    cellsOfSheet: (sheet) => engine.cells().filter((c) => c.sheet === sheet),
    sheets: () => engine.sheets(),
    objectiveRef: () => engine.objective().ref,
    columnWidth: (sheet, column) => engine.columnWidth(sheet, column),
  }
}

/** One inverse per primitive edit (same order), each from the state before the whole action. */
export function inversesBefore(engine: Engine, edits: Edit[]): Edit[][] {
  const before = engineBefore(engine)
  return edits.map((e) => inverseOf(e, before))
}

/** Change lists of consecutive applies as one: the last view of each cell, the last objective, sheets and figures; positions (views: 'none') concatenated. */
function mergeChanges(lists: ChangeList[]): ChangeList {
  if (lists.length === 1) return lists[0]
  const cells = new Map<string, CellView>()
  const rejected: RejectedEdit[] = []
  let sheets: string[] | undefined
  const stats = { forwardEvaluations: 0, reverseVisits: 0 }
  let changed: ChangedCells[] | undefined
  let unlisted: number | undefined
  for (const list of lists) {
    if (list.changed) (changed ??= []).push(...list.changed)
    if (list.unlisted !== undefined) unlisted = (unlisted ?? 0) + list.unlisted
    for (const c of list.cells) {
      const k = `${c.sheet}\u0000${c.address}`
      cells.delete(k) // re-inserted: a cell keeps the place of its last change
      cells.set(k, c)
    }
    rejected.push(...list.rejected)
    if (list.sheets) sheets = list.sheets
    stats.forwardEvaluations += list.stats.forwardEvaluations
    stats.reverseVisits += list.stats.reverseVisits
  }
  const merged: ChangeList = { cells: [...cells.values()], objective: lists[lists.length - 1].objective, rejected, stats }
  if (sheets) merged.sheets = sheets
  const figures = lists[lists.length - 1].figures
  if (figures) merged.figures = figures
  if (changed) merged.changed = changed
  if (unlisted !== undefined) merged.unlisted = unlisted
  return merged
}

/**
 * Applies one user action and returns its change list and, per edit, its inverse.
 * Primitive edits in a row go to the engine together (their inverses from the state
 * before them); each editing command is expanded from the state the edits before it
 * left, so a command after other edits in the same action sees them. A refused command
 * is listed in `rejected` (itself, with the reason) and changes nothing.
 */
export function applyAction(engine: Engine, edits: Edit[], options?: ApplyOptions): { changes: ChangeList; inverses: Edit[][] } {
  const lists: ChangeList[] = []
  const inverses: Edit[][] = []
  let run: Edit[] = []
  const flush = () => {
    if (run.length === 0) return
    inverses.push(...inversesBefore(engine, run))
    lists.push(engine.apply(run, options))
    run = []
  }
  for (const edit of edits) {
    if (!isComposite(edit)) {
      run.push(edit)
      continue
    }
    flush()
    const expanded = expandEdit(engine, edit)
    if (typeof expanded === 'string') {
      inverses.push([])
      lists.push({ ...engine.apply([], options), rejected: [{ edit, message: expanded }] })
      continue
    }
    inverses.push(inverseOfExpansion(expanded, engineBefore(engine)))
    lists.push(engine.apply(expanded, options))
  }
  flush()
  if (lists.length === 0) lists.push(engine.apply([], options))
  return { changes: mergeChanges(lists), inverses }
}

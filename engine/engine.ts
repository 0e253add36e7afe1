// The engine's façade: the public Engine API (engine/index.ts) over the parts in
// engine/core/. An update is: validate and apply each edit (core/edit-rules), run the
// forward pass from the first dirty position (core/forward), the reverse pass when
// anything J depends on changed (core/reverse), then build the change list
// (core/views). The state all parts share is core/workbook-state.ts.
import type { ApplyOptions, CellView, ChangeList, Edit, ObjectiveState, RejectedEdit } from './api'
import { loadDocument, toDocument } from './core/document-io'
import { applyOne } from './core/edit-rules'
import { expandInOrder } from './edits/index'
import { columnWidths } from './workbook/columns'
import { explainWindow } from './core/explain-window'
import { forward } from './core/forward'
import { reverse } from './core/reverse'
import { storeValues, type ValueUpdate } from './core/set-values'
import { allViews, objectiveState, viewAt, viewOf } from './core/views'
import { WorkbookState } from './core/workbook-state'
import type { ExplainSource } from './explain/source'
import { Kind } from './graph/store'
import type { WorkbookDocument } from './workbook/document'

/** Edits after which gradients must be recomputed even if no value changed. */
const STRUCTURAL = new Set(['setName', 'setObjective', 'addSheet', 'renameSheet', 'deleteSheet'])
const SHEET_EDITS = new Set(['addSheet', 'renameSheet', 'deleteSheet'])

export class GraphEngine {
  private w = new WorkbookState()

  constructor(doc?: WorkbookDocument) {
    if (!doc) this.w.sheets.add('Sheet1', {})
    else loadDocument(this.w, doc)
    this.update()
    this.w.changes.clear()
  }

  /** The passes every update runs: forward from the first dirty cell, reverse when gradients are stale. */
  private update(): void {
    forward(this.w)
    if (this.w.grads.stale) reverse(this.w)
  }

  setValues(updates: ValueUpdate[]): string | null {
    const problem = storeValues(this.w, updates)
    this.update()
    return problem
  }

  apply(edits: Edit[], options?: ApplyOptions): ChangeList {
    const w = this.w
    w.changes.meta.clear()
    w.forwardEvaluations = 0
    w.reverseVisits = 0
    const rejected: RejectedEdit[] = []
    let sheetsChanged = false
    // Editing commands (copy, fill, insert rows, …) become primitive edits, each expanded from the state it meets (engine/edits).
    for (const edit of expandInOrder(this, Array.isArray(edits) ? edits : [], rejected, () => this.update())) {
      let problem: string | null
      try {
        problem = applyOne(w, edit)
      } catch (e) {
        problem = `the edit could not be applied: ${e instanceof Error ? e.message : String(e)}`
      }
      if (problem) {
        rejected.push({ edit, message: problem })
        continue
      }
      if (SHEET_EDITS.has(edit.type)) sheetsChanged = true
      if (STRUCTURAL.has(edit.type)) w.grads.structureChanged()
    }
    this.update()
    for (const id of w.changes.meta) w.changes.touch(id)
    const withViews = options?.views !== 'none'
    const cells: CellView[] = []
    let unlisted = 0
    const s = w.store
    w.changes.drain((id) => {
      if (!w.sheets.alive(s.sheet[id])) return
      if (!w.changes.meta.has(id) && !w.hasContent(id) && s.kind[id] === Kind.Empty) return
      if (withViews) cells.push(viewOf(w, id))
      else unlisted++
    })
    const list: ChangeList = {
      cells,
      objective: this.objective(),
      rejected,
      stats: { forwardEvaluations: w.forwardEvaluations, reverseVisits: w.reverseVisits },
    }
    if (!withViews) list.unlisted = unlisted
    if (sheetsChanged) list.sheets = this.sheets()
    return list
  }

  cell(sheet: string, address: string): CellView {
    return viewAt(this.w, sheet, address)
  }

  cells(): CellView[] {
    return allViews(this.w)
  }

  sheets(): string[] {
    return this.w.sheets.order.map((sid) => this.w.sheets.name(sid))
  }

  /** A column's display width in px, or null for the default (undo reads it before a resize). */
  columnWidth(sheet: string, column: string): number | null {
    const sid = this.w.sheets.id(sheet)
    return sid < 0 ? null : columnWidths(this.w.sheets.extra(sid)).get(String(column).toUpperCase()) ?? null
  }

  objective(): ObjectiveState {
    return objectiveState(this.w)
  }

  resolveRef(ref: string): { sheet: string; address: string } | null {
    return this.w.resolveRef(ref)
  }

  /** Read-only access for engine/explain (graph view, chain-rule inspector); never mutates. */
  explainSource(): ExplainSource {
    return explainWindow(this.w)
  }

  toDocument(): WorkbookDocument {
    return toDocument(this.w)
  }
}

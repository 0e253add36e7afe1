// The engine's façade: the public Engine API (engine/index.ts) over the parts in
// engine/core/. An update is: validate and apply each edit (core/edit-rules), run the
// forward pass from the first dirty position (core/forward), the reverse pass when
// anything J depends on changed (core/reverse), then build the change list
// (core/change-list). The state all parts share is core/workbook-state.ts.
import type { ApplyOptions, CellView, ChangeList, ChangedCells, Edit, ObjectiveState, RejectedEdit } from './api'
import { loadDocument, toDocument } from './core/document-io'
import { workbookTextWriter, type WorkbookTextWriter } from './core/document-text'
import { drainChanges } from './core/change-list'
import { applyOne } from './core/edit-rules'
import { expandInOrder } from './edits/index'
import { columnWidths } from './workbook/columns'
import { explainWindow } from './core/explain-window'
import { forward } from './core/forward'
import { listValuesOnly, reverse } from './core/reverse'
import { storeValues, type ValueUpdate } from './core/set-values'
import { allPositions, allViews, objectiveState, viewAt, viewsInOrder } from './core/views'
import { WorkbookState } from './core/workbook-state'
import type { ExplainSource } from './explain/source'
import type { WorkbookDocument } from './workbook/document'

/** Edits after which gradients must be recomputed even if no value changed. */
const STRUCTURAL = new Set(['setName', 'setObjective', 'addSheet', 'renameSheet', 'deleteSheet'])
const SHEET_EDITS = new Set(['addSheet', 'renameSheet', 'deleteSheet'])

/**
 * Options: `tape: false` evaluates every cell on the general path (tests compare the two);
 * `dense` sets the forward pass's dense-mode thresholds (tests make them tiny);
 * `kernelChunk` how many positions the tape's kernels walk per call (tests make it tiny, so
 * passes cross many chunk boundaries: evaluate/tape-ops.ts KERNEL_CHUNK);
 * `alwaysReverse` runs the reverse pass after every value change J reads, even when J is
 * affine and its gradients cannot change (the benchmark's full forward + reverse pass).
 */
export interface EngineOptions {
  tape?: boolean
  alwaysReverse?: boolean
  dense?: { after: number; exitAfter: number }
  kernelChunk?: number
  /** The caller gives the document up; its cells are let go as they are loaded (core/document-io.ts). */
  consumeDocument?: boolean
  /** climem branch: called between reading the document and making the per-cell arrays (core/document-io.ts). */
  afterDocumentRead?: (cells: number) => void
}

export class GraphEngine {
  private w: WorkbookState

  constructor(doc?: WorkbookDocument, options?: EngineOptions) {
    this.w = new WorkbookState(options?.tape !== false)
    this.w.grads.cone.affineAllowed = options?.alwaysReverse !== true
    if (options?.dense) {
      this.w.denseAfter = options.dense.after
      this.w.denseExitAfter = options.dense.exitAfter
    }
    if (options?.kernelChunk !== undefined) this.w.kernelChunk = Math.max(1, Math.floor(options.kernelChunk))
    if (!doc) this.w.sheets.add('Sheet1', {})
    else loadDocument(this.w, doc, options?.consumeDocument === true, options?.afterDocumentRead) // loadmem, climem branches
    this.update()
    this.w.changes.clear()
  }

  /** The passes every update runs: forward from the first dirty cell, reverse when gradients are stale. */
  private update(): void {
    forward(this.w)
    if (this.w.grads.stale) reverse(this.w)
    else listValuesOnly(this.w)
  }

  setValues(updates: ValueUpdate[]): string | null {
    const problem = storeValues(this.w, updates)
    this.update()
    return problem
  }

  apply(edits: Edit[], options?: ApplyOptions): ChangeList {
    const w = this.w
    w.changes.meta.clear()
    // Only a windowed apply may name J's cone whole (core/changes.ts): a listed one keeps exact CellViews.
    w.changes.coneAllowed = options?.views === 'none'
    w.forwardEvaluations = 0
    w.reverseVisits = 0
    const rejected: RejectedEdit[] = []
    let sheetsChanged = false
    // Editing commands (copy, fill, insert rows, …) become primitive edits, each expanded from the state it meets (engine/edits).
    for (const edit of expandInOrder(this, Array.isArray(edits) ? edits : [], rejected, () => forward(w))) {
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
    const { cells, unlisted, changed } = drainChanges(w, options?.views !== 'none')
    w.changes.coneAllowed = false
    const list: ChangeList = {
      cells,
      objective: this.objective(),
      rejected,
      figures: { errorCells: w.errorCells, maxAbsGrad: w.grads.maxAbs },
      stats: { forwardEvaluations: w.forwardEvaluations, reverseVisits: w.reverseVisits },
    }
    if (unlisted !== undefined) list.unlisted = unlisted
    if (changed) list.changed = changed
    if (sheetsChanged) list.sheets = this.sheets()
    return list
  }

  cell(sheet: string, address: string): CellView {
    return viewAt(this.w, sheet, address)
  }

  cells(): CellView[] {
    return allViews(this.w)
  }

  /** appscale (issue 12): every cell's position and every name, no views (the app's windowed load). */
  positions(): { positions: ChangedCells[]; names: { name: string; sheet: string; address: string }[] } {
    return allPositions(this.w)
  }

  /** load branch (issue 12): cells() one view at a time, none kept (the CLI's listing of a large workbook). */
  iterateCells(): Iterable<CellView> {
    return viewsInOrder(this.w)
  }

  sheets(): string[] {
    return this.w.sheets.order.map((sid) => this.w.sheets.name(sid))
  }

  /** A column's display width in px, or null for the default (undo reads it before a resize). */
  columnWidth(sheet: string, column: string): number | null {
    const sid = this.w.sheets.id(sheet)
    return sid < 0 ? null : columnWidths(this.w.sheets.extra(sid)).get(String(column).toUpperCase()) ?? null
  }

  /** edit-ui: every custom column width of a sheet, for the grid's layout (O(custom widths), unlike toDocument). */
  columnWidths(sheet: string): Map<string, number> {
    const sid = this.w.sheets.id(sheet)
    return sid < 0 ? new Map() : columnWidths(this.w.sheets.extra(sid))
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

  /** A top-level document field beside format/version/objective/sheets (graph branch, issue 13: training settings). */
  setDocumentField(key: string, value: unknown): void {
    if (key === 'format' || key === 'version' || key === 'objective' || key === 'sheets') return
    const next = { ...this.w.docExtra }
    if (value === undefined) delete next[key]
    else Object.defineProperty(next, key, { value, enumerable: true, writable: true, configurable: true })
    this.w.docExtra = next
  }

  toDocument(): WorkbookDocument {
    return toDocument(this.w)
  }

  /** The workbook's text as it is now, written a slice at a time (core/document-text.ts). */
  textWriter(): WorkbookTextWriter {
    return workbookTextWriter(this.w)
  }
}

// The engine's entry point: createEngine(doc) → Engine (see engine/api.ts for the data).
import type { ApplyOptions, CellView, ChangeList, ChangedCells, Edit, ObjectiveState } from './api'
import { GraphEngine } from './engine'
import { registerExplainSource } from './explain/source'
import type { WorkbookDocument } from './workbook/document'
import type { WorkbookTextWriter } from './core/document-text'

export * from './api'
export type { WorkbookTextWriter } from './core/document-text'

export interface Engine {
  /** Applies edits incrementally; refused edits are listed in ChangeList.rejected, never thrown. */
  apply(edits: Edit[], options?: ApplyOptions): ChangeList
  /**
   * Training fast path: new values for number/tensor cells without new input text; the
   * next `apply` lists what changed and must write the matching inputs (engine/train).
   */
  setValues?(updates: { sheet: string; address: string; value: number | Float64Array }[]): string | null
  cell(sheet: string, address: string): CellView
  /** Every non-empty cell, sheets in order, row-major. */
  cells(): CellView[]
  /** appscale (issue 12): where every non-empty cell is (1-based, per sheet, as ChangeList.changed) and every cell name, without building views. */
  positions?(): { positions: ChangedCells[]; names: { name: string; sheet: string; address: string }[] }
  /** The cells of cells(), in the same order, made one at a time as the caller reads them (load branch, issue 12: the CLI prints a million). */
  iterateCells?(): Iterable<CellView>
  sheets(): string[]
  /** A column's display width in px, or null for the default (the sheet's `columns` field). */
  columnWidth(sheet: string, column: string): number | null
  /** edit-ui: every custom column width of a sheet (letters → px), without building the document. */
  columnWidths?(sheet: string): Map<string, number>
  objective(): ObjectiveState
  /** "B4" (first sheet), "Sheet1!B4", "'My data'!A1", or a cell name. */
  resolveRef(ref: string): { sheet: string; address: string } | null
  /** The workbook as a document (same shape as loaded, unknown fields preserved). */
  toDocument(): WorkbookDocument
  /**
   * The workbook's text (`serializeDocument(toDocument())`, byte for byte) as it is now,
   * written a slice at a time: edits applied meanwhile do not reach it (core/document-text.ts).
   */
  textWriter(): WorkbookTextWriter
  /**
   * Sets (or, with undefined, removes) a top-level field of the document other than the
   * four SPEC §5 ones, such as the training settings (engine/train/settings.ts). graph branch (issue 13).
   */
  setDocumentField?(key: string, value: unknown): void
}

/** An engine over a validated document (engine/workbook restore), or one empty "Sheet1". */
/**
 * `consumeDocument`: the caller will not read `doc` again, so the engine may empty each
 * sheet's `cells` as it loads them (a 1M-cell file then does not hold the parsed document
 * and the engine together: the CLI's peak memory, issue 12). `alwaysReverse`: run the
 * reverse pass after every value change J reads, even when J's gradients cannot change
 * (docs/engine.md, "An affine J"); for the benchmark's full-pass figure.
 * `afterDocumentRead` (climem branch): called with the cell count once the document's cells are read (and,
 * consumed, let go), before the engine's per-cell arrays are made; the CLI collects the
 * garbage there.
 */
export function createEngine(doc?: WorkbookDocument, options?: { consumeDocument?: boolean; alwaysReverse?: boolean; afterDocumentRead?: (cells: number) => void }): Engine {
  const engine = new GraphEngine(doc, { consumeDocument: options?.consumeDocument, alwaysReverse: options?.alwaysReverse, afterDocumentRead: options?.afterDocumentRead })
  // engine/explain reads the engine's state through this window (no cast, no import cycle).
  registerExplainSource(engine, () => engine.explainSource())
  return engine
}

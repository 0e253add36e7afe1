// What editing commands read from the workbook: a small slice of the public Engine API,
// so engine/edits works on the engine itself (inside `apply`), in the app's worker and
// in tests, and never reaches into engine internals.
import type { CellView } from '../api'
import type { WorkbookDocument } from '../workbook/document'

export interface WorkbookReader {
  /** One cell's view (input, name, param, value) — used for blocks (copy, fill, clear). */
  cell(sheet: string, address: string): CellView
  sheets(): string[]
  /** The whole workbook — used when every formula must be rewritten (move, insert, delete). */
  toDocument(): WorkbookDocument
}

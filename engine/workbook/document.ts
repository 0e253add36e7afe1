// The `.gradsheet` document (SPEC §5) as it lives in memory after the one
// restore/validate step. Unknown extra fields are kept (index signatures) so a save
// writes them back unchanged.

export const FORMAT = 'gradsheet'
export const CURRENT_VERSION = 1

export interface CellEntry {
  input: string
  name?: string
  param?: boolean
  [extra: string]: unknown
}

export interface SheetEntry {
  name: string
  /** Keys are upper-case A1 addresses. */
  cells: Record<string, CellEntry>
  [extra: string]: unknown
}

export interface WorkbookDocument {
  format: typeof FORMAT
  version: typeof CURRENT_VERSION
  /** A name, an address (B4, Sheet1!B4), or null. */
  objective: string | null
  sheets: SheetEntry[]
  [extra: string]: unknown
}

/** The result of reading a file: the document, or a message that says what is wrong. */
export type RestoreResult = { ok: true; doc: WorkbookDocument } | { ok: false; error: string }

// The engine's public contract: what the CLI, the worker and the app see.
// Everything here is plain data (structured-clone safe), so a change list can cross
// the Web Worker boundary as it is.

/** Error codes of SPEC §3. Errors are values, never exceptions. */
export type ErrorCode = '#PARSE!' | '#REF!' | '#CYCLE!' | '#VALUE!' | '#DIV/0!' | '#NUM!' | '#NAME?'

export interface CellError {
  code: ErrorCode
  /** In words a user understands; names the cause (and for #CYCLE! the path A1 → B1 → A1). */
  message: string
}

/** A nested array of numbers: a vector is number[], a matrix number[][]. */
export type Tensor = number[] | number[][]

/** What a cell evaluates to. */
export type CellValue =
  | { kind: 'empty' }
  | { kind: 'number'; value: number }
  | { kind: 'tensor'; shape: number[]; value: Tensor }
  | { kind: 'text'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'error'; error: CellError }

/**
 * ∂J/∂cell. `number`/`tensor` have the shape of the value. `none`: the cell has no
 * gradient (label, empty, boolean, error). `unavailable`: no usable objective (reason
 * says why). `error`: the gradient itself is not finite (sqrt'(0)), shown as #NUM!.
 */
export type CellGrad =
  | { kind: 'number'; value: number }
  | { kind: 'tensor'; value: Tensor }
  | { kind: 'none' }
  | { kind: 'unavailable'; reason: string }
  | { kind: 'error'; error: CellError }

/** A cell as every consumer sees it. `sheet` + `address` ("B4", upper case) identify it. */
export interface CellView {
  sheet: string
  address: string
  input: string
  name?: string
  param?: boolean
  value: CellValue
  grad: CellGrad
}

export interface ObjectiveState {
  /** The objective reference as the workbook stores it (name, address, Sheet!A1), or null. */
  ref: string | null
  /** The resolved cell, "Sheet1!B4", when the reference resolves to a cell. */
  cell: string | null
  /** J's value when it is a finite scalar. */
  value: number | null
  /** Why gradients are unavailable, or null when they are available. */
  unavailableReason: string | null
}

/** One edit. The CLI's --set, the app's typing and undo/redo all go through these. */
export type Edit =
  | { type: 'setInput'; sheet: string; address: string; input: string }
  | { type: 'setName'; sheet: string; address: string; name: string | null }
  /** `param: null` removes the mark altogether (as a file without the field); editing commands and undo use it to restore a cell exactly. */
  | { type: 'setParam'; sheet: string; address: string; param: boolean | null }
  | { type: 'setObjective'; ref: string | null }
  | { type: 'addSheet'; name: string; index?: number }
  | { type: 'renameSheet'; from: string; to: string }
  | { type: 'deleteSheet'; name: string }
  /** A column's display width in px on a sheet (null: the default). Saved as the sheet's optional `columns` field. */
  | { type: 'setColumnWidth'; sheet: string; column: string; width: number | null }
  | CompositeEdit

/**
 * Spreadsheet editing commands. `engine/edits` expands each into the primitive edits
 * above from the workbook's state at that moment (so undo, the CLI and the worker see
 * plain setInput/setName/... edits); the reference arithmetic lives in `engine/formula`.
 * Ranges are "A1:C4" or one cell "B2"; rows and columns are 1-based.
 */
export type CompositeEdit =
  /** Copy the block `from` onto `to` (its top-left cell, or a larger range it tiles evenly); relative references shift by the offset, `$` parts stay, references leaving the sheet become #REF!. `values`: paste the computed values as plain inputs. */
  | { type: 'copyCells'; fromSheet: string; from: string; toSheet: string; to: string; values?: boolean }
  /** Cut and paste: the cells (inputs, names, param marks) move and every formula that pointed at them follows. */
  | { type: 'moveCells'; fromSheet: string; from: string; toSheet: string; to: string }
  /** Ctrl+D / Ctrl+R / the fill handle: `from` is the source block, `to` the whole target (containing `from`, down, up, right or left of it); a numeric series extends, a label ending in a number counts on, formulas shift, other text copies. `copy`: repeat the sources without any series (Ctrl+D, Ctrl+R). */
  | { type: 'fill'; sheet: string; from: string; to: string; copy?: boolean }
  /** Delete on a selection: inputs cleared (names and param marks kept, as Excel keeps names). */
  | { type: 'clearCells'; sheet: string; range: string }
  /** Insert `count` rows before row `at` (1-based); every reference, name, the objective and column data across all sheets is rewritten as Excel does. */
  | { type: 'insertRows'; sheet: string; at: number; count: number }
  /** Delete rows at..at+count-1; references to deleted cells become #REF!, ranges spanning them shrink. */
  | { type: 'deleteRows'; sheet: string; at: number; count: number }
  | { type: 'insertColumns'; sheet: string; at: number; count: number }
  | { type: 'deleteColumns'; sheet: string; at: number; count: number }

/** An edit the engine refused (e.g. a duplicate name): nothing changed, here is why. */
export interface RejectedEdit {
  edit: Edit
  message: string
}

/**
 * What an `apply` changed, so the UI repaints only these cells. Cells whose value or
 * gradient (or input/name/param) changed are listed, including cells that became empty
 * (value.kind === 'empty' and input === '').
 */
export interface ChangeList {
  cells: CellView[]
  objective: ObjectiveState
  /** Present when the list of sheets changed (order as shown in the tabs). */
  sheets?: string[]
  rejected: RejectedEdit[]
  /**
   * Only with `apply(edits, { views: 'none' })`: how many changed cells were left out of
   * `cells` (read the ones on screen with `cell()`). Building a view per changed cell is
   * most of an edit's cost when it reaches 100k cells.
   */
  unlisted?: number
  /**
   * Only with `views: 'none'`: where the changed cells are, per sheet (parallel typed
   * arrays of 1-based rows and columns), so a consumer can tell whether any cell it shows
   * changed without a CellView per changed cell. When an update changed at least half of
   * a large J's cone, the whole cone is named (a superset: docs/engine.md, "Cone listing").
   * Read-only: the arrays may be the engine's own cache, shared by later change lists.
   */
  changed?: ChangedCells[]
  /** Workbook-wide figures kept current by every update (status bar, colour scale). */
  figures?: WorkbookFigures
  stats: {
    /** How many cells' formulas were evaluated by this update's forward pass. */
    forwardEvaluations: number
    /** How many cells the reverse pass visited. */
    reverseVisits: number
  }
}

/** The changed cells of one sheet: cell k is at (rows[k], cols[k]), 1-based. */
export interface ChangedCells {
  sheet: string
  rows: Int32Array
  cols: Int32Array
}

export interface WorkbookFigures {
  /** Cells whose value is an error. */
  errorCells: number
  /** The largest finite |∂J/∂cell| over all number and tensor cells (0 when gradients are unavailable). */
  maxAbsGrad: number
}

/** Options of `apply`. `views: 'none'` computes everything but builds no CellViews (see ChangeList.unlisted and ChangeList.changed). */
export interface ApplyOptions {
  views?: 'all' | 'none'
}

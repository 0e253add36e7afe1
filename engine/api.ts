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
  | { type: 'setParam'; sheet: string; address: string; param: boolean }
  | { type: 'setObjective'; ref: string | null }
  | { type: 'addSheet'; name: string; index?: number }
  | { type: 'renameSheet'; from: string; to: string }
  | { type: 'deleteSheet'; name: string }

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
  stats: {
    /** How many cells' formulas were evaluated by this update's forward pass. */
    forwardEvaluations: number
    /** How many cells the reverse pass visited. */
    reverseVisits: number
  }
}

/** Options of `apply`. `views: 'none'` computes everything but builds no CellViews (see ChangeList.unlisted). */
export interface ApplyOptions {
  views?: 'all' | 'none'
}

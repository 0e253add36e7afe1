// The typed message protocol between the UI thread and the engine worker. Every request
// carries an id; the worker answers each with exactly one response of the same id
// (sent as its JSON text, see engine.worker.ts). Replies come in request order, except
// a workbook's text, written in slices while later requests are answered (text-job.ts).
import type { CellView, ChangeList, Edit, ObjectiveState, WorkbookFigures } from '../../../engine/api'
import type { TrainingRequest, TrainingResponse } from '../training/protocol'
import type { SheetExtent } from './load-layout'
import type { Explanation, GraphData, GraphScope, Step } from '../../../engine/explain/types'

/**
 * Everything the UI needs after a load: the sheets, J, the figures and, for a workbook
 * of more than PART_SIZE cells, only the views of the window on screen; the other cells'
 * views are owed (`streaming`) and pulled when the UI is idle, like those behind a large
 * edit. Extents and names cover the whole workbook, so Ctrl+End, the scrollbar and the
 * name box are right before the rest arrives (worker/load-layout.ts).
 */
export interface Snapshot {
  cells: CellView[]
  sheets: string[]
  objective: ObjectiveState
  /** edit-ui: custom column widths per sheet, the sheets' `columns` field (sheet → column letter → px). */
  columns?: ColumnWidths
  /** The engine's workbook-wide figures (status bar error count, colour scale). */
  figures?: WorkbookFigures
  /** The worker's generation when the snapshot was read (see 'applied'). */
  generation?: number
  /** One past the last used row and column of every sheet with data (exact). */
  extents?: Record<string, SheetExtent>
  /** Every cell name of the workbook → its cell. */
  names?: Record<string, { sheet: string; address: string }>
  /** How many cells' views are still owed (0 or absent: `cells` holds every cell). */
  streaming?: number
}

/** Sheet name → column letter → width in px (only columns with a custom width). */
export type ColumnWidths = Record<string, Record<string, number>>

/** The cells on screen (0-based, inclusive): an edit's reply carries their views (worker/window-views.ts). */
export interface ViewportHint {
  sheet: string
  rows: [number, number]
  cols: [number, number]
}

export type WorkerRequest =
  /** `visible`: the window on screen, whose size the load's first views cover (at the top left of the first sheet). */
  | { id: number; type: 'load'; text: string | null; visible?: ViewportHint }
  | { id: number; type: 'apply'; edits: Edit[]; visible?: ViewportHint }
  /**
   * The workbook's text as of this request, written in slices between other requests; `blob`: as a
   * Blob (Save, the hot-exit backup); `background`: the UI does not show it as "computing…" (the backup).
   */
  | { id: number; type: 'serialize'; form?: 'text' | 'blob'; background?: boolean }
  /** A fresh full snapshot (after sheet-level edits, where re-keying cells is simplest). */
  | { id: number; type: 'snapshot'; visible?: ViewportHint }
  /** Training, randomize, gradient check (renderer/src/training/protocol.ts). */
  | TrainingRequest
  /** The graph view (renderer/src/graph): a scope's nodes and edges, an inspector's cell, the grid's convention badges. */
  | { id: number; type: 'graph'; scope: GraphScope; limit?: number }
  | { id: number; type: 'explain'; sheet: string; address: string }
  /** The convention badges of the cells in `window` (the grid's, with a margin), or of the whole workbook. */
  | { id: number; type: 'conventions'; window?: ViewportHint }
  /** Up to `max` owed views of changed cells outside the window (the UI asks when idle). */
  | { id: number; type: 'pull'; max: number }
  /** The 0-based indices of the non-empty cells along one column (`vertical`) or row: Ctrl+arrow while the UI does not hold every view. */
  | { id: number; type: 'line'; sheet: string; vertical: boolean; index: number }
  /** The views of every cell in a window (after a scroll while changed cells are still streaming in). */
  | { id: number; type: 'window'; window: ViewportHint }

export type WorkerResponse =
  /** `parts`: where the worker's `ms` went (bench:ui's open timeline). */
  | { id: number; type: 'loaded'; snapshot: Snapshot; ms: number; parts?: { restoreMs: number; engineMs: number; viewsMs: number } }
  | { id: number; type: 'loadFailed'; error: string }
  /**
   * `inverses[i]` undoes `edits[i]`, computed from the engine's state before the action; `columns` (edit-ui) comes when the action could change column widths.
   * `changes.cells` holds the changed cells in the grid's window (all of them when few); `streaming` more are owed, pulled as 'refreshed' replies.
   * `generation` counts the worker's updates: a view read at an older generation than one the UI has applied is never painted.
   */
  | { id: number; type: 'applied'; changes: ChangeList; ms: number; /** of `ms`, the engine's apply (the rest: views and the owed queue) */ engineMs?: number; inverses: Edit[][]; columns?: ColumnWidths; generation: number; streaming: number }
  /** Owed views of changed cells outside the window, read at `generation`; `remaining` still owed. */
  | { id: number; type: 'refreshed'; cells: CellView[]; generation: number; remaining: number }
  | { id: number; type: 'window'; cells: CellView[]; generation: number }
  | { id: number; type: 'line'; filled: number[] }
  | { id: number; type: 'serialized'; text: string }
  /** The text as a Blob (`form: 'blob'`): a handle, cloned without its bytes. */
  | { id: number; type: 'serializedBlob'; blob: Blob }
  | { id: number; type: 'snapshot'; snapshot: Snapshot }
  | TrainingResponse
  | { id: number; type: 'graph'; graph: GraphData & { steps: Step[] } }
  | { id: number; type: 'explained'; explanation: Explanation | null }
  | { id: number; type: 'conventions'; cells: string[] }
  | { id: number; type: 'failed'; error: string }

/** Distributes Omit over a union, so each request kind keeps its own fields. */
export type RequestBody = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never

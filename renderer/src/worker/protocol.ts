// The typed message protocol between the UI thread and the engine worker. Every request
// carries an id; the worker answers each with exactly one response of the same id.
import type { CellView, ChangeList, Edit, ObjectiveState } from '../../../engine/api'

/** Everything the UI needs after a load: every non-empty cell, the sheets, J. */
export interface Snapshot {
  cells: CellView[]
  sheets: string[]
  objective: ObjectiveState
}

export type WorkerRequest =
  | { id: number; type: 'load'; text: string | null }
  | { id: number; type: 'apply'; edits: Edit[] }
  | { id: number; type: 'serialize' }
  /** A fresh full snapshot (after sheet-level edits, where re-keying cells is simplest). */
  | { id: number; type: 'snapshot' }

export type WorkerResponse =
  | { id: number; type: 'loaded'; snapshot: Snapshot; ms: number }
  | { id: number; type: 'loadFailed'; error: string }
  | { id: number; type: 'applied'; changes: ChangeList; ms: number }
  | { id: number; type: 'serialized'; text: string }
  | { id: number; type: 'snapshot'; snapshot: Snapshot }
  | { id: number; type: 'failed'; error: string }

/** Distributes Omit over a union, so each request kind keeps its own fields. */
export type RequestBody = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never

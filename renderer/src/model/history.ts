// One undo/redo history for every kind of change. Each entry is a user action: the edits
// that were applied and the edits that undo them (computed before applying).
import type { Edit } from '../../../engine/api'

export interface HistoryEntry {
  label: string
  forward: Edit[]
  inverse: Edit[]
}

export interface History {
  readonly undoStack: readonly HistoryEntry[]
  readonly redoStack: readonly HistoryEntry[]
}

export const emptyHistory = (): History => ({ undoStack: [], redoStack: [] })

/**
 * The state's identity for "modified since save": the last applied entry (null at the
 * start). Undoing back to the saved state gives the saved marker again.
 */
export function savePoint(h: History): HistoryEntry | null {
  return h.undoStack[h.undoStack.length - 1] ?? null
}

const LIMIT = 500

export function record(h: History, entry: HistoryEntry): History {
  if (entry.forward.length === 0) return h
  const undoStack = [...h.undoStack, entry].slice(-LIMIT)
  return { undoStack, redoStack: [] }
}

/** The entry to undo (apply its `inverse`) and the history after it, or null. */
export function undo(h: History): { entry: HistoryEntry; history: History } | null {
  const entry = h.undoStack[h.undoStack.length - 1]
  if (!entry) return null
  return {
    entry,
    history: { undoStack: h.undoStack.slice(0, -1), redoStack: [...h.redoStack, entry] },
  }
}

/** The entry to redo (apply its `forward`) and the history after it, or null. */
export function redo(h: History): { entry: HistoryEntry; history: History } | null {
  const entry = h.redoStack[h.redoStack.length - 1]
  if (!entry) return null
  return {
    entry,
    history: { undoStack: [...h.undoStack, entry], redoStack: h.redoStack.slice(0, -1) },
  }
}

// One undo/redo history for every kind of change. Each entry is a user action: the edits
// that were applied and the edits that undo them (computed before applying).
import type { Edit } from '../../../engine/api'
import type { TrainingSettings } from '../../../engine/train/settings'

export interface HistoryEntry {
  label: string
  forward: Edit[]
  inverse: Edit[]
  /**
   * A change of the workbook's training settings (the Train panel's form, stored as the
   * document's `training` field, not an engine edit): undo stores `before`, redo `after`.
   */
  training?: { before: TrainingSettings; after: TrainingSettings }
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
  if (entry.forward.length === 0 && !entry.training) return h
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

const LABEL_INPUT_CHARS = 32

/** The label of typing into a cell: "Set B2 to 7", "Set C1 to =SUM(A1:A9)", "Clear B2". */
export function inputEditLabel(address: string, input: string): string {
  if (input === '') return `Clear ${address}`
  const oneLine = input.replace(/\s+/g, ' ')
  const shown = oneLine.length > LABEL_INPUT_CHARS ? `${oneLine.slice(0, LABEL_INPUT_CHARS - 1)}…` : oneLine
  return `Set ${address} to ${shown}`
}

/** The Undo/Redo buttons' tooltips: "Undo: set B2 to 7 (Ctrl+Z)", or what the key does when there is nothing. */
export function historyTooltip(h: History, which: 'undo' | 'redo', shortcut: string): string {
  const stack = which === 'undo' ? h.undoStack : h.redoStack
  const entry = stack[stack.length - 1]
  const verb = which === 'undo' ? 'Undo' : 'Redo'
  if (!entry) return `Nothing to ${which} (${shortcut})`
  const label = entry.label.charAt(0).toLowerCase() + entry.label.slice(1)
  return `${verb}: ${label} (${shortcut})`
}

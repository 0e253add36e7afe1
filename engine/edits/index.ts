// Spreadsheet editing commands (engine/api.ts CompositeEdit) expanded into the primitive
// edits the engine applies (setInput, setName, setParam, setObjective, setColumnWidth),
// computed from the workbook's state at that moment. The app's worker expands before it
// computes undo's inverse, so one paste or insert is one exact undo step; the engine's
// `apply` expands too, so the CLI and tests can send the commands directly.
import type { CompositeEdit, Edit, RejectedEdit } from '../api'
import { expandClear, expandCopy } from './copy'
import { expandFill } from './fill'
import { expandMove } from './move'
import type { WorkbookReader } from './reader'
import { expandStructure } from './structure'

export type { WorkbookReader } from './reader'
export { MAX_EXPANDED_EDITS } from './bounds'

const COMPOSITE = new Set<string>(['copyCells', 'moveCells', 'fill', 'clearCells', 'insertRows', 'deleteRows', 'insertColumns', 'deleteColumns'])

export const isComposite = (edit: Edit): edit is CompositeEdit =>
  typeof edit === 'object' && edit !== null && COMPOSITE.has((edit as { type?: unknown }).type as string)

/** One command's primitive edits, or why it is refused (nothing is then changed). */
export function expandEdit(state: WorkbookReader, edit: CompositeEdit): Edit[] | string {
  try {
    switch (edit.type) {
      case 'copyCells':
        return expandCopy(state, edit)
      case 'moveCells':
        return expandMove(state, edit)
      case 'fill':
        return expandFill(state, edit)
      case 'clearCells':
        return expandClear(state, edit)
      case 'insertRows':
      case 'deleteRows':
      case 'insertColumns':
      case 'deleteColumns':
        return expandStructure(state, edit)
    }
  } catch (e) {
    // Malformed fields (a missing range, a wrong type) become a refusal in words, never a crash.
    return `the ${String(edit.type)} edit could not be read: ${e instanceof Error ? e.message : String(e)}`
  }
}

/**
 * Every edit, with each command expanded from the state it meets: a generator, so the
 * caller applies the edits before it (the engine's apply loop) and a later command sees
 * them. Refused commands are added to `rejected` and yield nothing. `settle` brings
 * computed values up to date before a paste of values reads them.
 */
export function* expandInOrder(state: WorkbookReader, edits: Edit[], rejected: RejectedEdit[], settle: () => void): Generator<Edit> {
  for (const edit of edits) {
    if (!isComposite(edit)) {
      yield edit
      continue
    }
    if (edit.type === 'copyCells' && edit.values) settle()
    const expanded = expandEdit(state, edit)
    if (typeof expanded === 'string') rejected.push({ edit, message: expanded })
    else yield* expanded
  }
}

/** All edits expanded against one state (a list with no command after another edit, e.g. one user action). */
export function expandEdits(state: WorkbookReader, edits: Edit[]): { edits: Edit[]; rejected: RejectedEdit[] } {
  const rejected: RejectedEdit[] = []
  return { edits: [...expandInOrder(state, edits, rejected, () => {})], rejected }
}

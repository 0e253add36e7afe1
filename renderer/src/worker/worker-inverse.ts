// Undo's inverse edits, computed in the worker from the engine's state just before an
// action is applied: the engine is the one complete store of cells, so the inverse never
// depends on which cell views the UI thread happens to hold.
import type { Edit } from '../../../engine/api'
import type { createEngine } from '../../../engine/index'
import { inverseOf, type WorkbookBefore } from '../model/inverse-edits'

type Engine = ReturnType<typeof createEngine>

function engineBefore(engine: Engine): WorkbookBefore {
  return {
    cell: (sheet, address) => engine.cell(sheet, address),
    // engine.cells() lists every non-empty cell; only a sheet deletion needs them.
    cellsOfSheet: (sheet) => engine.cells().filter((c) => c.sheet === sheet),
    sheets: () => engine.sheets(),
    objectiveRef: () => engine.objective().ref,
  }
}

/** One inverse per edit (same order), each from the state before the whole action. */
export function inversesBefore(engine: Engine, edits: Edit[]): Edit[][] {
  const before = engineBefore(engine)
  return edits.map((e) => inverseOf(e, before))
}

// A test fixture for the engine's inner parts (binding, J's cone, the tape) on their own:
// one sheet whose inputs are bound to cell ids, with no passes run.
import { parseAddress } from '../address'
import { bind } from '../core/binding'
import { WorkbookState } from '../core/workbook-state'

/** A one-sheet state with the given inputs bound (no passes run), and the id of an address. */
export function boundState(cells: Record<string, string>): { w: WorkbookState; id: (a: string) => number } {
  const w = new WorkbookState()
  const sid = w.sheets.add('Sheet1', {})
  const id = (a: string) => {
    const at = parseAddress(a)!
    return w.ensureCell(sid, at.row, at.col)
  }
  for (const [a, input] of Object.entries(cells)) {
    w.store.input[id(a)] = input
    bind(w, id(a))
  }
  return { w, id }
}

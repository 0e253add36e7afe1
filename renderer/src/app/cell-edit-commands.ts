// Editing one cell, wherever it is typed (the cell editor, the formula bar): begin an
// edit (F2 keeps the input, typing replaces it), commit it as one undoable setInput and
// move on (Enter, Tab: the Tab run returns Enter to the run's first column), or cancel
// it back on the cell it started on.
import { formatAddress } from '../model/address'
import { inputEditLabel } from '../model/history'
import type { Direction } from '../model/navigation'
import { tabMove, type TabRun } from '../model/tab-run'
import type { WorkbookStore } from '../state/workbook-store'
import type { DocumentController } from './document-controller'
import type { SheetView } from './sheet-view'

export function createCellEditCommands(store: WorkbookStore, ctl: DocumentController, view: SheetView) {
  const selectedAddress = () => formatAddress(view.selection())
  const selectedCell = () => store.cell(view.activeSheet(), selectedAddress())
  let tabRun: TabRun | null = null

  function commitEdit(then: Direction | null): void {
    const session = view.editing()
    if (!session) return
    // formula-ui: the edit belongs to the cell it started on, even when point mode shows another sheet.
    const sheet = session.sheet ?? view.activeSheet()
    const home = session.pos ?? view.selection()
    const address = formatAddress(home)
    view.setEditing(null)
    if (session.text !== session.initial) {
      void ctl.act(inputEditLabel(address, session.text), [{ type: 'setInput', sheet, address, input: session.text }])
    }
    // Enter/Tab go on from the edited cell, on its sheet; leaving by a click stays where the click went.
    if (then && sheet !== view.activeSheet()) view.select(home, sheet)
    if (then) moveAfterCommit(then)
  }

  /** Escape: drop the edit, back on the edited cell's sheet and in view (point mode may have scrolled away). */
  function cancelEdit(): void {
    const session = view.editing()
    view.setEditing(null)
    if (session?.sheet && session.sheet !== view.activeSheet()) view.select(session.pos ?? view.selection(), session.sheet)
    else if (session) view.setRange(view.range(), session.pos ?? view.selection())
  }

  /** Tab / Enter (after a commit or on their own): Tab, Tab, Enter returns to the run's first column. */
  function moveAfterCommit(dir: Direction): void {
    const next = tabMove(tabRun, view.selection(), dir)
    tabRun = next.run
    view.select(next.to)
  }

  /** Starts an edit of the selected cell; `text` replaces the input (typing) or keeps it (F2). */
  function beginEdit(origin: 'cell' | 'formulaBar', text?: string): void {
    const initial = selectedCell()?.input ?? ''
    view.setEditing({ origin, text: text ?? initial, initial, sheet: view.activeSheet(), pos: view.selection() })
  }

  return { selectedAddress, selectedCell, commitEdit, cancelEdit, moveAfterCommit, beginEdit }
}

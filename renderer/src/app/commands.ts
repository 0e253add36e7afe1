// The user's commands, shared by the toolbar, the keyboard, the name box and the host's
// menus (bridge.onMenuCommand), so each behaves the same wherever it is invoked.
import type { GradsheetBridge, MenuCommand, OpenedFile } from '../../../bridge/api'
import { cellKey, formatAddress, isValidNameShape, looksLikeAddress, parseAddress, quoteSheet, splitSheetRef, type CellPos } from '../model/address'
import { jump, move, type Direction } from '../model/navigation'
import { inputEditLabel } from '../model/history'
import { setReferenceOpen } from '../formula-help/reference-state'
import { setExportAsOpen } from '../components/export-as' // app-export
import { extendJump, parseRange, rectLabel, selectAll, selectRect, type Selection } from '../model/selection'
import { tabMove, type TabRun } from '../model/tab-run'
import { createBlockCommands } from './block-commands'
import type { WorkbookStore } from '../state/workbook-store'
import type { DocumentController } from './document-controller'
import { fetchThenLoad } from './document-session'
import type { SheetView } from './sheet-view'

export type Commands = ReturnType<typeof createCommands>

export function createCommands(store: WorkbookStore, ctl: DocumentController, view: SheetView, bridge: GradsheetBridge) {
  const selectedAddress = () => formatAddress(view.selection())
  const selectedCell = () => store.cell(view.activeSheet(), selectedAddress())
  // edit-ui: block commands (clear, clipboard, fill, structure, widths) and the Tab run.
  const block = createBlockCommands(store, ctl, view)
  let tabRun: TabRun | null = null
  /** What the name box shows: the cell's name, its address, or the selected range (A1:C4). */
  const selectionLabel = () => {
    const label = rectLabel(view.rect())
    return label.includes(':') ? label : (selectedCell()?.name ?? selectedAddress())
  }

  /**
   * Asks before anything that replaces the workbook (New, Open…, Open Recent, an example)
   * throws away unsaved work: Undo cannot bring a replaced workbook back. The decision is
   * document-session.ts mustAskBeforeReplacing.
   */
  function mayDiscard(): boolean {
    return !ctl.mustAskBeforeReplacing() || window.confirm(`${ctl.doc().name} has unsaved changes. Discard them?`)
  }

  /** recent gone helper: a file the host could not read replaces nothing (document-session.ts fetchThenLoad). */
  async function openWith(fetchFile: () => Promise<OpenedFile | null>): Promise<void> {
    if (!mayDiscard()) return
    await fetchThenLoad(fetchFile, (file) => ctl.open(file), (message) => ctl.setAlert(message))
  }

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

  function moveSelection(dir: Direction): void {
    view.select(move(view.selection(), dir))
  }

  function jumpSelection(dir: Direction): void {
    whenDataKnown(() => view.selection(), dir, (filled, line) => view.select(jump(view.selection(), dir, filled, line)))
  }

  /** Ctrl+Shift+arrow: the selection's corner jumps over data. */
  function extendJumpSelection(dir: Direction): void {
    whenDataKnown(() => view.range().corner, dir, (filled, line) => view.setRange(extendJump(view.range(), dir, filled, line)))
  }

  // appscale (windowed views): while the store does not hold every cell (a large load or
  // edit still streaming in), the line of travel comes from the engine; jumps stay in key order.
  let jumps: Promise<void> = Promise.resolve()
  let jumpsPending = 0
  function whenDataKnown(from: () => CellPos, dir: Direction, go: (filled: (p: CellPos) => boolean, line: number[]) => void): void {
    if (store.complete() && jumpsPending === 0) {
      const { filled, line } = dataAlong(from(), dir)
      return go(filled, line)
    }
    const sheet = view.activeSheet()
    const vertical = dir === 'up' || dir === 'down'
    jumpsPending++
    jumps = jumps.then(async () => {
      const pos = from()
      const line = await ctl.filledAlong(sheet, vertical, vertical ? pos.col : pos.row)
      jumpsPending--
      if (line === null || view.activeSheet() !== sheet) return
      const set = new Set(line)
      go((p) => set.has(vertical ? p.row : p.col), line)
    })
  }

  /** The filled cells along the line of travel from `pos` (navigation.jump's inputs). */
  function dataAlong(pos: CellPos, dir: Direction): { filled: (p: CellPos) => boolean; line: number[] } {
    const sheet = view.activeSheet()
    const vertical = dir === 'up' || dir === 'down'
    const filled = (p: CellPos) => (store.cellAt(cellKey(sheet, formatAddress(p)))?.input ?? '') !== ''
    const line: number[] = []
    for (const c of store.cellsOfSheet(sheet)) {
      if (c.input === '') continue
      const p = parseAddress(c.address)
      if (!p) continue
      if (vertical && p.col === pos.col) line.push(p.row)
      if (!vertical && p.row === pos.row) line.push(p.col)
    }
    return { filled, line }
  }

  /** Delete: clears the whole selection (one clearCells edit, one undo step). */
  function clearSelected(): void {
    block.clearSelection()
  }

  function setObjectiveToSelection(): void {
    const ref = `${quoteSheet(view.activeSheet())}!${selectedAddress()}`
    void ctl.act('Set objective', [{ type: 'setObjective', ref }])
  }

  function toggleParam(): void {
    const sheet = view.activeSheet()
    const address = selectedAddress()
    const param = !(store.cell(sheet, address)?.param ?? false)
    void ctl.act(param ? 'Mark parameter' : 'Unmark parameter', [{ type: 'setParam', sheet, address, param }])
  }

  /** Name box Enter: go to an address / Sheet!address / name, or name the selected cell. */
  function nameBoxEnter(raw: string): boolean {
    const text = raw.trim()
    const sheet = view.activeSheet()
    const address = selectedAddress()
    if (text === '') {
      if (selectedCell()?.name) void ctl.act('Remove name', [{ type: 'setName', sheet, address, name: null }])
      return true
    }
    const ref = splitSheetRef(text)
    if (ref.sheet !== null) {
      const target = store.sheets().find((s) => s === ref.sheet)
      const pos = parseAddress(ref.rest)
      const range = parseRange(ref.rest)
      if (!target) return fail(`There is no sheet named “${ref.sheet}”.`)
      if (!pos && !range) return fail(`“${ref.rest}” is not a cell address (A1 … XFD1048576).`)
      if (pos) view.select(pos, target)
      else {
        view.setActiveSheet(target)
        view.setRange(selectRect(range!), { col: range!.left, row: range!.top })
      }
      return true
    }
    const pos = parseAddress(text)
    if (pos) {
      view.select(pos)
      return true
    }
    // edit-ui: a range (A1:C4, B:D, 2:5) selects the block.
    const range = text.includes(':') ? parseRange(text) : null
    if (range) {
      view.setRange(selectRect(range), { col: range.left, row: range.top })
      return true
    }
    const named = store.findName(text)
    if (named) {
      const p = parseAddress(named.address)
      if (p) view.select(p, named.sheet)
      return true
    }
    if (looksLikeAddress(text)) return fail(`“${text}” is outside the grid: columns run A … XFD and rows 1 … 1048576.`)
    if (isValidNameShape(text)) {
      void ctl.act(`Name ${address}`, [{ type: 'setName', sheet, address, name: text }])
      return true
    }
    return fail(`“${text}” is neither a cell address nor a valid name (letters, digits and _, not starting with a digit).`)
  }

  function fail(message: string): false {
    ctl.setAlert(message)
    return false
  }

  function uniqueSheetName(): string {
    const taken = new Set(store.sheets())
    let n = store.sheets().length + 1
    while (taken.has(`Sheet${n}`)) n++
    return `Sheet${n}`
  }

  async function addSheet(): Promise<void> {
    const name = uniqueSheetName()
    if (await ctl.act(`Add ${name}`, [{ type: 'addSheet', name }])) view.select({ col: 0, row: 0 }, name)
  }

  async function renameSheet(from: string, to: string): Promise<void> {
    const name = to.trim()
    if (name === '' || name === from) return
    // Read before the edit: once the sheets change, the view falls back to the first one.
    const wasActive = view.activeSheet() === from
    if (await ctl.act(`Rename ${from}`, [{ type: 'renameSheet', from, to: name }]) && wasActive) view.setActiveSheet(name)
  }

  function deleteSheet(name: string): void {
    if (store.sheets().length <= 1) return void fail('A workbook keeps at least one sheet.')
    if (!window.confirm(`Delete sheet “${name}”? You can undo this.`)) return
    void ctl.act(`Delete ${name}`, [{ type: 'deleteSheet', name }])
  }

  async function afterStep(entry: Promise<import('../model/history').HistoryEntry | null>): Promise<void> {
    const done = await entry
    // Show where the change happened: the first cell the action touched.
    const first = done?.forward.find((e) => e.type === 'setInput' || e.type === 'setName' || e.type === 'setParam')
    if (first && 'address' in first) {
      const pos = parseAddress(first.address)
      if (pos && store.sheets().includes(first.sheet)) view.select(pos, first.sheet)
    }
  }

  const commands = {
    selectedAddress,
    selectedCell,
    commitEdit,
    beginEdit,
    cancelEdit,
    moveSelection,
    moveAfterCommit,
    jumpSelection,
    extendJumpSelection,
    extendSelection: (next: Selection) => view.setRange(next),
    selectAll: () => view.setRange(selectAll(view.range()), view.selection()),
    selectionLabel,
    block,
    clearSelected,
    setObjectiveToSelection,
    toggleParam,
    nameBoxEnter,
    addSheet,
    renameSheet,
    deleteSheet,
    undo: () => void afterStep(ctl.undo()),
    redo: () => void afterStep(ctl.redo()),
    newWorkbook: () => void openWith(async () => ({ name: 'Untitled.gradsheet', path: null, text: BLANK })),
    open: () => void openWith(() => bridge.showOpenDialog()),
    openExample: (id: string) => void openWith(() => bridge.openExample(id)),
    // recent gone helper: read first, then ask about unsaved work, so a recent file that was moved or deleted asks nothing.
    openRecent: (path: string) => void fetchThenLoad(() => bridge.openPath(path), (file) => ctl.open(file), (message) => ctl.setAlert(message), mayDiscard),
    save: () => void ctl.save(),
    saveAs: () => void ctl.saveAs(),
    toggleGradients: () => void view.setShowGradients((v) => !v),
  }

  function runMenuCommand(cmd: MenuCommand): void {
    if (typeof cmd === 'object') {
      if ('example' in cmd) commands.openExample(cmd.example)
      else commands.openRecent(cmd.openRecent)
      return
    }
    switch (cmd) {
      case 'new': return commands.newWorkbook()
      case 'open': return commands.open()
      case 'save': return commands.save()
      case 'saveAs': return commands.saveAs()
      case 'undo': return commands.undo()
      case 'redo': return commands.redo()
      case 'delete': return void clearSelected()
      case 'selectAll': return commands.selectAll()
      case 'toggleGradients': return commands.toggleGradients()
      case 'zoomIn': return view.zoomBy(1)
      case 'zoomOut': return view.zoomBy(-1)
      case 'zoomReset': return view.zoomBy(0)
      case 'copy': return void block.copy(false)
      case 'paste': return void block.paste(false)
      case 'cut': return void block.copy(true)
      case 'exportAs': return void setExportAsOpen(true) // app-export: File → Export as…
      case 'formulaReference': return void setReferenceOpen(true) // formula-ui: Help › Formula Reference (F1)
      case 'close':
      case 'about':
      case 'toggleGraph':
      case 'exportGraphSvg':
      case 'exportGraphPng':
        // Handled by the host (close, dialogs), by the graph panel (renderer/src/graph), or not applicable to a single-cell selection.
        return
    }
  }

  return { ...commands, runMenuCommand }
}

/** A new workbook: one empty sheet, no objective (the engine's restore step reads it). */
const BLANK = JSON.stringify({ format: 'gradsheet', version: 1, objective: null, sheets: [{ name: 'Sheet1', cells: {} }] })

// While a formula is typed (in the cell editor or the formula bar): point mode (a click,
// drag, arrow key or sheet tab puts a reference at the caret instead of leaving the
// edit), F4, and autocomplete with the help of the function under the caret. The text
// rules live in model/point-mode.ts and model/autocomplete.ts; this file connects them
// to the focused input and the edit session (the mouse side is mouse-pointing.ts).
import { createEffect, createMemo, createSignal } from 'solid-js'
import { CONSTANTS, functionNames } from '../../../engine/functions/table'
import { functionHelp, type FunctionHelp } from '../../../engine/functions/help'
import { parseAddress, type CellPos } from '../model/address'
import { colourReferences, type ReferenceColouring } from '../model/reference-colours'
import { acceptCompletion, callAtCaret, completionsFor, wordAtCaret, type Completion, type Word } from '../model/autocomplete'
import { canPoint, cycleAbsolute, isFormula, pointAt, pointByArrow, type PointedSpan, type PointResult } from '../model/point-mode'
import type { Direction } from '../model/navigation'
import type { SheetView } from '../app/sheet-view'
import type { WorkbookStore } from '../state/workbook-store'
import { installMousePointing, type GridGeometry } from './mouse-pointing'

export type FormulaEditing = ReturnType<typeof createFormulaEditing>

const ARROWS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' }
const FUNCTIONS = functionNames()
const CONSTANT_NAMES = [...CONSTANTS.keys()]

/** What the assist box under the editor shows. */
export interface AssistState {
  items: Completion[]
  index: number
  /** The function whose help is shown: the highlighted completion, or the call around the caret. */
  help: { name: string; help: FunctionHelp; argIndex: number | null } | null
}

export function createFormulaEditing(store: WorkbookStore, view: SheetView) {
  let input: HTMLInputElement | null = null
  let span: PointedSpan | null = null
  let word: Word | null = null
  let names: string[] | null = null
  /** The shown grid's pointer geometry (Grid.tsx lends it), for point-mode drags past its edge. */
  let gridGeometry: GridGeometry | null = null
  const [assist, setAssist] = createSignal<AssistState | null>(null)
  const [anchorRect, setAnchorRect] = createSignal<DOMRect | null>(null)
  /** The block the last pointed reference names, on which sheet: the grid outlines it. */
  const [pointed, setPointed] = createSignal<{ sheet: string; from: CellPos; to: CellPos; corner: CellPos } | null>(null)

  function setSpan(next: PointedSpan | null): void {
    span = next
    if (!next) return void setPointed(null)
    const from = { col: Math.min(next.anchor.col, next.corner.col), row: Math.min(next.anchor.row, next.corner.row) }
    const to = { col: Math.max(next.anchor.col, next.corner.col), row: Math.max(next.anchor.row, next.corner.row) }
    setPointed({ sheet: next.sheet ?? homeSheet(), from, to, corner: next.corner })
  }

  const homeSheet = () => view.editing()?.sheet ?? view.activeSheet()

  const NO_COLOURS: ReferenceColouring = { spans: [], blocks: [] }
  /** The references of the formula being typed, coloured (model/reference-colours.ts); follows every keystroke, empty once the edit ends. */
  const colouring = createMemo<ReferenceColouring>(() => {
    const session = view.editing()
    if (!session || !isFormula(session.text)) return NO_COLOURS
    return colourReferences(session.text, session.sheet ?? view.activeSheet(), (name) => nameTargets().get(name) ?? null)
  })

  /** Where each cell name points, read once per edit (a keystroke must not walk every cell of a large workbook). */
  let targets: Map<string, { sheet: string; pos: CellPos }> | null = null
  function nameTargets(): Map<string, { sheet: string; pos: CellPos }> {
    if (targets) return targets
    targets = new Map()
    for (const sheet of store.sheets()) for (const cell of store.cellsOfSheet(sheet)) {
      const pos = cell.name ? parseAddress(cell.address) : null
      if (cell.name && pos) targets.set(cell.name, { sheet: cell.sheet, pos })
    }
    return targets
  }
  const homePos = (): CellPos => view.editing()?.pos ?? view.selection()

  function workbookNames(): string[] {
    if (names) return names
    return (names = store.names()) // appscale: the store's name index (a windowed load holds every name, not every view)
  }

  /** The editor the user is typing in (the cell editor or the formula bar) took focus. */
  function attach(el: HTMLInputElement): void {
    input = el
    refresh(false)
  }

  function reset(): void {
    setSpan(null)
    word = null
    names = null
    targets = null
    setAssist(null)
  }

  function caret(): { from: number; to: number } {
    return { from: input?.selectionStart ?? 0, to: input?.selectionEnd ?? 0 }
  }

  function text(): string {
    return view.editing()?.text ?? ''
  }

  function write(next: string, at: number): void {
    const session = view.editing()
    if (!session || !input) return
    view.setEditing({ ...session, text: next })
    input.value = next
    input.setSelectionRange(at, at)
  }

  /** Whether a click on a cell now points (rather than leaving the edit). */
  function pointsNow(): boolean {
    if (!view.editing() || !input || document.activeElement !== input) return false
    const { from, to } = caret()
    return canPoint(text(), from, to, span)
  }

  function applyPoint(result: PointResult): void {
    write(result.text, result.caret)
    setSpan(result.span)
    word = null
    refresh(false)
  }

  function pointCell(pos: CellPos, extend: boolean): void {
    const { from, to } = caret()
    const sheet = view.activeSheet() === homeSheet() ? null : view.activeSheet()
    const live = span && from === span.end && to === span.end ? span : null
    if (extend && live) applyPoint(pointAt(text(), from, to, live, live.anchor, pos, live.sheet))
    else applyPoint(pointAt(text(), from, to, live, pos, pos, sheet))
  }

  /** Recomputes the completions (only right after typing) and the help under the caret. */
  function refresh(typed: boolean): void {
    if (!input || !view.editing()) return void setAssist(null)
    const t = text()
    const { from, to } = caret()
    word = typed && from === to ? wordAtCaret(t, from) : null
    const items = word ? completionsFor(word.prefix, FUNCTIONS, workbookNames(), CONSTANT_NAMES) : []
    if (items.length === 0) word = null
    const call = isFormula(t) ? callAtCaret(t, from) : null
    setAnchorRect(input.getBoundingClientRect())
    setAssist(assistFor(items, 0, call))
  }

  function assistFor(items: Completion[], index: number, call: { name: string; argIndex: number } | null): AssistState | null {
    const highlighted = items[index]
    const fromList = highlighted?.kind === 'function' ? functionHelp(highlighted.label) : undefined
    const fromCall = call ? functionHelp(call.name) : undefined
    const help = fromList ? { name: highlighted.label, help: fromList, argIndex: null }
      : fromCall && call ? { name: call.name, help: fromCall, argIndex: call.argIndex } : null
    if (items.length === 0 && !help) return null
    return { items, index, help }
  }

  function highlight(index: number): void {
    const state = assist()
    if (!state || state.items.length === 0) return
    const n = state.items.length
    const call = callAtCaret(text(), caret().from)
    setAssist(assistFor(state.items, (index + n) % n, call))
  }

  function accept(index?: number): void {
    const state = assist()
    if (!state || !word) return
    const item = state.items[index ?? state.index]
    if (!item) return
    const done = acceptCompletion(text(), caret().from, word, item)
    write(done.text, done.caret)
    word = null
    setSpan(null)
    refresh(false)
  }

  function closeList(): void {
    const state = assist()
    word = null
    if (state) setAssist(state.help ? { items: [], index: 0, help: state.help } : null)
  }

  /**
   * A key in the editor. Returns true when it was handled here (the editor then does
   * nothing else with it): the completion list's keys, F4, and arrows in point mode.
   */
  function handleKey(e: KeyboardEvent): boolean {
    if (!view.editing() || !input) return false
    const state = assist()
    const listOpen = !!state && state.items.length > 0 && word !== null
    if (listOpen && !e.ctrlKey && !e.metaKey && !e.altKey) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        highlight(state.index + (e.key === 'ArrowDown' ? 1 : -1))
        return consumed(e)
      }
      if (e.key === 'Tab') {
        accept()
        return consumed(e)
      }
      // Enter accepts, unless the word is already exactly the highlighted completion.
      if (e.key === 'Enter' && state.items[state.index].label !== word!.prefix) {
        accept()
        return consumed(e)
      }
      if (e.key === 'Escape') {
        closeList()
        return consumed(e)
      }
      // The caret leaves the word: the list closes (the help follows the caret on key up).
      if (e.key === 'ArrowLeft' || e.key === 'ArrowRight' || e.key === 'Home' || e.key === 'End') closeList()
    }
    if (e.key === 'F4' && isFormula(text())) {
      const cycled = cycleAbsolute(text(), caret().from)
      if (cycled) {
        write(cycled.text, cycled.caret)
        setSpan(null)
      }
      return consumed(e)
    }
    const dir = ARROWS[e.key]
    if (dir && !e.ctrlKey && !e.metaKey && !e.altKey) {
      const { from, to } = caret()
      if (!canPoint(text(), from, to, span)) return false
      applyPoint(pointByArrow(text(), from, to, span, homePos(), homeSheet(), view.activeSheet(), dir, e.shiftKey))
      return consumed(e)
    }
    return false
  }

  function consumed(e: KeyboardEvent): true {
    e.preventDefault()
    e.stopPropagation()
    return true
  }

  /** The editor's text changed by typing: the pointed reference is no longer "just inserted". */
  function handleInput(): void {
    setSpan(null)
    refresh(true)
  }

  /** The caret moved without typing (click in the text, Home/End): only the help follows it. */
  function handleCaretMove(): void {
    if (word === null) refresh(false)
  }

  /** Shows another sheet while the edit stays on its cell: the typing moves to the formula bar. */
  function showSheet(sheet: string): void {
    const session = view.editing()
    if (!session || !input) return
    const { from, to } = caret()
    view.setActiveSheet(sheet)
    if (session.origin === 'cell') {
      // Unmount the cell editor first (its blur would commit), then type on in the bar.
      view.setEditing({ ...session, origin: 'formulaBar' })
      const bar = document.querySelector<HTMLInputElement>('input.formula-bar')
      if (bar) {
        bar.focus()
        bar.setSelectionRange(from, to)
        input = bar
      }
    } else input.focus()
    setSpan(null)
  }

  /** Installs the mouse side of point mode and forgets the typing state whenever an edit ends. */
  function listen(): void {
    createEffect(() => { if (!view.editing()) reset() })
    installMousePointing({
      pointsNow,
      pointCell,
      pointedCorner: () => span?.corner ?? null,
      editingFormula: () => !!view.editing() && !!input && isFormula(text()),
      showSheet,
      grid: () => gridGeometry,
    })
  }

  return { attach, reset, handleKey, handleInput, handleCaretMove, accept, highlight, assist, anchorRect, pointed, colouring, listen, pointsNow, setGridGeometry: (g: GridGeometry | null) => void (gridGeometry = g) }
}

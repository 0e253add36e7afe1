// The commands that act on the selected block: clear, copy/cut/paste (system clipboard
// as tab-separated text and an HTML table), paste values, fill, insert/delete rows and
// columns, column widths, Ctrl+End. The renderer only chooses what to do; the engine
// expands each composite edit (engine/api.ts CompositeEdit), so one action is one undo
// step and the reference arithmetic lives in one place.
import { createSignal } from 'solid-js'
import type { CellView, Edit } from '../../../engine/api'
import { blockEdits } from '../../../engine/csv/edits'
import { exportedValue } from '../../../engine/csv/serialize'
import { blockToHtml, blockToTsv, pastedBlock, tileBlock } from '../data/paste'
import { estimateTextWidth } from '../grid/text-width'
import { cellKey, columnName, formatAddress, parseAddress, type CellPos } from '../model/address'
import { clampWidth } from '../model/column-layout'
import { fillDownPlan, fillHandlePlan, fillRightPlan, pasteRect, type FillPlan } from '../model/fill'
import { formatGrad, formatValue } from '../model/format'
import { lastUsedCell } from '../model/navigation'
import { clipRect, isSingleCell, isWholeColumns, isWholeRows, rangeAddress, rectSize, selectRect, type Rect } from '../model/selection'
import type { WorkbookStore } from '../state/workbook-store'
import type { DocumentController } from './document-controller'
import type { SheetView } from './sheet-view'

/** What the last Copy or Cut put on the clipboard, so a paste of it shifts references. */
interface InternalClip {
  sheet: string
  rect: Rect
  /** The text/plain written; a clipboard holding other text came from elsewhere. */
  text: string
  cut: boolean
}

/** Above this many cells a block is walked through the sheet's cells, not cell by cell. */
const DIRECT_WALK_LIMIT = 20_000

export type BlockCommands = ReturnType<typeof createBlockCommands>

export function createBlockCommands(store: WorkbookStore, ctl: DocumentController, view: SheetView) {
  // The last copy/cut, also drawn as a dashed outline until it is pasted (cut) or dismissed (Escape).
  const [clipSignal, setClip] = createSignal<InternalClip | null>(null)
  let clip: InternalClip | null = null
  function remember(next: InternalClip | null): void {
    clip = next
    setClip(next)
  }

  /** The used part of a rectangle (whole columns or rows are clipped to the data), or null when it holds nothing. */
  function usedPart(sheet: string, r: Rect): Rect | null {
    const e = store.usedExtent(sheet)
    if (e.rows === 0) return null
    return clipRect(r, { top: 0, left: 0, bottom: e.rows - 1, right: e.cols - 1 })
  }

  /** The stored cells inside a rectangle. */
  function cellsIn(sheet: string, r: Rect): CellView[] {
    const { rows, cols } = rectSize(r)
    const out: CellView[] = []
    if (rows * cols <= DIRECT_WALK_LIMIT) {
      for (let row = r.top; row <= r.bottom; row++) {
        for (let col = r.left; col <= r.right; col++) {
          const c = store.cell(sheet, formatAddress({ col, row }))
          if (c) out.push(c)
        }
      }
      return out
    }
    for (const c of store.cellsOfSheet(sheet)) {
      const p = parseAddress(c.address)
      if (p && p.row >= r.top && p.row <= r.bottom && p.col >= r.left && p.col <= r.right) out.push(c)
    }
    return out
  }

  /** Rows of a function of each cell over the rectangle (empty cells give ''). */
  function blockOf(sheet: string, r: Rect, field: (c: CellView | undefined) => string): string[][] {
    const rows: string[][] = []
    for (let row = r.top; row <= r.bottom; row++) {
      const line: string[] = []
      for (let col = r.left; col <= r.right; col++) line.push(field(store.cellAt(cellKey(sheet, formatAddress({ col, row })))))
      rows.push(line)
    }
    return rows
  }

  function clearSelection(): void {
    const sheet = view.activeSheet()
    const r = usedPart(sheet, view.rect())
    if (!r || cellsIn(sheet, r).every((c) => c.input === '')) return
    const range = rangeAddress(r)
    // One cell is a plain setInput; a block is one clearCells edit the engine expands.
    const edit: Edit = isSingleCell(r) ? { type: 'setInput', sheet, address: range, input: '' } : { type: 'clearCells', sheet, range }
    void ctl.act(`Clear ${range}`, [edit])
  }

  async function writeClipboard(text: string, html: string): Promise<void> {
    try {
      await navigator.clipboard.write([
        new ClipboardItem({ 'text/plain': new Blob([text], { type: 'text/plain' }), 'text/html': new Blob([html], { type: 'text/html' }) }),
      ])
    } catch {
      await navigator.clipboard?.writeText(text).catch(() => undefined)
    }
  }

  /** The selection's values as the clipboard's text and table (what other spreadsheets read). */
  function clipboardPayload(): { sheet: string; rect: Rect; text: string; html: string } {
    const sheet = view.activeSheet()
    const r = usedPart(sheet, view.rect()) ?? { top: view.rect().top, left: view.rect().left, bottom: view.rect().top, right: view.rect().left }
    const block = blockOf(sheet, r, exportedValue)
    return { sheet, rect: r, text: blockToTsv(block), html: blockToHtml(block) }
  }

  /** Ctrl+C / Ctrl+X. `event`: a native copy/cut event whose clipboard data is written directly. */
  async function copy(cut: boolean, event?: ClipboardEvent): Promise<void> {
    const p = clipboardPayload()
    remember({ sheet: p.sheet, rect: p.rect, text: p.text, cut })
    if (event?.clipboardData) {
      event.clipboardData.setData('text/plain', p.text)
      event.clipboardData.setData('text/html', p.html)
      event.preventDefault()
      return
    }
    await writeClipboard(p.text, p.html)
  }

  async function readClipboard(): Promise<string | null> {
    try {
      const text = await navigator.clipboard?.readText()
      return typeof text === 'string' ? text : null
    } catch {
      return null
    }
  }

  /**
   * Ctrl+V / Ctrl+Shift+V. Our own copy pastes through the engine (references shift, a
   * cut moves); text from elsewhere becomes the inputs of the cells from the active one.
   * `given`: the text of a native paste event.
   */
  async function paste(valuesOnly: boolean, given?: string): Promise<void> {
    const text = given ?? (await readClipboard())
    const sheet = view.activeSheet()
    const target = view.rect()
    const ours = clip && (text === null || normalise(text) === normalise(clip.text)) ? clip : null
    if (ours) {
      const { rows, cols } = rectSize(ours.rect)
      const dest = ours.cut ? pasteRect(rows, cols, { ...target, bottom: target.top, right: target.left }) : pasteRect(rows, cols, target)
      const to = rangeAddress(dest)
      const from = rangeAddress(ours.rect)
      const edit: Edit = ours.cut && !valuesOnly
        ? { type: 'moveCells', fromSheet: ours.sheet, from, toSheet: sheet, to: formatAddress({ col: dest.left, row: dest.top }) }
        : { type: 'copyCells', fromSheet: ours.sheet, from, toSheet: sheet, to, values: valuesOnly || undefined }
      // A cut pastes once (as in Excel); the clipboard text stays for other programs.
      if (ours.cut) remember(null)
      if (await ctl.act(`${valuesOnly ? 'Paste values' : ours.cut ? 'Move' : 'Paste'} ${from} to ${to}`, [edit])) view.setRange(selectRect(dest), { col: dest.left, row: dest.top })
      return
    }
    if (text === null) return void ctl.setAlert('Could not read the clipboard: allow clipboard access for this page, or use the menu’s Paste.')
    const block = pastedBlock(text) ?? [[text.replace(/\r?\n$/, '')]]
    const width = Math.max(...block.map((r) => r.length))
    const dest = pasteRect(block.length, width, target)
    const tiled = tileBlock(block, dest.bottom - dest.top + 1, dest.right - dest.left + 1)
    const edits = blockEdits(sheet, dest.top, dest.left, tiled)
    if ('error' in edits) return void ctl.setAlert(`Could not paste: ${edits.error}`)
    if (await ctl.act(`Paste into ${rangeAddress(dest)}`, edits)) view.setRange(selectRect(dest), { col: dest.left, row: dest.top })
  }

  /** `copy`: Ctrl+D / Ctrl+R repeat the sources as they are; the fill handle continues series (engine/edits/fill-series.ts). */
  function runFill(plan: FillPlan | null, copy: boolean): void {
    if (!plan) return
    const sheet = view.activeSheet()
    const to = rangeAddress(plan.to)
    void ctl.act(`Fill ${to}`, [{ type: 'fill', sheet, from: rangeAddress(plan.from), to, ...(copy ? { copy } : {}) }]).then((ok) => {
      if (ok) view.setRange({ ...selectRect(plan.to), active: view.selection() }, view.selection())
    })
  }

  /** The selection clipped to the used rows/columns for fills over whole columns or rows. */
  function fillRect(): Rect {
    const r = view.rect()
    const e = store.usedExtent(view.activeSheet())
    if (isWholeColumns(r)) return { ...r, bottom: Math.max(r.top, e.rows - 1) }
    if (isWholeRows(r)) return { ...r, right: Math.max(r.left, e.cols - 1) }
    return r
  }

  /**
   * Ctrl+Plus / Ctrl+Minus and the header menu. Whole columns selected: columns; otherwise
   * rows (Excel asks in a dialog when cells are selected; rows are its usual answer).
   */
  function structure(kind: 'insert' | 'delete', what?: 'rows' | 'columns'): void {
    const sheet = view.activeSheet()
    const r = view.rect()
    const columns = what ? what === 'columns' : isWholeColumns(r) && !isWholeRows(r)
    if (!columns && isWholeColumns(r)) return void ctl.setAlert('Select rows or columns to insert or delete, not the whole sheet.')
    const at = columns ? r.left + 1 : r.top + 1
    const count = columns ? r.right - r.left + 1 : r.bottom - r.top + 1
    const noun = columns ? (count === 1 ? 'column' : 'columns') : count === 1 ? 'row' : 'rows'
    const where = columns ? `${columnName(r.left)}${count > 1 ? `:${columnName(r.right)}` : ''}` : `${r.top + 1}${count > 1 ? `:${r.bottom + 1}` : ''}`
    const type = kind === 'insert' ? (columns ? 'insertColumns' : 'insertRows') : columns ? 'deleteColumns' : 'deleteRows'
    // The copied block's address no longer names the same cells: forget it (as Excel ends copy mode).
    remember(null)
    void ctl.act(`${kind === 'insert' ? 'Insert' : 'Delete'} ${noun} ${where}`, [{ type, sheet, at, count }])
  }

  /** Column widths (zoom 1) of the active sheet: column index → px. */
  function widthsOf(sheet: string): Map<number, number> {
    const m = new Map<number, number>()
    for (const [letter, w] of Object.entries(store.columnWidths()[sheet] ?? {})) {
      const p = parseAddress(`${letter}1`)
      if (p) m.set(p.col, w)
    }
    return m
  }

  function setColumnWidth(col: number, width: number | null): void {
    const sheet = view.activeSheet()
    const column = columnName(col)
    const w = width === null ? null : clampWidth(width)
    if ((store.columnWidths()[sheet]?.[column] ?? null) === w) return
    void ctl.act(`Width of column ${column}`, [{ type: 'setColumnWidth', sheet, column, width: w }])
  }

  /** Double-click on a header border: the width that shows the column's widest value and gradient. */
  function autofit(col: number): void {
    const sheet = view.activeSheet()
    let widest = 0
    for (const c of store.cellsOfSheet(sheet)) {
      const p = parseAddress(c.address)
      if (!p || p.col !== col) continue
      const value = formatValue(c.value)
      // Numbers and gradients draw in the monospace font, a little wider than the estimate.
      const valueW = estimateTextWidth(value, 1) * (c.value.kind === 'text' ? 1 : 1.12)
      const gradW = estimateTextWidth(formatGrad(c.grad), 1) * 1.12 + 16 // the ∂ mark and the chip's padding
      widest = Math.max(widest, valueW, gradW)
    }
    // An empty column goes back to the default width.
    setColumnWidth(col, widest === 0 ? null : Math.max(40, widest + 18))
  }

  /** The last used row and column of the active sheet (Ctrl+End's target). */
  function lastUsed(): CellPos {
    // appscale (windowed load): until every view has arrived, the worker's exact extent says where the data ends.
    if (!store.complete()) {
      const e = store.usedExtent(view.activeSheet())
      return { col: Math.max(0, e.cols - 1), row: Math.max(0, e.rows - 1) }
    }
    const used = store.cellsOfSheet(view.activeSheet()).filter((c) => c.input !== '').map((c) => parseAddress(c.address)).filter((p) => p !== null)
    return lastUsedCell(used)
  }

  return {
    /** The block on the clipboard (to outline it) and Escape's dismissal of the outline. */
    clipboardSource: () => clipSignal(),
    dismissClipboard: () => setClip(null),
    cellsIn,
    usedPart,
    clearSelection,
    copy,
    paste,
    fillDown: () => runFill(fillDownPlan(fillRect()), true),
    fillRight: () => runFill(fillRightPlan(fillRect()), true),
    fillHandle: (pos: { col: number; row: number }) => runFill(fillHandlePlan(view.rect(), pos), false),
    insert: (what?: 'rows' | 'columns') => structure('insert', what),
    remove: (what?: 'rows' | 'columns') => structure('delete', what),
    widthsOf,
    setColumnWidth,
    autofit,
    lastUsed,
    goToEnd: () => view.select(lastUsed()),
  }
}

/** Clipboards may turn line ends into \n and drop a final one. */
function normalise(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(/\n$/, '')
}

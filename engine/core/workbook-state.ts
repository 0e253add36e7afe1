// The engine's data in one place: the cell store, sheets, names, the schedule, the
// change tracker and the gradients, plus the few lookups every part needs (find or
// create a cell, within the workbook's limits; resolve a reference; label a cell).
// The behaviours live in their own modules (binding, forward, reverse, views, edit
// rules, document I/O) and take this state as their first argument.
import { formatAddress, parseAddress, quoteSheet } from '../address'
import { Tape } from '../evaluate/tape'
import { KERNEL_CHUNK } from '../evaluate/tape-ops'
import { CellStore } from '../graph/store'
import { cellCountProblem } from '../limits'
import { ChangeTracker } from './changes'
import { Gradients } from './gradients'
import type { LoadEstimate } from './load-estimate'
import { LoadArena } from './load-arena'
import { reservePassLists } from './pass-lists'
import { NameTable } from './name-table'
import { Schedule } from './schedule'
import { SheetRegistry } from './sheets'
import { TapeCellList } from './tape-cells'

export class WorkbookState {
  readonly store = new CellStore()
  readonly sheets = new SheetRegistry()
  readonly names = new NameTable()
  readonly schedule = new Schedule()
  readonly changes = new ChangeTracker()
  readonly grads = new Gradients()
  /** Every formula cell with a scalar fast form, lowered into shared typed arrays. */
  readonly tape = new Tape()
  /** The cells with a segment, in order, and how many formula cells have none (core/tape-cells.ts). */
  readonly tapeCells = new TapeCellList()
  /** Formula cells with a sheet-qualified reference (rebound when sheets change). */
  readonly sheetRefUsers = new Set<number>()
  /** Unknown fields of loaded cells, written back on save. */
  readonly cellExtra = new Map<number, Record<string, unknown>>()
  /** Unknown top-level fields of the loaded document, written back by toDocument. */
  docExtra: Record<string, unknown> = {}
  /** The objective as the workbook stores it (name, address, Sheet!A1), or null (the cell named J). */
  objectiveRef: string | null = null
  /** Address strings of cells that have been shown (built on first view). */
  private addressCache: string[] = []
  /** Cells whose value is an error (ChangeList.figures), kept by the forward pass. */
  errorCells = 0
  /** Numbers held by all cells' tensor values (the per-workbook memory budget, engine/limits.ts). */
  tensorElements = 0
  /** Cells whose kind (number, label, error, blank, tensor) changed in the last forward pass. */
  kindChanges = 0
  /** Forward evaluations and reverse visits of the current update (ChangeList.stats). */
  forwardEvaluations = 0
  reverseVisits = 0

  /**
   * While a document loads: edges are not added one by one (the users graph is rebuilt
   * from the precedent rows when the order is first computed), so loading creates no
   * per-cell users list.
   */
  loading = false

  /** The forward pass's dense mode (evaluate/dense-run.ts): enter after this many due cells, leave after this many positions with no change. */
  denseAfter = 256
  denseExitAfter = 512
  /** Positions the tape's kernels walk per call (evaluate/tape-ops.ts KERNEL_CHUNK; tests make it tiny). */
  kernelChunk = KERNEL_CHUNK

  /** `lowerToTape: false` runs every cell on the general path (the reference the tape is tested against). */
  constructor(readonly lowerToTape = true) {}

  existingCell(sid: number, row: number, col: number): number {
    return this.sheets.cells(sid).get(row, col)
  }

  /**
   * Sizes every per-cell array for `n` cells at once (a document about to load), with
   * those the first pass would otherwise make later (the users graph's offsets, the tape
   * cell list, the forward pass's lists, the gradients) and, when `expected` gives their
   * sizes (core/load-estimate.ts), the binding pool and the tape's op records. All of them
   * but the forward pass's lists (shared by every workbook) are cut from one buffer
   * (core/load-arena.ts: why one allocation keeps a million-cell load to one full
   * collection). The gradient arrays hold only zeros until the first reverse pass, and the
   * load's ordering works in them meanwhile (core/binding.ts layoutLoaded).
   */
  reserveCells(n: number, expected?: LoadEstimate | null): void {
    const arena = new LoadArena(loadArenaBytes(n, expected))
    this.store.reserve(n, arena)
    const capacity = this.store.capacity
    this.schedule.grow(capacity, arena)
    this.changes.grow(capacity, arena)
    this.tape.reserveForLoad(capacity, expected?.tapeOps ?? 0, arena)
    this.grads.grow(capacity, arena)
    this.store.users.reserve(capacity, arena)
    this.tapeCells.reserve(capacity, arena)
    if (expected) this.store.bindings.expect(expected.poolEntries, arena)
    reservePassLists(capacity)
  }

  ensureCell(sid: number, row: number, col: number): number {
    const cells = this.sheets.cells(sid)
    const found = cells.get(row, col)
    if (found >= 0) return found
    const id = this.store.add(sid, row, col)
    cells.set(row, col, id)
    if (id >= this.schedule.order.length) {
      this.schedule.grow(this.store.capacity)
      this.changes.grow(this.store.capacity)
      this.tape.growCells(this.store.capacity)
    }
    this.schedule.append(id)
    return id
  }

  /** The cell's id, creating it unless the workbook is at its cell limit (then why not). */
  cellWithinLimit(sid: number, row: number, col: number): number | string {
    const found = this.existingCell(sid, row, col)
    if (found >= 0) return found
    return cellCountProblem(this.store.count) ?? this.ensureCell(sid, row, col)
  }

  /** Why a range's missing cells cannot all be created, or null (counts only when near the limit). */
  rangeCellsProblem(sid: number, row0: number, col0: number, rows: number, cols: number): string | null {
    if (!cellCountProblem(this.store.count, rows * cols)) return null
    const cells = this.sheets.cells(sid)
    let missing = 0
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) if (cells.get(row0 + i, col0 + j) < 0) missing++
    return cellCountProblem(this.store.count, missing)
  }

  /** Whether the cell holds anything a user put there (input, name or param mark). */
  hasContent(id: number): boolean {
    return this.store.input[id] !== '' || this.names.hasName(id) || this.store.param[id] !== 0
  }

  addressOf(id: number): string {
    // loadmem branch (issue 12): the cache is made on the first view, not per loaded cell (8 B a cell the CLI's listing never uses),
    // filled at once to the store's capacity (never written sparsely: that would fall back to dictionary mode).
    if (id >= this.addressCache.length) this.addressCache = this.addressCache.concat(new Array<string>(Math.max(id + 1, this.store.capacity) - this.addressCache.length).fill(''))
    return (this.addressCache[id] ||= formatAddress(this.store.row[id], this.store.col[id]))
  }

  /** "B4" from the same sheet, "Sheet2!B4" from another. */
  label(id: number, fromSheet: number): string {
    const s = this.store
    const a = formatAddress(s.row[id], s.col[id])
    return s.sheet[id] === fromSheet ? a : `${quoteSheet(this.sheets.name(s.sheet[id]))}!${a}`
  }

  /** A sheet name and address as given by an edit, or why they name no cell. */
  locate(sheet: string, address: string): { sid: number; row: number; col: number } | string {
    const sid = typeof sheet === 'string' ? this.sheets.id(sheet) : -1
    if (sid < 0) return `there is no sheet named "${String(sheet)}"`
    const at = typeof address === 'string' ? parseAddress(address) : null
    if (!at) return `"${String(address)}" is not a cell address (columns A to XFD, rows 1 to 1048576)`
    return { sid, ...at }
  }

  /** "B4" (first sheet), "Sheet1!B4", "'My data'!A1", or a cell name → the cell it means, or null. */
  resolveRef(ref: string): { sheet: string; address: string } | null {
    if (typeof ref !== 'string') return null
    const t = ref.trim()
    const named = this.names.idOf(t)
    if (named !== undefined) {
      const s = this.store
      return { sheet: this.sheets.name(s.sheet[named]), address: formatAddress(s.row[named], s.col[named]) }
    }
    const m = /^(?:'((?:[^']|'')+)'|([^!']+))!(.+)$/.exec(t)
    let sid = this.sheets.order[0]
    let address = t
    if (m) {
      sid = this.sheets.id(m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2].trim())
      if (sid < 0) return null
      address = m[3]
    }
    const at = parseAddress(address)
    if (!at) return null
    return { sheet: this.sheets.name(sid), address: formatAddress(at.row, at.col) }
  }
}

/** Bytes of the arrays WorkbookState.reserveCells cuts from its arena for `n` cells (each rounded up to 8 bytes: 24 arrays at most). */
function loadArenaBytes(n: number, expected?: LoadEstimate | null): number {
  const perCell =
    4 * 3 + 1 + 8 + 1 + // store: sheet, row, col, kind, num, param
    4 * 4 + // binding table: slotStart, slots, start, count
    4 * 2 + 1 + // schedule: order, pos, dirty
    1 + 4 + // change tracker: flags, ids
    8 * 2 + // gradients: num, next
    4 * 2 + // users graph: offsets, live lengths
    4 // tape cell list
  const estimated = expected ? 4 * expected.poolEntries : 0
  return perCell * n + 4 + Tape.loadBytes(n, expected?.tapeOps ?? 0) + estimated + 24 * 8
}

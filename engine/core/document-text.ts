// The workbook's `.gradsheet` text written a slice at a time from a snapshot taken at once,
// so the worker can keep answering edits while a large workbook is backed up or saved.
// Writing a 1M-cell workbook's text in one go held the worker for ~2.5 s (the document
// object of a million entries, then the serializer parsing every key back and sorting);
// with a pause between edits, an Enter that met the hot-exit backup waited that long
// (docs/benchmarks.md, "A pause between edits at 1M"). The snapshot copies what an edit may
// change (each cell's position, input, name and param mark, in row-major order; the
// document's and sheets' other fields already printed), so the text is the workbook as it
// was when the snapshot was taken, whatever is edited meanwhile. The pieces joined are
// byte for byte `serializeDocument(toDocument())` (workbook/serialize.ts owns the layout).
import { formatAddress } from '../address'
import type { CellEntry } from '../workbook/document'
import { CELL_SEPARATOR, cellLine, cellsClose, cellsOpen, plainCellText, serializeFrame } from '../workbook/serialize'
import { toDocument } from './document-io'
import type { WorkbookState } from './workbook-state'

export interface WorkbookTextWriter {
  /** The next piece of the text, with up to `maxCells` cells' lines; null once it is all written. */
  next(maxCells: number): string | null
}

/** One sheet's cells as they were, row-major. */
interface SheetSnapshot {
  count: number
  rows: Int32Array
  cols: Int32Array
  inputs: string[]
  /** By position in the snapshot: names, param marks (1 true, 2 false) and unknown fields, where a cell has them. */
  names: Map<number, string>
  params: Map<number, boolean>
  extras: Map<number, Record<string, unknown>>
}

export function workbookTextWriter(w: WorkbookState): WorkbookTextWriter {
  const { pieces, indent } = serializeFrame(toDocument(w, false))
  const sheets = w.sheets.order.map((sid) => snapshotSheet(w, sid))
  const inner = indent + '  '
  let sheet = -1
  let at = 0
  return {
    next(maxCells: number): string | null {
      if (sheet >= sheets.length) return null
      const out: string[] = []
      if (sheet < 0) {
        out.push(pieces[0])
        sheet = 0
      }
      let budget = Math.max(1, maxCells)
      while (sheet < sheets.length && budget > 0) {
        const s = sheets[sheet]
        if (at === 0) out.push(cellsOpen(s.count))
        const end = Math.min(s.count, at + budget)
        for (let k = at; k < end; k++) {
          if (k > 0) out.push(CELL_SEPARATOR)
          out.push(lineOf(s, k, inner))
        }
        budget -= end - at
        at = end
        if (at < s.count) break
        if (s.count > 0) out.push(cellsClose(indent))
        out.push(pieces[sheet + 1])
        sheet++
        at = 0
      }
      return out.join('')
    },
  }
}

function lineOf(s: SheetSnapshot, k: number, inner: string): string {
  const key = formatAddress(s.rows[k], s.cols[k])
  const extra = s.extras.get(k)
  const name = s.names.get(k)
  const param = s.params.get(k)
  // An address is letters and digits: quoted as JSON.stringify would.
  if (extra === undefined) return `${inner}"${key}": ${plainCellText(s.inputs[k], name, param)}`
  // The rare cell with unknown fields: the same entry toDocument makes, through the general path.
  const entry: CellEntry = { ...extra, input: s.inputs[k] }
  if (name !== undefined) entry.name = name
  if (param !== undefined) entry.param = param
  return cellLine(key, entry, inner)
}

function snapshotSheet(w: WorkbookState, sid: number): SheetSnapshot {
  const store = w.store
  const ids = rowMajor(w, w.sheets.cells(sid).ids.filter((id) => w.hasContent(id) || w.cellExtra.has(id)))
  const count = ids.length
  const rows = new Int32Array(count)
  const cols = new Int32Array(count)
  const inputs = new Array<string>(count)
  const names = new Map<number, string>()
  const params = new Map<number, boolean>()
  const extras = new Map<number, Record<string, unknown>>()
  for (let k = 0; k < count; k++) {
    const id = ids[k]
    rows[k] = store.row[id]
    cols[k] = store.col[id]
    inputs[k] = store.input[id]
    const name = w.names.nameOf(id)
    if (name !== undefined) names.set(k, name)
    if (store.param[id]) params.set(k, store.param[id] === 1)
    // Never changed in place (an edit deletes it): keeping the object is a snapshot.
    const extra = w.cellExtra.get(id)
    if (extra !== undefined) extras.set(k, extra)
  }
  return { count, rows, cols, inputs, names, params, extras }
}

/** The cells by row, then column: as they are when already so (a loaded file's cells), else two stable counting passes. */
function rowMajor(w: WorkbookState, ids: number[]): Int32Array {
  const { row, col } = w.store
  const out = Int32Array.from(ids)
  let sorted = true
  let maxRow = 0
  let maxCol = 0
  for (let k = 0; k < out.length; k++) {
    const id = out[k]
    if (row[id] > maxRow) maxRow = row[id]
    if (col[id] > maxCol) maxCol = col[id]
    if (k > 0 && sorted) {
      const p = out[k - 1]
      if (row[p] > row[id] || (row[p] === row[id] && col[p] > col[id])) sorted = false
    }
  }
  if (sorted) return out
  const byCol = countingSort(out, col, maxCol)
  return countingSort(byCol, row, maxRow)
}

/** `ids` ordered by `key[id]` (0 … max), ties in their order. */
function countingSort(ids: Int32Array, key: ArrayLike<number>, max: number): Int32Array {
  const starts = new Int32Array(max + 2)
  for (let k = 0; k < ids.length; k++) starts[key[ids[k]] + 1]++
  for (let v = 1; v < starts.length; v++) starts[v] += starts[v - 1]
  const out = new Int32Array(ids.length)
  for (let k = 0; k < ids.length; k++) out[starts[key[ids[k]]]++] = ids[k]
  return out
}

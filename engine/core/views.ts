// CellViews: what a cell looks like from outside (engine/api.ts), built from the store
// and the gradients on demand. Errors name their origin and cycle path as the viewer
// sees them (a cell of another sheet is "Sheet2!A1").
import type { CellGrad, CellValue, CellView, ChangedCells, ObjectiveState } from '../api'
import { formatAddress } from '../address'
import { Kind } from '../graph/store'
import { Err, nestedOf, type Tensor } from '../values'
import type { WorkbookState } from './workbook-state'

const notFinite = (): CellGrad => ({
  kind: 'error',
  error: { code: '#NUM!', message: 'the gradient is not finite here (the objective is not differentiable at this point, e.g. sqrt at 0)' },
})

/** The data with any -0 as 0 (shown and sent as 0, as scalars are); the same array when there is none. */
function positiveZeros(data: Float64Array): Float64Array {
  for (let i = 0; i < data.length; i++) if (data[i] === 0 && 1 / data[i] < 0) return data.map((x) => (x === 0 ? 0 : x))
  return data
}

function errorView(w: WorkbookState, e: Err, viewer: number): CellValue {
  let message = e.message
  if (e.path) {
    // Long cycles show their two ends: a message must stay short even for a 100k-cell cycle.
    const p = e.path
    const shown = p.length <= 12 ? p.map((id) => w.label(id, viewer))
      : [...p.slice(0, 5).map((id) => w.label(id, viewer)), `… ${p.length - 10} more …`, ...p.slice(-5).map((id) => w.label(id, viewer))]
    message += ': ' + shown.join(' → ')
  }
  if (e.origin !== undefined) message += ` (in ${w.label(e.origin, viewer)})`
  return { kind: 'error', error: { code: e.code, message } }
}

function valueView(w: WorkbookState, id: number): CellValue {
  const s = w.store
  switch (s.kind[id]) {
    case Kind.Empty:
      return { kind: 'empty' }
    case Kind.Number:
      return { kind: 'number', value: s.num[id] }
    case Kind.Tensor: {
      const t = s.obj[id] as Tensor
      return { kind: 'tensor', shape: [...t.shape], value: nestedOf(t.shape, positiveZeros(t.data)) }
    }
    case Kind.Text:
      return { kind: 'text', value: s.obj[id] as string }
    case Kind.Boolean:
      return { kind: 'boolean', value: s.obj[id] as boolean }
    default:
      return errorView(w, s.obj[id] as Err, s.sheet[id])
  }
}

function gradView(w: WorkbookState, id: number): CellGrad {
  const grads = w.grads
  if (grads.reason !== null) return { kind: 'unavailable', reason: grads.reason }
  const s = w.store
  if (s.kind[id] === Kind.Number) {
    const g = grads.numberOf(id)
    return Number.isFinite(g) ? { kind: 'number', value: g === 0 ? 0 : g } : notFinite()
  }
  if (s.kind[id] === Kind.Tensor) {
    const t = s.obj[id] as Tensor
    const g = grads.tensor.get(id) ?? new Float64Array(t.size)
    if (!g.every(Number.isFinite)) return notFinite()
    return { kind: 'tensor', value: nestedOf(t.shape, positiveZeros(g)) }
  }
  return { kind: 'none' }
}

export function viewOf(w: WorkbookState, id: number, cacheAddress = true): CellView {
  const s = w.store
  const v: CellView = {
    sheet: w.sheets.name(s.sheet[id]),
    // load branch (issue 12): a one-time walk over every cell (forEachView) keeps no address strings.
    address: cacheAddress ? w.addressOf(id) : formatAddress(s.row[id], s.col[id]),
    input: s.input[id],
    value: valueView(w, id),
    grad: gradView(w, id),
  }
  const name = w.names.nameOf(id)
  if (name !== undefined) v.name = name
  if (s.param[id]) v.param = s.param[id] === 1
  return v
}

/** The view of any address, existing or not (a bad sheet or address is a #REF! view). */
export function viewAt(w: WorkbookState, sheet: string, address: string): CellView {
  const at = w.locate(sheet, address)
  if (typeof at === 'string')
    return { sheet: String(sheet), address: String(address), input: '', value: { kind: 'error', error: { code: '#REF!', message: at } }, grad: { kind: 'none' } }
  const id = w.existingCell(at.sid, at.row, at.col)
  if (id >= 0) return viewOf(w, id)
  return {
    sheet: w.sheets.name(at.sid),
    address: formatAddress(at.row, at.col),
    input: '',
    value: { kind: 'empty' },
    grad: w.grads.reason !== null ? { kind: 'unavailable', reason: w.grads.reason } : { kind: 'none' },
  }
}

/** Every cell with content, sheets in tab order, row-major. */
export function allViews(w: WorkbookState): CellView[] {
  return [...viewsInOrder(w, true)]
}

/**
 * The same cells as allViews, one view at a time and none kept (load branch, issue 12):
 * `gradsheet eval` prints a million cells without holding a million views.
 */
export function* viewsInOrder(w: WorkbookState, cacheAddress = false): Generator<CellView> {
  for (const sid of w.sheets.order) {
    const ids = contentIdsInOrder(w, sid)
    for (let i = 0; i < ids.length; i++) yield viewOf(w, ids[i], cacheAddress)
  }
}

/**
 * A sheet's cells with content, row by row. climem branch (issue 12, peak memory of
 * `gradsheet eval`): one exact Int32Array, sorted only when the cells are not already in
 * order (a loaded sheet usually is). A filtered and sorted JS array cost ~25 MB of
 * old-space garbage per pass at 1M cells (the filter's doubling copies, sort's work
 * arrays), which no collection freed before the listing ended: +48 MB of peak.
 */
function contentIdsInOrder(w: WorkbookState, sid: number): Int32Array {
  const s = w.store
  const all = w.sheets.cells(sid).ids
  let n = 0
  for (let i = 0; i < all.length; i++) if (w.hasContent(all[i])) n++
  const ids = new Int32Array(n)
  let sorted = true
  for (let i = 0, k = 0; i < all.length; i++) {
    const id = all[i]
    if (!w.hasContent(id)) continue
    if (k > 0) {
      const last = ids[k - 1]
      if (s.row[last] > s.row[id] || (s.row[last] === s.row[id] && s.col[last] > s.col[id])) sorted = false
    }
    ids[k++] = id
  }
  if (!sorted) ids.sort((a, b) => s.row[a] - s.row[b] || s.col[a] - s.col[b])
  return ids
}

/**
 * Where every non-empty cell is (1-based rows and columns per sheet, as ChangeList.changed)
 * and every cell name, without building a view: the app's windowed load (appscale, issue 12).
 */
export function allPositions(w: WorkbookState): { positions: ChangedCells[]; names: { name: string; sheet: string; address: string }[] } {
  const s = w.store
  const positions: ChangedCells[] = []
  const names: { name: string; sheet: string; address: string }[] = []
  for (const sid of w.sheets.order) {
    const ids = w.sheets.cells(sid).ids
    const rows = new Int32Array(ids.length)
    const cols = new Int32Array(ids.length)
    let n = 0
    for (const id of ids) {
      if (!w.hasContent(id)) continue
      rows[n] = s.row[id]
      cols[n] = s.col[id]
      n++
      const name = w.names.nameOf(id)
      if (name !== undefined) names.push({ name, sheet: w.sheets.name(sid), address: w.addressOf(id) })
    }
    positions.push({ sheet: w.sheets.name(sid), rows: rows.subarray(0, n), cols: cols.subarray(0, n) })
  }
  return { positions, names }
}

export function objectiveState(w: WorkbookState): ObjectiveState {
  const id = w.grads.jId
  const s = w.store
  const live = id >= 0 && w.sheets.alive(s.sheet[id])
  return {
    ref: w.objectiveRef,
    cell: w.grads.jCell,
    value: live && s.kind[id] === Kind.Number ? s.num[id] : null,
    unavailableReason: w.grads.reason,
  }
}

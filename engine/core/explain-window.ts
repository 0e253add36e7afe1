// The read-only window engine/explain reads (explain/source.ts defines its shape): the
// store, the order and the gradients of the last pass, so explanations use the very
// numbers and derivative rules the engine used.
import type { ExplainSource } from '../explain/source'
import { Kind } from '../graph/store'
import { viewOf } from './views'
import type { WorkbookState } from './workbook-state'

export function explainWindow(w: WorkbookState): ExplainSource {
  const s = w.store
  const sched = w.schedule
  const grads = w.grads
  return {
    store: s,
    order: sched.order,
    pos: sched.pos,
    orderLen: sched.length,
    objectiveId: grads.reason === null ? grads.jId : -1,
    gradReason: grads.reason,
    objectiveCone: grads.reason === null && grads.jId >= 0 && !grads.cone.stale ? { has: (id) => grads.cone.has(id), size: grads.cone.count } : null,
    sheetName: (sid) => (w.sheets.states[sid]?.alive ? w.sheets.name(sid) : null),
    sheetIds: () => [...w.sheets.order],
    cellId: (sheet, address) => {
      const at = w.locate(sheet, address)
      return typeof at === 'string' ? -1 : w.existingCell(at.sid, at.row, at.col)
    },
    cellsIn: (sheet, rows, cols) => cellsIn(w, sheet, rows, cols),
    nameOf: (id) => w.names.nameOf(id),
    inCycle: (id) => sched.cycleErr.has(id),
    hasContent: (id) => w.hasContent(id),
    gradOf: (id) => (grads.reason !== null ? null : s.kind[id] === Kind.Tensor ? grads.tensor.get(id) ?? null : grads.numberOf(id)),
    view: (id) => viewOf(w, id),
    addressOf: (id) => w.addressOf(id),
  }
}

/** ExplainSource.cellsIn: a lookup per position for a block smaller than the workbook, else one scan of the store. */
function cellsIn(w: WorkbookState, sheet: string, rows: [number, number], cols: [number, number]): number[] {
  const sid = w.sheets.id(sheet)
  const out: number[] = []
  const [top, bottom] = rows
  const [left, right] = cols
  if (sid < 0 || bottom < top || right < left) return out
  const s = w.store
  if ((bottom - top + 1) * (right - left + 1) <= s.count) {
    const cells = w.sheets.cells(sid)
    for (let r = top; r <= bottom; r++)
      for (let c = left; c <= right; c++) {
        const id = cells.get(r, c)
        if (id >= 0) out.push(id)
      }
    return out
  }
  for (let id = 0; id < s.count; id++)
    if (s.sheet[id] === sid && s.row[id] >= top && s.row[id] <= bottom && s.col[id] >= left && s.col[id] <= right) out.push(id)
  // Row by row, as the lookups give them.
  return out.sort((a, b) => s.row[a] - s.row[b] || s.col[a] - s.col[b])
}

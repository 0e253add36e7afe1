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
    sheetName: (sid) => (w.sheets.states[sid]?.alive ? w.sheets.name(sid) : null),
    sheetIds: () => [...w.sheets.order],
    cellId: (sheet, address) => {
      const at = w.locate(sheet, address)
      return typeof at === 'string' ? -1 : w.existingCell(at.sid, at.row, at.col)
    },
    nameOf: (id) => w.names.nameOf(id),
    inCycle: (id) => sched.cycleErr.has(id),
    hasContent: (id) => w.hasContent(id),
    gradOf: (id) => (grads.reason !== null ? null : s.kind[id] === Kind.Tensor ? grads.tensor.get(id) ?? null : grads.numberOf(id)),
    view: (id) => viewOf(w, id),
    addressOf: (id) => w.addressOf(id),
  }
}

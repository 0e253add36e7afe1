// The training fast path (engine/train): new values for number or tensor cells without
// new input text. Marks their users dirty; the caller runs the passes, and the next
// `apply` lists what changed (and must write the inputs that match the values).
import { Kind } from '../graph/store'
import { Tensor } from '../values'
import type { WorkbookState } from './workbook-state'

export type ValueUpdate = { sheet: string; address: string; value: number | Float64Array }

/** Stores the new values; returns why a cell could not be set, or null. */
export function storeValues(w: WorkbookState, updates: ValueUpdate[]): string | null {
  const s = w.store
  for (const u of updates) {
    const at = w.locate(u.sheet, u.address)
    const id = typeof at === 'string' ? -1 : w.existingCell(at.sid, at.row, at.col)
    if (id < 0) return `${u.sheet}!${u.address} is not a cell with a value`
    const v = u.value
    if (typeof v === 'number') {
      if (s.kind[id] !== Kind.Number || !Number.isFinite(v)) return `${u.address} does not hold a number or the new value is not finite`
      if (s.num[id] === v) continue
      s.num[id] = v === 0 ? 0 : v // -0 is stored as 0, as evaluate does
    } else {
      const old = s.obj[id]
      if (s.kind[id] !== Kind.Tensor || !(old instanceof Tensor) || old.size !== v.length) return `${u.address} does not hold a tensor of ${v.length} numbers`
      s.obj[id] = new Tensor(old.shape, v.slice())
    }
    w.changes.touch(id)
    w.grads.valueChanged(id)
    s.users.forEach(id, (user) => {
      if (!w.schedule.inCycle(user)) w.schedule.markDirty(user)
    })
  }
  return null
}

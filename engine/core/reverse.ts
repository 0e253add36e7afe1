// The reverse pass: one sweep from J down the order gives ∂J/∂c for every cell, with
// contributions from all paths added up; cells whose gradient changed are touched.
import { formatAddress, parseAddress } from '../address'
import { fastBackward } from '../evaluate/fast'
import { runBackward } from '../evaluate/run'
import { Kind } from '../graph/store'
import type { Adj, Err } from '../values'
import type { WorkbookState } from './workbook-state'

/** The objective cell id, or the reason there is no usable one. */
function objectiveTarget(w: WorkbookState): { id: number; reason: string | null } {
  const s = w.store
  const g = w.grads
  let id = -1
  let what: string
  g.jCell = null
  if (w.objectiveRef === null) {
    id = w.names.idOf('J') ?? -1
    if (id < 0) return { id, reason: 'no objective: name a cell J or choose an objective cell' }
    what = 'J'
  } else {
    const at = w.resolveRef(w.objectiveRef)
    if (!at) return { id, reason: `the objective "${w.objectiveRef}" is not a cell of this workbook` }
    g.jCell = `${at.sheet}!${at.address}`
    const where = parseAddress(at.address)!
    id = w.existingCell(w.sheets.id(at.sheet), where.row, where.col)
    what = w.objectiveRef
    if (id < 0) return { id, reason: `the objective ${what} is empty` }
  }
  g.jCell = `${w.sheets.name(s.sheet[id])}!${formatAddress(s.row[id], s.col[id])}`
  switch (s.kind[id]) {
    case Kind.Number:
      return { id, reason: null }
    case Kind.Empty:
      return { id, reason: `the objective ${what} is empty` }
    case Kind.Error:
      return { id, reason: `the objective ${what} is in error (${(s.obj[id] as Err).code})` }
    case Kind.Tensor:
      return { id, reason: `the objective ${what} is a vector or matrix, not a single number` }
    default:
      return { id, reason: `the objective ${what} is not a number` }
  }
}

/** One reverse pass: ∂J/∂c for every cell; touches the cells whose gradient changed. */
export function reverse(w: WorkbookState): void {
  const s = w.store
  const sched = w.schedule
  const grads = w.grads
  const n = s.count
  const target = objectiveTarget(w)
  const gnew = new Float64Array(n)
  const tnew = new Map<number, Float64Array>()
  grads.jId = target.id
  if (target.reason === null) {
    gnew[target.id] = 1
    const sink = (id: number, adj: Adj): void => {
      const k = s.kind[id]
      if (k === Kind.Number) gnew[id] += adj as number
      else if (k === Kind.Tensor && typeof adj !== 'number') {
        const t = tnew.get(id)
        if (t) for (let i = 0; i < t.length; i++) t[i] += adj[i]
        else tnew.set(id, adj.slice())
      }
    }
    const cycles = sched.cycleErr.size > 0
    for (let p = sched.pos[target.id]; p >= 0; p--) {
      const id = sched.order[p]
      const b = s.binding[id]
      if (!b || (cycles && sched.cycleErr.has(id))) continue
      const k = s.kind[id]
      let adj: Adj | undefined
      if (k === Kind.Number) {
        if (gnew[id] === 0) continue
        adj = gnew[id]
      } else if (k === Kind.Tensor) {
        adj = tnew.get(id)
        if (!adj) continue
      } else continue
      w.reverseVisits++
      const fp = typeof adj === 'number' ? b.fast : null
      if (!fp || !fastBackward(s, b, fp, adj as number, gnew)) runBackward(s, b, adj, sink)
    }
  }
  const old = grads.num
  for (let id = 0; id < n; id++) {
    const a = id < old.length ? old[id] : 0
    const b = gnew[id]
    if (a !== b && !(a !== a && b !== b)) w.changes.touch(id)
  }
  for (const [id, t] of tnew) {
    const o = grads.tensor.get(id)
    if (!o || o.length !== t.length || o.some((x, i) => x !== t[i])) w.changes.touch(id)
  }
  for (const id of grads.tensor.keys()) if (!tnew.has(id)) w.changes.touch(id)
  if (target.reason !== grads.reason) w.changes.touchAll(n)
  grads.num = gnew
  grads.tensor = tnew
  grads.reason = target.reason
  grads.stale = false
}

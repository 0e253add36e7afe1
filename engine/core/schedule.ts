// The persistent evaluation order and what is due in it: order/pos arrays, a dirty flag
// per cell, the first dirty position, and the cycles found the last time the order was
// computed. A new cell is appended at the end (nothing can use it yet); the order is
// recomputed only when an edge points forward in it or a cycle's edges change.
import { computeOrder, cyclePath, type PrecedentRows } from '../graph/order'
import { Err } from '../values'
import { freshArrays, type ArrayMaker } from './load-arena'

/** Cycles longer than this report one shared path instead of one per member. */
const PER_MEMBER_PATH_LIMIT = 200

export class Schedule {
  order = new Int32Array(1024)
  pos = new Int32Array(1024)
  dirty = new Uint8Array(1024)
  length = 0
  /** The order must be recomputed before the next pass. */
  stale = false
  /** How many cells are flagged dirty. */
  pending = 0
  minDirtyPos = Infinity
  /** #CYCLE! per cycle member; empty when the workbook has no cycle. */
  cycleErr = new Map<number, Err>()
  /** Bumped when the order of existing cells changes (core/tape-cells.ts rebuilds its list then). */
  version = 0

  grow(capacity: number, make: ArrayMaker = freshArrays): void {
    if (capacity <= this.order.length) return
    const order = make.int32(capacity)
    order.set(this.order)
    this.order = order
    const pos = make.int32(capacity)
    pos.set(this.pos)
    this.pos = pos
    const dirty = make.uint8(capacity)
    dirty.set(this.dirty)
    this.dirty = dirty
  }

  /** Puts a new cell (no users yet) at the end of the order. */
  append(id: number): void {
    this.order[this.length] = id
    this.pos[id] = this.length++
  }

  markDirty(id: number): void {
    if (this.dirty[id]) return
    this.dirty[id] = 1
    this.pending++
    if (this.pos[id] < this.minDirtyPos) this.minDirtyPos = this.pos[id]
  }

  /** Whether `id` is a member of a cycle. */
  inCycle(id: number): boolean {
    return this.cycleErr.size > 0 && this.cycleErr.has(id)
  }

  /** Recomputes the order and the cycles; cells whose cycle error changed become dirty. `spare`: arrays the search may overwrite. */
  reorder(count: number, rows: PrecedentRows, spare?: Int32Array[]): void {
    // Written in place: the order into this.order, with this.pos as the search's scratch (set again right after); `spare`: more scratch (graph/order.ts).
    const { order, cycles } = computeOrder(count, rows, { order: this.order, scratch: this.pos, spare })
    for (let p = 0; p < order.length; p++) this.pos[order[p]] = p
    const next = new Map<number, Err>()
    for (const members of cycles) {
      const set = new Set(members)
      const shared = members.length > PER_MEMBER_PATH_LIMIT ? cyclePath(members[0], set, rows) : null
      for (const m of members) next.set(m, new Err('#CYCLE!', 'circular reference', undefined, shared ?? cyclePath(m, set, rows)))
    }
    for (const [id, e] of this.cycleErr) if (!next.get(id)?.sameAs(e)) this.markDirty(id)
    for (const id of next.keys()) if (!this.cycleErr.has(id)) this.markDirty(id)
    this.cycleErr = next
    this.minDirtyPos = 0
    this.stale = false
    this.version++
  }

  /** After a pass: only cells inside cycles can be left flagged (their value is fixed). */
  settle(): void {
    if (this.pending > 0) {
      this.dirty.fill(0)
      this.pending = 0
    }
    this.minDirtyPos = Infinity
  }
}

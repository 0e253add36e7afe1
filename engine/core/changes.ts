// What the current update changed: a flag per cell plus the list of flagged ids (typed:
// an edit can flag every cell), and the cells whose input, name or param changed
// (listed even when their value did not change).
//
// Cone listing (issue 12, "report gradient changes without a per-cell diff where a
// cheaper rule exists"): in an update with `views: 'none'`, value changes inside a large
// J's cone are set aside (`deferred`) until the reverse pass has counted the cone's
// changed gradients. When at least half the cone changed, the whole cone is listed at
// once (`coneListed`) instead of flagging its cells one by one: a superset of the exact
// list (a cone cell whose value and gradient both stayed the same is named too), which
// core/change-list.ts copies from a per-cone cache of positions. Otherwise (one input of
// a SUM over 100k cells: 2 changes) the set-aside ids are flagged and the list is exact.
import { freshArrays, type ArrayMaker } from './load-arena'
import type { ObjectiveCone } from './cone'

/** Smallest J's cone listed whole: below it, exact per-cell listing is cheap, and small workbooks keep exact change lists. */
export const CONE_LISTING_MIN = 4096

export class ChangeTracker {
  private flagged = new Uint8Array(1024)
  private ids = new Int32Array(1024)
  private count = 0
  /** Cells whose input, name or param changed in this update. */
  readonly meta = new Set<number>()
  /** Whether this update may list J's cone whole (set by an apply with `views: 'none'`). */
  coneAllowed = false
  /** Every cell of `cone` counts as touched (the cone as it was when it was listed). */
  private listedCone: ObjectiveCone | null = null
  /** Changed values inside J's cone, not flagged yet (see above). */
  private deferred = new Int32Array(1024)
  private deferredCount = 0

  get coneListed(): boolean {
    return this.listedCone !== null
  }

  grow(capacity: number, make: ArrayMaker = freshArrays): void {
    if (capacity <= this.flagged.length) return
    const f = make.uint8(capacity)
    f.set(this.flagged)
    this.flagged = f
    const ids = make.int32(capacity)
    ids.set(this.ids)
    this.ids = ids
  }

  touch(id: number): void {
    if (this.flagged[id]) return
    this.flagged[id] = 1
    this.ids[this.count++] = id
  }

  /** Flags the first `count` ids of `ids` (one pass's changed values, recorded at once). */
  touchMany(ids: Int32Array, count: number): void {
    const flagged = this.flagged
    const list = this.ids
    let n = this.count
    for (let k = 0; k < count; k++) {
      const id = ids[k]
      if (flagged[id]) continue
      flagged[id] = 1
      list[n++] = id
    }
    this.count = n
  }

  /**
   * Records one pass's changed values: when the cone may be listed whole, those inside
   * a large, current cone are set aside for the reverse pass and the others flagged; else
   * each is flagged. `cells`: how many cell ids the store has (when the cone has as many,
   * every id is in it).
   */
  valuesChanged(ids: Int32Array, count: number, cone: ObjectiveCone, cells: number): void {
    if (!this.coneAllowed || cone.stale || cone.count < CONE_LISTING_MIN) {
      this.touchMany(ids, count)
      return
    }
    if (this.deferred.length < this.deferredCount + count) {
      const grown = new Int32Array(Math.max(this.deferredCount + count, this.deferred.length * 2))
      grown.set(this.deferred.subarray(0, this.deferredCount))
      this.deferred = grown
    }
    if (cone.count === cells) {
      // Every cell is in the cone (a chain, a stencil, a model whose J reads it all): one copy, no test per id.
      this.deferred.set(ids.subarray(0, count), this.deferredCount)
      this.deferredCount += count
      return
    }
    this.deferredCount = setAside(ids, count, cone.flags, this.deferred, this.deferredCount, this.flagged, this.ids, this.count)
    this.count = flaggedAfter
  }

  /** How many changed values inside the cone are set aside. */
  get setAside(): number {
    return this.deferredCount
  }

  /** Flags the set-aside ids (the cone is about to change, or will not be listed whole). */
  flushSetAside(): void {
    this.touchMany(this.deferred, this.deferredCount)
    this.deferredCount = 0
  }

  /** Lists `cone` whole: its cells count as touched, set-aside ids included. */
  listCone(cone: ObjectiveCone): void {
    this.listedCone = cone
    this.deferredCount = 0
  }

  /** Turns a listed cone into flagged ids (a listed apply needs each id). */
  materializeCone(): void {
    const cone = this.listedCone
    if (cone === null) return
    this.listedCone = null
    this.touchMany(cone.ids, cone.count)
  }

  /** Flags every id below `n` (all gradients changed). */
  touchAll(n: number): void {
    for (let id = 0; id < n; id++) this.touch(id)
  }

  get length(): number {
    return this.count
  }

  /**
   * The flagged ids in flag order, as a view valid until the next touch, and the listed
   * cone (null: none); clears both.
   */
  take(): { ids: Int32Array; cone: ObjectiveCone | null } {
    if (this.listedCone === null) this.flushSetAside()
    else this.deferredCount = 0
    const ids = this.ids.subarray(0, this.count)
    const flagged = this.flagged
    for (let t = 0; t < ids.length; t++) flagged[ids[t]] = 0
    this.count = 0
    const cone = this.listedCone
    this.listedCone = null
    return { ids, cone }
  }

  /** Forgets every flag without visiting (after the first pass of a load). */
  clear(): void {
    for (let t = 0; t < this.count; t++) this.flagged[this.ids[t]] = 0
    this.count = 0
    this.meta.clear()
    this.listedCone = null
    this.deferredCount = 0
  }
}

/** The flag count `setAside` ended with (a module slot: no store on an object after its loop). */
let flaggedAfter = 0

/**
 * The loop of `valuesChanged`: ids inside the cone go to `aside` (from `asideCount`), the
 * others are flagged; returns the new set-aside count and leaves the flag count in `flaggedAfter`. A plain
 * function over arrays with nothing after its loop, so its on-stack compilation stays
 * valid from one update to the next.
 */
function setAside(ids: Int32Array, count: number, inCone: Uint8Array, aside: Int32Array, asideCount: number, flagged: Uint8Array, list: Int32Array, flaggedBefore: number): number {
  let n = flaggedBefore
  let a = asideCount
  for (let k = 0; k < count; k++) {
    const id = ids[k]
    if (inCone[id] === 1) aside[a++] = id
    else if (!flagged[id]) {
      flagged[id] = 1
      list[n++] = id
    }
  }
  flaggedAfter = n
  return a
}

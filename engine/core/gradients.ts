// ∂J/∂cell as the last reverse pass left it: a Float64Array for number cells (zero
// outside J's cone), a Float64Array per tensor cell, the objective's id and cell, J's
// cone, and why gradients are unavailable (null when they are available). `stale` says
// whether anything the gradients depend on changed since that pass.
import { ObjectiveCone } from './cone'
import { freshArrays, type ArrayMaker } from './load-arena'

export class Gradients {
  num = new Float64Array(0)
  /** The next pass's accumulator: all zeros between passes. */
  next = new Float64Array(0)
  tensor = new Map<number, Float64Array>()
  reason: string | null = 'not computed yet'
  /** Whether anything gradients depend on (values in J's cone, formulas, names, objective, sheets) changed. */
  stale = true
  readonly cone = new ObjectiveCone()
  /** The largest finite |∂J/∂cell| of the last pass (0 when unavailable). */
  maxAbs = 0
  /** The objective's id (-1: none). */
  jId = -1
  /** The objective's resolved cell ("Sheet1!B4"), existing or not, or null. */
  jCell: string | null = null

  /** A formula, name, sheet or the objective changed: gradients and J's cone must be recomputed. */
  structureChanged(): void {
    this.stale = true
    this.cone.stale = true
  }

  /** A cell's value changed: gradients are stale only if J reads it. */
  valueChanged(id: number): void {
    if (!this.stale && this.cone.matters(id)) this.stale = true
  }

  /**
   * The first `count` ids of `ids` changed value: gradients are stale if J reads any of
   * them, unless J is affine in its cone (core/cone.ts) and no cell changed kind
   * (`kindsChanged`): then every gradient is what it was.
   */
  valuesChanged(ids: Int32Array, count: number, kindsChanged: boolean): void {
    if (!this.stale && !kindsChanged && !this.cone.stale && this.cone.affine) return
    for (let k = 0; k < count && !this.stale; k++) if (this.cone.matters(ids[k])) this.stale = true
  }

  /** ∂J/∂cell of a number cell (0 outside J's cone). */
  numberOf(id: number): number {
    return id < this.num.length ? this.num[id] : 0
  }

  /**
   * Lends both gradient arrays' memory, as Int32Arrays, to `use` while they hold only
   * zeros (a workbook loading, before its first reverse pass), then zeroes them again.
   * The load's ordering works in them instead of allocating ~16 MB per million cells
   * (core/binding.ts layoutLoaded).
   */
  lendWhileZero(use: (spare: Int32Array[]) => void): void {
    use([new Int32Array(this.num.buffer, this.num.byteOffset, this.num.length * 2), new Int32Array(this.next.buffer, this.next.byteOffset, this.next.length * 2)])
    this.num.fill(0)
    this.next.fill(0)
  }

  /** Makes both gradient arrays hold ids below `capacity`. */
  grow(capacity: number, make: ArrayMaker = freshArrays): void {
    if (this.num.length >= capacity) return
    const num = make.float64(capacity)
    num.set(this.num)
    this.num = num
    this.next = make.float64(capacity)
  }
}

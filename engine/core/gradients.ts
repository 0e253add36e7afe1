// ∂J/∂cell as the last reverse pass left it: one Float64Array for number cells, a
// Float64Array per tensor cell, the objective's id and cell, and why gradients are
// unavailable (null when they are available). `stale` says whether anything the
// gradients depend on changed since that pass.

export class Gradients {
  num = new Float64Array(0)
  tensor = new Map<number, Float64Array>()
  reason: string | null = 'not computed yet'
  /** Whether anything gradients depend on (values, formulas, names, objective, sheets) changed. */
  stale = true
  /** The objective's id (-1: none). */
  jId = -1
  /** The objective's resolved cell ("Sheet1!B4"), existing or not, or null. */
  jCell: string | null = null

  /** A formula, name, sheet or the objective changed: gradients must be recomputed. */
  structureChanged(): void {
    this.stale = true
  }

  /** The adjoint of a cell (number or tensor), or null when gradients are unavailable. */
  numberOf(id: number): number {
    return id < this.num.length ? this.num[id] : 0
  }
}

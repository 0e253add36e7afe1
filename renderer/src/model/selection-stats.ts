// What the status bar says about a selection: Sum, Average and Count of its numbers (as
// every spreadsheet does) and its gradient: Σ ∂J/∂cell and the largest |∂J/∂cell|, which
// say how much J moves if the whole block moves together and which cell matters most.
// A vector or matrix cell contributes each of its entries. Pure, tested in Node.
import type { CellView, Tensor } from '../../../engine/api'

export interface SelectionStats {
  /** How many numbers (scalars plus tensor entries) the selection holds. */
  count: number
  sum: number
  /** null when count is 0. */
  average: number | null
  /** How many gradient numbers there are (0: no gradient line is shown). */
  gradCount: number
  gradSum: number
  /** The largest |∂J/∂cell| and the cell that has it. */
  gradMaxAbs: number
  gradMaxAt: string | null
}

function each(t: Tensor, f: (x: number) => void): void {
  for (const x of t as (number | number[])[]) {
    if (Array.isArray(x)) for (const y of x) f(y)
    else f(x)
  }
}

export function selectionStats(cells: Iterable<CellView>): SelectionStats {
  const s: SelectionStats = { count: 0, sum: 0, average: null, gradCount: 0, gradSum: 0, gradMaxAbs: 0, gradMaxAt: null }
  const addValue = (x: number) => {
    s.count++
    s.sum += x
  }
  for (const c of cells) {
    if (c.value.kind === 'number') addValue(c.value.value)
    else if (c.value.kind === 'tensor') each(c.value.value, addValue)
    const addGrad = (g: number) => {
      s.gradCount++
      s.gradSum += g
      if (s.gradMaxAt === null || Math.abs(g) > s.gradMaxAbs) {
        s.gradMaxAbs = Math.abs(g)
        s.gradMaxAt = c.address
      }
    }
    if (c.grad.kind === 'number') addGrad(c.grad.value)
    else if (c.grad.kind === 'tensor') each(c.grad.value, addGrad)
  }
  s.average = s.count > 0 ? s.sum / s.count : null
  return s
}

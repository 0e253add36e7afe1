// The spreadsheet's reading of a range argument (SUM, AVERAGE, COUNT, … by their
// upper-case names): empty cells, labels and booleans inside a range are skipped, not
// read as 0. The evaluator hands such functions a RangeNumbers (the range's shape, 0 at
// skipped cells, and a mask saying which cells hold numbers); the helpers below flatten
// only the numbers and spread a gradient back so that skipped cells receive nothing.
import { elementCountProblem } from '../limits'
import { Err, Tensor, toNumber, type Adj, type V } from '../values'

export class RangeNumbers extends Tensor {
  constructor(
    shape: number[],
    data: Float64Array,
    /** 1 where the cell holds a number, 0 where it is skipped. */
    readonly isNumber: Uint8Array,
  ) {
    super(shape, data)
  }
}

const counts = (a: Tensor, i: number): boolean => !(a instanceof RangeNumbers) || a.isNumber[i] === 1

/** The numbers of the arguments in order: skipped range cells left out, direct arguments as numbers. */
export function numbersOf(args: V[], name: string): Float64Array | Err {
  let n = 0
  for (const a of args) {
    if (a instanceof RangeNumbers) for (let i = 0; i < a.size; i++) n += a.isNumber[i]
    else n += a instanceof Tensor ? a.size : 1
  }
  const tooMany = elementCountProblem(n, `${name} of these arguments`)
  if (tooMany) return new Err('#VALUE!', tooMany)
  const out = new Float64Array(n)
  let k = 0
  for (const a of args) {
    if (a instanceof Tensor) {
      for (let i = 0; i < a.size; i++) if (counts(a, i)) out[k++] = a.data[i]
    } else {
      // A label or error given directly (not inside a range) is still an error.
      const x = toNumber(a, name)
      if (x instanceof Err) return x
      out[k++] = x
    }
  }
  return out
}

/** The inverse of numbersOf: per-argument adjoints, 0 at skipped range cells. */
export function spreadBack(args: V[], flat: Float64Array): Adj[] {
  const res: Adj[] = []
  let k = 0
  for (const a of args) {
    if (a instanceof Tensor) {
      const g = new Float64Array(a.size)
      for (let i = 0; i < a.size; i++) if (counts(a, i)) g[i] = flat[k++]
      res.push(g)
    } else res.push(flat[k++])
  }
  return res
}

// The math.js baseline's input: per cell its address, expression text, the addresses
// it reads (for the dependents index) and, for SUM/AVERAGE, the range's addresses.
import { a1 } from './address.ts'
import { opReads, rangeRefs, type Workload } from './ops.ts'
import { formulaText, mathjsRef } from './print.ts'

export interface MathjsCell {
  address: string
  /** A number for an input, expression text for a formula. */
  content: number | string
  reads: string[]
  /** Addresses bound to the symbol RANGE before evaluating (SUM/AVERAGE cells). */
  range?: string[]
}

export function buildMathjsCells(workload: Workload, n: number): MathjsCell[] {
  const out: MathjsCell[] = []
  workload.cells(n, (at, op) => {
    if (op.code === 'const') { out.push({ address: a1(at), content: op.value, reads: [] }); return }
    const cell: MathjsCell = { address: a1(at), content: formulaText(op, 'mathjs', mathjsRef), reads: opReads(op).map(a1) }
    if (op.code === 'sum' || op.code === 'mean') cell.range = rangeRefs(op.range).map(a1)
    out.push(cell)
  })
  return out
}

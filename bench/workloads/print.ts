// Prints an op as a formula in each system's dialect. Names (w, b) are gradsheet's own;
// HyperFormula gets absolute addresses and math.js gets plain addresses instead.
import { a1, absoluteA1 } from './address.ts'
import type { Op, Ref } from './ops.ts'

export type Dialect = 'gradsheet' | 'hyperformula' | 'mathjs'

/** How a cell reference is written: gradsheet may use the cell's name. */
export type RefPrinter = (r: Ref) => string

const rangeText = (op: { range: { from: Ref; to: Ref } }): string =>
  a1(op.range.from) + ':' + a1(op.range.to)

/**
 * The formula text without the leading '='. For math.js a range is written as the
 * symbol `RANGE`, which the math.js baseline binds to the range's values before evaluating.
 */
export function formulaText(op: Exclude<Op, { code: 'const' }>, dialect: Dialect, cell: RefPrinter): string {
  const tanh = dialect === 'hyperformula' ? 'TANH' : 'tanh'
  switch (op.code) {
    case 'affine': return op.k1 === 1 ? `${cell(op.a)}+${op.k0}` : `${cell(op.a)}*${op.k1}+${op.k0}`
    case 'tanhStep': return `${cell(op.a)}+${op.k}*${tanh}(${cell(op.a)})`
    case 'lin2': return `${op.ka}*${cell(op.a)}+${op.kb}*${cell(op.b)}`
    case 'muladd': return `${cell(op.a)}*${cell(op.b)}+${cell(op.c)}`
    case 'sqdiff': return `(${cell(op.a)}-${cell(op.b)})^2`
    case 'sum': return dialect === 'mathjs' ? 'sum(RANGE)' : `SUM(${rangeText(op)})`
    case 'mean': return dialect === 'mathjs' ? 'mean(RANGE)' : `AVERAGE(${rangeText(op)})`
    case 'neuron': return `${tanh}(${op.w.map((w, k) => `${cell(w)}*${cell(op.x[k])}`).join('+')}+${cell(op.b)})`
  }
}

export const hyperformulaRef: RefPrinter = absoluteA1
export const mathjsRef: RefPrinter = a1

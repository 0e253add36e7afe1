// ∂J/∂cell in words, for the hover text of a ∂ chip: "raising x by 0.01 raises J by about
// 2.16". Pure (unit-tested): the first-order meaning of a gradient, with a small step.
import type { CellGrad } from '../../../engine/api'

const STEP = 0.01

/** 2.16, 0.0039, -13 → short, readable numbers (3 significant digits, no trailing zeros). */
export function roughly(n: number): string {
  if (n === 0) return '0'
  const abs = Math.abs(n)
  const text = abs >= 1e-4 && abs < 1e6 ? String(Number(abs.toPrecision(3))) : abs.toExponential(2).replace(/\.?0+e/, 'e')
  return text
}

export function gradInWords(label: string, grad: CellGrad, objective = 'J'): string | null {
  if (grad.kind === 'number') {
    const g = grad.value
    if (g === 0) return `∂${objective}/∂${label} = 0: changing ${label} a little does not change ${objective}.`
    return `∂${objective}/∂${label} = ${g}: raising ${label} by ${STEP} ${g > 0 ? 'raises' : 'lowers'} ${objective} by about ${roughly(g * STEP)}.`
  }
  if (grad.kind === 'tensor') {
    const flat = (grad.value as (number | number[])[]).flat() as number[]
    const top = flat.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a), 0)
    return `∂${objective}/∂${label} has one entry per element: raising one element by ${STEP} changes ${objective} by up to about ${roughly(Math.abs(top) * STEP)} (the largest entry is ${top}).`
  }
  if (grad.kind === 'error') return `∂${objective}/∂${label} is ${grad.error.code}: ${grad.error.message}`
  return null
}

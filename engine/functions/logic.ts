// Comparisons, boolean logic and conditionals. Comparisons pass no gradient (derivative
// 0); a conditional sends the gradient only to the branch it took (SPEC §4).
import { Err, Tensor, shapeText, type V } from '../values'
import { DISCRETE, branch } from './conventions'
import type { FnDef } from './types'

/** Truth of a condition: booleans, or numbers (non-zero is true). */
export function truth(v: V, name: string): boolean | Err {
  if (typeof v === 'boolean') return v
  if (typeof v === 'number') return v !== 0
  if (v instanceof Err) return v
  if (typeof v === 'string') return new Err('#VALUE!', `${name} got the label "${v}" where a true/false condition is needed`)
  return new Err('#VALUE!', `${name} needs a single true/false condition, got a ${shapeText(v)}`)
}

function comparison(name: string, test: (a: number | string, b: number | string) => boolean): FnDef {
  return {
    name,
    min: 2,
    max: 2,
    convention: DISCRETE,
    value([a, b]) {
      const x = typeof a === 'boolean' ? +a : a
      const y = typeof b === 'boolean' ? +b : b
      if (x instanceof Tensor || y instanceof Tensor) return new Err('#VALUE!', `${name} compares single values, got a ${shapeText(a)} and a ${shapeText(b)}`)
      if (typeof x !== typeof y) return name === 'equal' ? false : name === 'unequal' ? true : new Err('#VALUE!', `${name} cannot compare a ${shapeText(a)} with a ${shapeText(b)}`)
      return test(x as number | string, y as number | string)
    },
  }
}

function connective(name: string, all: boolean): FnDef {
  return {
    name,
    min: 1,
    max: Infinity,
    convention: DISCRETE,
    value(args) {
      let acc = all
      for (const a of args) {
        const items: V[] = a instanceof Tensor ? Array.from(a.data) : [a]
        for (const item of items) {
          const t = truth(item, name)
          if (t instanceof Err) return t
          acc = all ? acc && t : acc || t
        }
      }
      return acc
    },
  }
}

function not(name: string): FnDef {
  return {
    name,
    min: 1,
    max: 1,
    convention: DISCRETE,
    value([a]) {
      const t = truth(a, name)
      return t instanceof Err ? t : !t
    },
  }
}

/** a xor b (math.js's operator and function): true when exactly one of the two is true. */
const xor: FnDef = {
  name: 'xor',
  min: 2,
  max: 2,
  convention: DISCRETE,
  value([a, b]) {
    const x = truth(a, 'xor')
    if (x instanceof Err) return x
    const y = truth(b, 'xor')
    return y instanceof Err ? y : x !== y
  },
}

/** IF(c, a, b) and c ? a : b. Only the taken branch's errors and gradient matter. */
function conditional(name: string, min: number, branches: [string, string, string]): FnDef {
  return {
    name,
    min,
    max: 3,
    convention: branch(...branches),
    seesErrors: true,
    value(args) {
      const t = truth(args[0], name)
      if (t instanceof Err) return t
      if (t) return args[1]
      return args.length > 2 ? args[2] : false
    },
    grad(args, _out, adj) {
      const t = truth(args[0], name) as boolean
      return [null, t ? adj : null, t ? null : adj]
    },
  }
}

export const logicFunctions: FnDef[] = [
  comparison('equal', (a, b) => a === b),
  comparison('unequal', (a, b) => a !== b),
  comparison('smaller', (a, b) => a < b),
  comparison('larger', (a, b) => a > b),
  comparison('smallerEq', (a, b) => a <= b),
  comparison('largerEq', (a, b) => a >= b),
  xor,
  connective('and', true),
  connective('or', false),
  connective('AND', true),
  connective('OR', false),
  not('not'),
  not('NOT'),
  conditional('conditional', 3, ['?', 'then', 'else']),
  conditional('IF', 2, ['IF', 'value-if-true', 'value-if-false']),
]

// The one table of functions formulas may call, and the operator → function mapping.
// Lookups go through Maps, so names like "constructor" or "__proto__" find nothing.
import { arithmeticFunctions } from './arithmetic'
import { explogFunctions } from './explog'
import { logicFunctions } from './logic'
import { lossFunctions } from './losses'
import { matrixFunctions } from './matrix'
import { mlFunctions } from './ml'
import { reductionFunctions } from './reductions'
import { roundingFunctions } from './rounding'
import { linalgFunctions } from './linalg'
import { specialFunctions } from './special'
import { spreadsheetFunctions } from './spreadsheet'
import { statisticsFunctions } from './statistics'
import { tensorProductFunctions } from './tensor-products'
import { trigFunctions } from './trig'
import type { FnDef } from './types'

/**
 * Internal helpers reachable only through syntax (operators, literals), not by name.
 * unaryMinus, unaryPlus, dotMultiply, dotDivide, dotPow and ctranspose are callable by
 * their math.js names too; the comparisons stay operators (as names they would shadow cell names).
 */
const SYNTAX_ONLY = new Set(['conditional', 'array', 'equal', 'unequal', 'smaller', 'larger', 'smallerEq', 'largerEq'])

const all = new Map<string, FnDef>()
for (const family of [arithmeticFunctions, explogFunctions, trigFunctions, roundingFunctions, logicFunctions,
  reductionFunctions, mlFunctions, lossFunctions, matrixFunctions, spreadsheetFunctions, statisticsFunctions, linalgFunctions,
  tensorProductFunctions, specialFunctions])
  for (const def of family) all.set(def.name, def)

/** A function callable by name in a formula, or undefined. */
export function callable(name: string): FnDef | undefined {
  return SYNTAX_ONLY.has(name) ? undefined : all.get(name)
}

/** The function behind an operator or literal (math.js's fn name: "add", "unaryMinus", …). */
export function internal(name: string): FnDef | undefined {
  return all.get(name)
}

/** Every entry of the table, operators' functions included (for tests that walk the whole table). */
export function allFunctions(): FnDef[] {
  return [...all.values()]
}

/** Every callable function name (for name validation: a cell name may not shadow one). */
export function functionNames(): string[] {
  return [...all.keys()].filter((n) => !SYNTAX_ONLY.has(n))
}

/** math.js functions that define, import or evaluate code or units: refused with a reason. */
export const FORBIDDEN = new Set(['import', 'createUnit', 'evaluate', 'parse', 'compile', 'simplify', 'derivative',
  'resolve', 'rationalize', 'parser', 'chain', 'config', 'typed', 'reviver', 'replacer', 'help', 'unit',
  'constructor', '__proto__', 'prototype', 'Function', 'eval', 'this', 'globalThis', 'window', 'process', 'require'])

/** Constants a formula may name. */
export const CONSTANTS = new Map<string, number>([
  ['pi', Math.PI], ['PI', Math.PI], ['e', Math.E], ['E', Math.E], ['tau', 2 * Math.PI], ['phi', (1 + Math.sqrt(5)) / 2],
])

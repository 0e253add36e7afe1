// Which names a cell may carry (SPEC §2): an identifier `[A-Za-z_][A-Za-z0-9_]*` that
// is not a cell address, not a function and not a constant. The same rule serves the
// file reader and anyone validating a name typed in the app.
import * as mathjs from 'mathjs'

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/

/**
 * Anything that reads like a cell reference: 1–3 letters then digits. Out-of-range
 * forms such as `XFE1` are included on purpose: formulas read them as (bad) addresses,
 * so a cell named that way could never be referenced by its name.
 */
const ADDRESS_LIKE = /^[A-Za-z]{1,3}[0-9]+$/

/** Spreadsheet functions (SPEC §2), the ML helpers, literals math.js reads as values. */
const EXTRA_RESERVED = [
  'SUM', 'AVERAGE', 'MIN', 'MAX', 'ABS', 'SQRT', 'EXP', 'LN', 'LOG10', 'LOG', 'POWER', 'IF',
  'AND', 'OR', 'NOT', 'SUMPRODUCT', 'SUMSQ', 'COUNT', 'PRODUCT', 'ROUND',
  'sigmoid', 'relu', 'softplus',
  'true', 'false', 'null', 'undefined', 'Infinity', 'NaN', 'E', 'PI',
  // Forbidden in formulas (SPEC §2 safety list); some exist only on math.js instances.
  'import', 'createUnit', 'evaluate', 'parse', 'compile', 'simplify', 'derivative', 'resolve',
  'config', 'typed', 'reviver', 'replacer',
  // math.js operator keywords.
  'and', 'or', 'not', 'xor', 'mod', 'to', 'in',
]

/**
 * math.js's functions and constants (`pi`, `e`, `sum`, `LN2`, …). Its module also
 * exports factories (`createAdd`), dependency lists and classes (`Matrix`, `Node`):
 * formulas cannot call those, so they stay free as names.
 */
function mathjsNames(): string[] {
  const table = mathjs as unknown as Record<string, unknown>
  return Object.keys(table).filter((key) => {
    if (/Dependencies$/.test(key) || /^create[A-Z]/.test(key)) return false
    return !(typeof table[key] === 'function' && /^[A-Z]/.test(key))
  })
}

// `constructor`, `__proto__`, `toString`, …: formulas refuse them (SPEC §2 safety),
// and they would be a trap for any code that keeps names in a plain object.
const OBJECT_KEYS = Object.getOwnPropertyNames(Object.prototype)

const RESERVED: ReadonlySet<string> = new Set([...mathjsNames(), ...EXTRA_RESERVED, ...OBJECT_KEYS])

/** Null when `name` is a valid cell name, otherwise why not, in words. */
export function cellNameProblem(name: string): string | null {
  if (!IDENTIFIER.test(name)) {
    return 'a name starts with a letter or _ and contains only letters, digits and _'
  }
  if (ADDRESS_LIKE.test(name)) return 'it reads as a cell address'
  if (RESERVED.has(name)) return 'it is the name of a built-in function or constant'
  return null
}

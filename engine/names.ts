// Which cell names are allowed (SPEC §2): identifiers that are not addresses,
// functions or constants.
import { looksLikeAddress } from './address'
import { CONSTANTS, FORBIDDEN, functionNames } from './functions/table'

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/
let reserved: Set<string> | null = null

/** Why the name is not allowed, or null when it is fine. */
export function nameProblem(name: string): string | null {
  reserved ??= new Set([...functionNames(), ...FORBIDDEN, 'true', 'false', 'null', 'undefined', 'Infinity', 'NaN',
    'and', 'or', 'not', 'xor', 'mod', 'to', 'in'])
  if (!IDENT.test(name)) return `"${name}" is not a valid name: use letters, digits and _, starting with a letter or _`
  if (looksLikeAddress(name)) return `"${name}" looks like a cell address, so it cannot be a name`
  if (CONSTANTS.has(name)) return `"${name}" is a constant, so it cannot be a name`
  if (reserved.has(name)) return `"${name}" is a function or reserved word, so it cannot be a name`
  if (name.startsWith('$')) return `"${name}" is not a valid name`
  return null
}

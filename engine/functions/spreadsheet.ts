// Upper-case spreadsheet names with the spreadsheet's meaning (the ones not already
// defined with their family): ABS SQRT EXP LN LOG10 LOG (base 10 unless given) POWER.
import { exp, ln, log10, logWithDefault, sqrt } from './explog'
import { arithmeticFunctions } from './arithmetic'
import type { FnDef } from './types'

const byName = (name: string): FnDef => arithmeticFunctions.find((f) => f.name === name)!
const alias = (def: FnDef, name: string): FnDef => ({ ...def, name })

export const spreadsheetFunctions: FnDef[] = [
  alias(byName('abs'), 'ABS'),
  alias(sqrt, 'SQRT'),
  alias(exp, 'EXP'),
  alias(ln, 'LN'),
  alias(log10, 'LOG10'),
  logWithDefault('LOG', log10),
  alias(byName('pow'), 'POWER'),
]

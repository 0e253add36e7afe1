// Excel function ↔ Gradsheet function: one table read both ways (import translates Excel
// names to Gradsheet's, Save as .xlsx translates back). An entry says the Gradsheet
// name and, where the two differ, how the arguments move (ATAN2 swaps them) or which
// extra argument Gradsheet needs (STDEV.P is std(…, "uncorrected")). Functions not here
// are kept by their Excel name, which Gradsheet reports as #NAME? (docs/excel-and-export.md).

export interface FunctionMapping {
  excel: string
  gradsheet: string
  /** Argument order in Gradsheet, as indices into Excel's arguments (default: the same). */
  order?: number[]
  /** Text appended as a last Gradsheet argument. */
  extra?: string
  /** Exact argument counts this mapping accepts (default: any). */
  arity?: number[]
}

const same = (names: string[]): FunctionMapping[] => names.map((n) => ({ excel: n, gradsheet: n }))
const lower = (names: string[]): FunctionMapping[] => names.map((n) => ({ excel: n, gradsheet: n.toLowerCase() }))

export const FUNCTION_MAP: FunctionMapping[] = [
  // Gradsheet has these by their spreadsheet names, with the spreadsheet's meaning (SPEC §2).
  ...same(['SUM', 'AVERAGE', 'MIN', 'MAX', 'IF', 'AND', 'OR', 'NOT', 'ABS', 'SQRT', 'EXP', 'LN', 'LOG', 'LOG10', 'POWER',
    'ROUND', 'SUMPRODUCT', 'SUMSQ', 'COUNT', 'PRODUCT']),
  // Same meaning under math.js's lower-case name.
  ...lower(['TANH', 'SINH', 'COSH', 'SIN', 'COS', 'TAN', 'ASIN', 'ACOS', 'ATAN', 'ASINH', 'ACOSH', 'ATANH', 'COT', 'COTH',
    'CSC', 'CSCH', 'SEC', 'SECH', 'ACOT', 'ACOTH', 'MOD', 'SIGN', 'TRANSPOSE', 'MEDIAN', 'ERF']),
  { excel: 'ATAN2', gradsheet: 'atan2', order: [1, 0], arity: [2] },
  { excel: 'MMULT', gradsheet: 'multiply', arity: [2] },
  { excel: 'MDETERM', gradsheet: 'det', arity: [1] },
  { excel: 'MINVERSE', gradsheet: 'inv', arity: [1] },
  { excel: 'INT', gradsheet: 'floor', arity: [1] },
  { excel: 'TRUNC', gradsheet: 'fix', arity: [1] },
  { excel: 'STDEV.S', gradsheet: 'std' },
  { excel: 'STDEV', gradsheet: 'std' },
  { excel: 'STDEV.P', gradsheet: 'std', extra: '"uncorrected"' },
  { excel: 'STDEVP', gradsheet: 'std', extra: '"uncorrected"' },
  { excel: 'VAR.S', gradsheet: 'variance' },
  { excel: 'VAR', gradsheet: 'variance' },
  { excel: 'VAR.P', gradsheet: 'variance', extra: '"uncorrected"' },
  { excel: 'VARP', gradsheet: 'variance', extra: '"uncorrected"' },
]

const byExcel = new Map(FUNCTION_MAP.map((m) => [m.excel, m]))
// Export prefers the first mapping listed for a Gradsheet name (STDEV.S over STDEV).
const byGradsheet = new Map<string, FunctionMapping>()
for (const m of FUNCTION_MAP) if (!m.extra && !byGradsheet.has(m.gradsheet)) byGradsheet.set(m.gradsheet, m)

export function fromExcel(name: string, argCount: number): FunctionMapping | undefined {
  const m = byExcel.get(name.toUpperCase())
  return m && (!m.arity || m.arity.includes(argCount)) ? m : undefined
}

export function toExcel(name: string, argCount: number): FunctionMapping | undefined {
  const m = byGradsheet.get(name)
  return m && (!m.arity || m.arity.includes(argCount)) ? m : undefined
}

/** Excel functions Gradsheet computes as constants of a formula (PI(), TRUE(), FALSE()). */
export const EXCEL_CONSTANT_FUNCTIONS: Record<string, string> = { PI: 'pi', TRUE: 'true', FALSE: 'false' }

// Python variable names for exported cells: the cell's name when it is a usable Python
// identifier, otherwise its address (B2, or Sheet2_B2 when the workbook has several
// sheets); never a Python keyword, a builtin the module uses, or a prelude helper.

const RESERVED = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif',
  'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or',
  'pass', 'raise', 'return', 'try', 'while', 'with', 'yield', 'match', 'case',
  'self', 'data', 'model', 'torch', 'np', 'json', 'sys', 'os', 'float', 'bool', 'int', 'len', 'range', 'all', 'any',
  'max', 'min', 'sum', 'abs', 'round', 'print', 'open', 'list', 'dict', 'str', 'type', 'object', 'super',
  'report', 'train', 'Model', 'DATA', 'DATA_KEYS', 'INPUTS', 'STEPS', 'LEARNING_RATE',
])

export class PythonNames {
  private used = new Set<string>()

  /** A fresh identifier for a cell. */
  forCell(name: string | undefined, sheet: string, address: string, manySheets: boolean): string {
    const base = name !== undefined && /^[A-Za-z][A-Za-z0-9_]*$/.test(name) ? name : (manySheets ? `${sheet}_${address}` : address)
    let id = base.replace(/[^A-Za-z0-9_]/g, '_')
    if (!/^[A-Za-z]/.test(id)) id = `c_${id}`
    while (RESERVED.has(id) || this.used.has(id)) id += '_'
    this.used.add(id)
    return id
  }
}

/** A number as a Python float literal that reads back to exactly the same double. */
export function pyNumber(x: number): string {
  if (Object.is(x, -0)) return '-0.0'
  const s = String(x)
  return /[.eE]/.test(s) ? s : `${s}.0`
}

/** A string as a Python string literal (JSON's escapes are valid Python). */
export const pyString = (s: string): string => JSON.stringify(s)

/** Text safe inside a Python comment (one line). */
export const pyComment = (s: string): string => s.replace(/[\r\n]+/g, ' ')

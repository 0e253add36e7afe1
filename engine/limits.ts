// The engine's hard limits, in one place, each with the message a user sees when a
// formula or workbook goes past it. They keep a hostile or mistaken input from hanging
// or exhausting the engine: every check here is cheap and runs before the expensive step
// it guards (parsing, materialising a range, allocating a matrix, creating cells).

export const LIMITS = {
  /** Characters in one formula (after "="); spreadsheets commonly stop at 8,192. */
  formulaLength: 65_536,
  /** Brackets ( and [ open at once; math.js parses recursively, so depth costs stack. */
  nestingDepth: 200,
  /** Cells in one range reference (A1:XFD61 is about 1M). */
  rangeCells: 1_000_000,
  /**
   * The element budget: numbers one operation may create (a broadcast, a matrix product,
   * a range read as a tensor, diag, cumsum, an array literal, the arguments one reduction
   * flattens). The per-workbook memory budget counts in the same unit.
   */
  tensorSize: 1_000_000,
  /**
   * The cost budget: multiply-adds one matrix operation may do (m·k·n for a product, n³ for
   * det and inv). About 0.1–0.3 s of work, and the reverse pass does twice as much again.
   */
  matmulCost: 100_000_000,
  /**
   * The per-workbook memory budget: numbers all cells' vector and matrix values may hold
   * together (16M numbers = 128 MB). Counted in the element budget's unit; a cell whose
   * value would go past it shows #VALUE! naming this limit (engine/core/forward.ts).
   */
  workbookTensorElements: 16_000_000,
  /** Cells one workbook may hold (about 400 bytes each in the engine). */
  cellCount: 4_000_000,
} as const

const count = (n: number): string => n.toLocaleString('en-US')

export function formulaLengthProblem(body: string): string | null {
  if (body.length <= LIMITS.formulaLength) return null
  return `the formula has ${count(body.length)} characters; at most ${count(LIMITS.formulaLength)} are allowed`
}

/** How deep ( and [ nest outside string literals; stops counting past the limit. */
export function bracketDepth(text: string): number {
  let depth = 0
  let deepest = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '"' || c === "'") {
      // Skip a string literal (backslash escapes, as math.js reads them).
      i++
      while (i < text.length && text[i] !== c) i += text[i] === '\\' ? 2 : 1
    } else if (c === '(' || c === '[') {
      if (++depth > deepest) deepest = depth
      if (deepest > LIMITS.nestingDepth) return deepest
    } else if ((c === ')' || c === ']') && depth > 0) depth--
  }
  return deepest
}

export function nestingProblem(text: string): string | null {
  if (bracketDepth(text) <= LIMITS.nestingDepth) return null
  return `the formula nests brackets more than ${LIMITS.nestingDepth} deep; at most ${LIMITS.nestingDepth} levels are allowed`
}

/** Said when the parser or compiler runs out of stack on an input within the other limits (e.g. 30,000 unary minus signs). */
export const TOO_DEEP = 'the formula is nested too deeply to compute (too many operators inside one another)'

export function rangeSizeProblem(rows: number, cols: number): string | null {
  const n = rows * cols
  if (n <= LIMITS.rangeCells) return null
  return `the range has ${count(n)} cells; at most ${count(LIMITS.rangeCells)} are supported`
}

export function tensorSizeProblem(shape: number[]): string | null {
  const n = shape.reduce((a, b) => a * b, 1)
  if (n <= LIMITS.tensorSize) return null
  return `the result would be a ${shape.join('×')} matrix (${count(n)} numbers); the element budget allows at most ${count(LIMITS.tensorSize)} numbers per operation`
}

/** Why an operation may not create `n` numbers (e.g. the arguments one reduction flattens), or null. */
export function elementCountProblem(n: number, what: string): string | null {
  if (n <= LIMITS.tensorSize) return null
  return `${what} would need ${count(n)} numbers; the element budget allows at most ${count(LIMITS.tensorSize)} numbers per operation`
}

/** Why a matrix operation of `cost` multiply-adds is refused, or null. */
export function matmulCostProblem(cost: number, what: string): string | null {
  if (cost <= LIMITS.matmulCost) return null
  return `${what} would take ${count(cost)} multiply-adds; the cost budget allows at most ${count(LIMITS.matmulCost)} per matrix operation`
}

/** Why a cell may not keep a tensor of `more` numbers when the workbook's tensors already hold `held`, or null. */
export function workbookElementsProblem(held: number, more: number): string | null {
  if (held + more <= LIMITS.workbookTensorElements) return null
  return `this value has ${count(more)} numbers and the workbook's other vectors and matrices hold ${count(held)}; the per-workbook memory budget allows at most ${count(LIMITS.workbookTensorElements)} numbers in all`
}

/** Why `more` new cells cannot be added to a workbook of `current` cells, or null. */
export function cellCountProblem(current: number, more = 1): string | null {
  if (current + more <= LIMITS.cellCount) return null
  return `the workbook would have more than ${count(LIMITS.cellCount)} cells, the most one workbook can hold`
}

/** Levels of nesting a workbook file's JSON may have (its own structure needs 4; the rest is room for unknown fields). */
export const MAX_JSON_DEPTH = 100

/** Why a parsed file nests too deeply to be saved again (JSON.stringify recurses), or null. Iterative. */
export function jsonDepthProblem(value: unknown): string | null {
  // Two parallel stacks, not a [value, depth] pair per object (load branch, issue 12: a
  // 1M-cell file pushed a million pairs, ~64 MB, while it was being opened).
  const values: unknown[] = [value]
  const depths: number[] = [1]
  while (values.length > 0) {
    const v = values.pop()
    const depth = depths.pop()!
    if (v === null || typeof v !== 'object') continue
    if (depth > MAX_JSON_DEPTH) return `its data is nested more than ${MAX_JSON_DEPTH} levels deep; at most ${MAX_JSON_DEPTH} are supported`
    for (const child of Array.isArray(v) ? v : Object.values(v))
      if (child !== null && typeof child === 'object') {
        values.push(child)
        depths.push(depth + 1)
      }
  }
  return null
}

// The one description of a benchmark workbook: every cell is an op over other cells.
// The gradsheet document, the HyperFormula sheet, the math.js programs and the
// Float64Array tape are all printed from these ops, so the systems compute the same thing.

/** A cell position, 0-based, packed into one number so a million of them stay cheap. */
export type Ref = number

const COLUMNS = 16384 // A…XFD

export const ref = (row: number, col: number): Ref => row * COLUMNS + col
export const refRow = (r: Ref): number => Math.floor(r / COLUMNS)
export const refCol = (r: Ref): number => r % COLUMNS

/** A rectangular block of cells, corners inclusive; cells are read row by row. */
export interface Range {
  from: Ref
  to: Ref
}

export type Op =
  | { code: 'const'; value: number }
  /** k1·a + k0 */
  | { code: 'affine'; a: Ref; k1: number; k0: number }
  /** a + k·tanh(a): a smooth step whose derivative stays near 1, so deep chains keep normal-range gradients */
  | { code: 'tanhStep'; a: Ref; k: number }
  /** ka·a + kb·b */
  | { code: 'lin2'; a: Ref; b: Ref; ka: number; kb: number }
  | { code: 'sum'; range: Range }
  | { code: 'mean'; range: Range }
  /** a·b + c */
  | { code: 'muladd'; a: Ref; b: Ref; c: Ref }
  /** (a − b)² */
  | { code: 'sqdiff'; a: Ref; b: Ref }
  /** tanh(w1·x1 + … + wk·xk + b): a hidden unit */
  | { code: 'neuron'; w: Ref[]; x: Ref[]; b: Ref }

/** Every cell a range covers, row by row. */
export function rangeRefs(range: Range): Ref[] {
  const out: Ref[] = []
  for (let r = refRow(range.from); r <= refRow(range.to); r++)
    for (let c = refCol(range.from); c <= refCol(range.to); c++) out.push(ref(r, c))
  return out
}

/** The cells an op reads. */
export function opReads(op: Op): Ref[] {
  switch (op.code) {
    case 'const': return []
    case 'affine': case 'tanhStep': return [op.a]
    case 'lin2': case 'sqdiff': return [op.a, op.b]
    case 'muladd': return [op.a, op.b, op.c]
    case 'sum': case 'mean': return rangeRefs(op.range)
    case 'neuron': return [...op.w, ...op.x, op.b]
  }
}

/** Receives each cell once, always after every cell it reads (a topological order). */
export type CellVisitor = (at: Ref, op: Op, name?: string) => void

export interface Workload {
  /** Short id used on the command line and in tables. */
  id: string
  description: string
  /** Emits the workbook's cells for a target size of about `n` cells. */
  cells(n: number, visit: CellVisitor): void
  /** J. */
  objective(n: number): Ref
  /** The input whose edit reaches everything downstream of it (the worst case edit). */
  editTarget(n: number): Ref
}

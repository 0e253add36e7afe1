// Runtime values inside the engine. Scalars are plain JS numbers (the fast path);
// vectors and matrices are Tensors over a flat Float64Array; errors are values (Err),
// never exceptions.
import type { ErrorCode } from './api'

export class Err {
  constructor(
    readonly code: ErrorCode,
    readonly message: string,
    /** The cell id the error came from, set when it crosses a reference (named at display time). */
    readonly origin?: number,
    /** For #CYCLE!: the cell ids of the cycle, first = last. */
    readonly path?: readonly number[],
  ) {}

  sameAs(o: Err): boolean {
    if (this === o) return true
    if (this.code !== o.code || this.message !== o.message || this.origin !== o.origin) return false
    const a = this.path
    const b = o.path
    if (!a || !b) return a === b
    return a.length === b.length && a.every((x, i) => x === b[i])
  }
}

/** A vector (shape [n]) or matrix (shape [rows, cols]), row-major. */
export class Tensor {
  constructor(
    readonly shape: number[],
    readonly data: Float64Array,
  ) {}
  get size(): number {
    return this.data.length
  }
}

/** What a formula (sub)expression evaluates to. */
export type V = number | boolean | string | Tensor | Err

/** An adjoint: a number for scalar values, a Float64Array for tensors. */
export type Adj = number | Float64Array

export const isErr = (v: V): v is Err => v instanceof Err
export const isTensor = (v: V): v is Tensor => v instanceof Tensor

export function shapeText(v: V): string {
  if (v instanceof Tensor) return v.shape.length === 1 ? `vector of ${v.shape[0]}` : `${v.shape[0]}×${v.shape[1]} matrix`
  if (typeof v === 'number') return 'scalar'
  if (typeof v === 'string') return 'label'
  if (typeof v === 'boolean') return 'boolean'
  return 'error'
}

/** A number for arithmetic, or the #VALUE! error explaining why it is not one. */
export function toNumber(v: V, what: string): number | Err {
  if (typeof v === 'number') return v
  if (typeof v === 'boolean') return v ? 1 : 0
  if (v instanceof Err) return v
  if (typeof v === 'string') return new Err('#VALUE!', `${what} got the label "${v}" where a number is needed`)
  return new Err('#VALUE!', `${what} needs a number, got a ${shapeText(v)}`)
}

/** A finite number, or #NUM! saying the result is not a real finite number. */
export function checkFinite(x: number, what: string): number | Err {
  if (Number.isFinite(x)) return x
  if (Number.isNaN(x)) return new Err('#NUM!', `${what} has no real result`)
  return new Err('#NUM!', `${what} overflows to ${x > 0 ? '+' : '-'}Infinity`)
}

export function tensorFromNested(rows: number[][]): Tensor {
  const r = rows.length
  const c = r ? rows[0].length : 0
  const data = new Float64Array(r * c)
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) data[i * c + j] = rows[i][j]
  return new Tensor([r, c], data)
}

/** Nested plain arrays (number[] or number[][]) for the public API. */
export function nestedOf(shape: number[], data: ArrayLike<number>): number[] | number[][] {
  if (shape.length === 1) return Array.from(data)
  const [r, c] = shape
  const out: number[][] = []
  for (let i = 0; i < r; i++) out.push(Array.from({ length: c }, (_, j) => data[i * c + j]))
  return out
}

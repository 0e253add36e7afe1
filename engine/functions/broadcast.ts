// Broadcasting of two tensors as math.js defines it (NumPy rules): shapes are aligned on
// the right, and each dimension must be equal or 1 (a size-1 dimension is repeated).
// A vector [n] against a matrix [r, n] is a row repeated r times; a [r, 1] column
// against a [1, c] row gives an [r, c] matrix.

/** The broadcast shape, or null when the shapes are incompatible. */
export function broadcastShape(a: readonly number[], b: readonly number[]): number[] | null {
  const n = Math.max(a.length, b.length)
  const out: number[] = []
  for (let k = 0; k < n; k++) {
    const x = a[a.length - n + k] ?? 1
    const y = b[b.length - n + k] ?? 1
    if (x !== y && x !== 1 && y !== 1) return null
    out.push(x === 1 ? y : x)
  }
  return out
}

/** For each element of the output shape, the flat index of the operand element it reads. */
export function broadcastIndex(operand: readonly number[], out: readonly number[]): Int32Array {
  const size = out.reduce((p, d) => p * d, 1)
  const idx = new Int32Array(size)
  const pad = out.length - operand.length
  // Strides of the operand in output coordinates: 0 where the operand repeats.
  const strides = out.map(() => 0)
  let s = 1
  for (let k = out.length - 1; k >= 0; k--) {
    const d = k - pad >= 0 ? operand[k - pad] : 1
    strides[k] = d === 1 ? 0 : s
    s *= d
  }
  for (let i = 0; i < size; i++) {
    let rest = i
    let at = 0
    for (let k = out.length - 1; k >= 0; k--) {
      const coord = rest % out[k]
      rest = (rest - coord) / out[k]
      at += coord * strides[k]
    }
    idx[i] = at
  }
  return idx
}

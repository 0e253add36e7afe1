// Growing the engine's typed arrays: a new array of the new size with the old entries
// copied in (typed arrays cannot grow in place). One helper for the binding table, the
// tape and the formula readers' scratch.

/** An Int32Array of length `n` holding `a`'s first min(a.length, n) entries, zeros after. */
export function grownInt32(a: Int32Array, n: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(n)
  b.set(a.length <= n ? a : a.subarray(0, n))
  return b
}

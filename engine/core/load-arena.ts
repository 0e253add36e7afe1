// Where a loading document's per-cell arrays come from: one ArrayBuffer, cut into the
// typed arrays of the store, the binding table, the schedule, the change tracker, the
// gradients, the users graph, the tape cell list and the tape (WorkbookState.reserveCells).
// Why one buffer: V8 starts a full collection for every ~64 MB of array buffers allocated
// since the last one, and at a million cells each marks the whole heap (the document
// too: ~0.4 s). Made as separate arrays, the first collection started part-way through
// them and what came after it (~100 MB at a million cells) started a second; made as one
// buffer, all of it is counted before the first collection ends, and what is left to
// allocate in the load stays under the next 64 MB (docs/benchmarks.md, "Eighth session: the 1M loads").
// The cost: the buffer lives while any array cut from it does, so an array later replaced
// (grown, relaid out) leaves its part unused until the others are replaced too.

/** Makes typed arrays of a given length, zero-filled. */
export interface ArrayMaker {
  int32(n: number): Int32Array<ArrayBuffer>
  uint8(n: number): Uint8Array<ArrayBuffer>
  float64(n: number): Float64Array<ArrayBuffer>
}

/** Each array its own allocation (the default everywhere). */
export const freshArrays: ArrayMaker = {
  int32: (n) => new Int32Array(n),
  uint8: (n) => new Uint8Array(n),
  float64: (n) => new Float64Array(n),
}

/** Cuts arrays from one buffer of `bytes` (each at an 8-byte boundary); once it is used up, makes them separately. */
export class LoadArena implements ArrayMaker {
  private readonly buffer: ArrayBuffer
  private used = 0

  constructor(bytes: number) {
    this.buffer = new ArrayBuffer(LoadArena.round(bytes))
  }

  /** What an array of `bytes` takes in an arena (plan sizes with it). */
  static round(bytes: number): number {
    return Math.ceil(bytes / 8) * 8
  }

  private take(bytes: number): number {
    const at = this.used
    if (at + bytes > this.buffer.byteLength) return -1
    this.used = at + LoadArena.round(bytes)
    return at
  }

  int32(n: number): Int32Array<ArrayBuffer> {
    const at = this.take(4 * n)
    return at < 0 ? new Int32Array(n) : new Int32Array(this.buffer, at, n)
  }

  uint8(n: number): Uint8Array<ArrayBuffer> {
    const at = this.take(n)
    return at < 0 ? new Uint8Array(n) : new Uint8Array(this.buffer, at, n)
  }

  float64(n: number): Float64Array<ArrayBuffer> {
    const at = this.take(8 * n)
    return at < 0 ? new Float64Array(n) : new Float64Array(this.buffer, at, n)
  }

  /** Bytes cut so far (tests). */
  get cut(): number {
    return this.used
  }
}

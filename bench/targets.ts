// The performance targets of issue 2 (values and all gradients included).

export interface Targets {
  loadMs: number
  editMs: number
  fullMs: number
  /** Whole engine: B/cell at 10k and 100k, a total at 1M. */
  memory: { bytesPerCell: number } | { totalBytes: number }
}

export const TARGETS: Record<number, Targets> = {
  10_000: { loadMs: 100, editMs: 1, fullMs: 1, memory: { bytesPerCell: 500 } },
  100_000: { loadMs: 300, editMs: 5, fullMs: 10, memory: { bytesPerCell: 500 } },
  1_000_000: { loadMs: 3000, editMs: 50, fullMs: 100, memory: { totalBytes: 500e6 } },
}

export function memoryMeetsTarget(t: Targets, bytesPerCell: number, cells: number): boolean {
  return 'bytesPerCell' in t.memory ? bytesPerCell <= t.memory.bytesPerCell : bytesPerCell * cells <= t.memory.totalBytes
}

export const memoryTargetText = (t: Targets): string =>
  'bytesPerCell' in t.memory ? `≤ ${t.memory.bytesPerCell} B/cell` : `≤ ${t.memory.totalBytes / 1e6} MB total`

// Loads the engine under test. It is imported by path at run time so the benchmark's
// own parts (workloads, tape, baselines) build and test before the engine exists.
import type { ApplyOptions, CellView, ChangeList, Edit, ObjectiveState } from '../../engine/api.ts'
import type { WorkbookDocument } from '../../engine/workbook/document.ts'

/** The part of the engine's API the benchmark uses. */
export interface BenchEngine {
  apply(edits: Edit[], options?: ApplyOptions): ChangeList
  cells(): CellView[]
  objective(): ObjectiveState
}

export type CreateEngine = (doc?: WorkbookDocument, options?: { alwaysReverse?: boolean }) => BenchEngine

export async function loadEngine(): Promise<{ ok: true; createEngine: CreateEngine } | { ok: false; reason: string }> {
  const path = '../../engine/index.ts'
  try {
    const mod = (await import(path)) as { createEngine?: CreateEngine }
    if (typeof mod.createEngine !== 'function') return { ok: false, reason: 'engine/index.ts does not export createEngine' }
    return { ok: true, createEngine: mod.createEngine }
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' && /engine\/index\.ts/.test((e as Error).message)) return { ok: false, reason: 'engine/index.ts does not exist yet' }
    return { ok: false, reason: `engine/index.ts could not be loaded: ${(e as Error).message.split('\n')[0]}` }
  }
}

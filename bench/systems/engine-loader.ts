// Loads the engine under test for the benchmark's parts (systems/engine.ts, profile.ts,
// the engine-vs-tape test). A static import, so run.ts's bundled child (child-bundle.ts)
// carries the engine inside it, compiled as the app's worker compiles it.
import type { ApplyOptions, CellView, ChangeList, Edit, ObjectiveState } from '../../engine/api.ts'
import { createEngine as engineCreate } from '../../engine/index.ts'
import type { WorkbookDocument } from '../../engine/workbook/document.ts'

/** The part of the engine's API the benchmark uses. */
export interface BenchEngine {
  apply(edits: Edit[], options?: ApplyOptions): ChangeList
  cells(): CellView[]
  objective(): ObjectiveState
}

export type CreateEngine = (doc?: WorkbookDocument, options?: { alwaysReverse?: boolean }) => BenchEngine

/** The engine's `createEngine`, seen through the benchmark's narrower API. */
export const createBenchEngine: CreateEngine = engineCreate

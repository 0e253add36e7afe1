// The engine a report command (export, sensitivity) works on: the workbook file (a
// .gradsheet or an .xlsx, cli/load-workbook.ts) loaded, its objective replaced by
// --objective, and the engine built, with the same words and exit codes for both
// commands when that fails.
import type { Output } from './eval-command.ts'
import { loadWorkbook } from './load-workbook.ts'
import { collectAfterLargeDocument } from './collect-garbage.ts'

type Engine = ReturnType<typeof import('../engine/index.ts').createEngine>

/**
 * How every command builds its engine: the document is not read again, so the engine may
 * let its cells go as it loads them, and a large one is collected right then
 * (cli/collect-garbage.ts; issue 12, peak memory of `gradsheet eval`).
 */
export const COMMAND_ENGINE_OPTIONS = { consumeDocument: true, afterDocumentRead: collectAfterLargeDocument } as const

/**
 * The engine for `file` with `objective` (when not null) as J; or, after saying why on
 * stderr, the exit code: 1 when the file cannot be read, 2 when --objective names no cell.
 */
export async function loadEngineForCommand(file: string, objective: string | null, out: Output): Promise<Engine | number> {
  const loaded = await loadWorkbook(file)
  if (!loaded.ok) {
    out.stderr(`gradsheet: ${loaded.error}\n`)
    return 1
  }
  const doc = loaded.doc
  if (objective !== null) doc.objective = objective
  const { createEngine } = await import('../engine/index.ts')
  const engine = createEngine(doc, COMMAND_ENGINE_OPTIONS)
  if (objective !== null && engine.resolveRef(objective) === null) {
    out.stderr(`gradsheet: --objective ${objective}: no such cell (use a name, B4 or Sheet1!B4)\n`)
    return 2
  }
  return engine
}

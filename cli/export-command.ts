// `gradsheet export FILE --to pytorch|numpy [--objective REF] [--out PATH]` (SPEC §6):
// one Python module that computes J (engine/export); data too large to inline goes to
// a CSV file beside PATH. Exit 0 written, 1 the file cannot be read or exported, 2 usage.
import { basename, dirname, join } from 'node:path'
import { writeFileAtomic } from '../node/file-store.ts'
import type { ExportOptions } from './args.ts'
import { loadEngineForCommand } from './command-engine.ts'
import type { Output } from './eval-command.ts'

export async function runExport(options: ExportOptions, out: Output): Promise<number> {
  const engine = await loadEngineForCommand(options.file, options.objective, out)
  if (typeof engine === 'number') return engine
  const { exportPython } = await import('../engine/export/index.ts')
  const result = exportPython(engine, { target: options.to, moduleFileName: options.out === null ? null : basename(options.out), sourceName: basename(options.file) })
  if (!result.ok) {
    out.stderr(`gradsheet: cannot export ${options.file}: ${result.error}\n`)
    return 1
  }
  if (options.out === null) {
    out.stdout(result.code)
    return 0
  }
  try {
    for (const file of result.files) await writeFileAtomic(join(dirname(options.out), file.name), file.text)
    await writeFileAtomic(options.out, result.code)
  } catch (error) {
    out.stderr(`gradsheet: cannot write ${options.out}: ${(error as Error).message}\n`)
    return 1
  }
  return 0
}

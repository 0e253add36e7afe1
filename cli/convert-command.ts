// `gradsheet convert FILE --out PATH [--gradients]`: a workbook (.gradsheet or .xlsx)
// written as .xlsx (engine/xlsx/export.ts; --gradients adds "dJ" sheets) or as
// .gradsheet. The import report of an .xlsx and the export report go to stderr.
import type { ConvertOptions } from './args.ts'
import type { Output } from './eval-command.ts'
import { loadWorkbook } from './load-workbook.ts'

export async function runConvert(options: ConvertOptions, out: Output): Promise<number> {
  const loaded = await loadWorkbook(options.file)
  if (!loaded.ok) {
    out.stderr(`gradsheet: ${loaded.error}\n`)
    return 1
  }
  for (const note of loaded.notes) out.stderr(`gradsheet: ${note}\n`)
  try {
    if (/\.gradsheet$/i.test(options.out)) {
      const { serializeDocument } = await import('../engine/workbook/serialize.ts')
      const { saveWorkbookFile } = await import('../node/file-store.ts')
      const saved = await saveWorkbookFile(options.out, serializeDocument(loaded.doc))
      if (!saved.ok) {
        out.stderr(`gradsheet: ${saved.error}\n`)
        return 1
      }
      return 0
    }
    const { createEngine } = await import('../engine/index.ts')
    const { exportXlsxBook } = await import('../engine/xlsx/export.ts')
    const { writeXlsxFile } = await import('../node/xlsx/write-xlsx.ts')
    const { book, report } = exportXlsxBook(createEngine(loaded.doc), { gradients: options.gradients })
    for (const f of report.foreign) out.stderr(`gradsheet: ${f.cell} uses ${f.functions.join(', ')}, which Excel does not have: written by name, with Gradsheet's value cached\n`)
    for (const u of report.unwritable) out.stderr(`gradsheet: ${u.cell}: the formula cannot be written in Excel syntax (${u.reason}); written as text\n`)
    await writeXlsxFile(options.out, book)
    return 0
  } catch (error) {
    out.stderr(`gradsheet: cannot write ${options.out}: ${(error as Error).message}\n`)
    return 1
  }
}

// The UI store seen as the engine reader engine/export needs (objective, cells, sheets,
// references), so the Sensitivity panel ranks exactly the inputs `gradsheet sensitivity`
// ranks — J's cone, from the formulas — without another round trip to the worker.
import type { CellView } from '../../../engine/api'
import type { EngineReader } from '../../../engine/export/plan'
import { formatAddress, parseAddress, splitSheetRef } from '../model/address'
import type { WorkbookStore } from '../state/workbook-store'

const EMPTY = (sheet: string, address: string): CellView => ({ sheet, address, input: '', value: { kind: 'empty' }, grad: { kind: 'none' } })

export function storeReader(store: WorkbookStore): EngineReader {
  const sheetNamed = (name: string): string | undefined => store.sheets().find((s) => s.toLowerCase() === name.toLowerCase())
  return {
    objective: () => store.objective(),
    sheets: () => store.sheets(),
    cell: (sheet, address) => store.cell(sheet, address) ?? EMPTY(sheet, address),
    resolveRef(ref) {
      const named = store.findName(ref.trim())
      if (named) return { sheet: named.sheet, address: named.address }
      const { sheet, rest } = splitSheetRef(ref)
      const s = sheet === null ? store.sheets()[0] : sheetNamed(sheet)
      const at = parseAddress(rest)
      if (s === undefined || at === null) return null
      return { sheet: s, address: formatAddress(at) }
    },
  }
}

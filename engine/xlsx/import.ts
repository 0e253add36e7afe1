// An Excel workbook (model.ts) as a Gradsheet document plus an import report: numbers,
// labels and booleans become inputs, formulas are translated (to-gradsheet.ts), defined
// names that point at one cell name that cell and others are inlined, and then the
// workbook is computed and every formula's value compared with the one Excel cached.
// Nothing is dropped: an untranslatable formula keeps its Excel text in the cell's
// `excel` field (kept on save, written back by Save as .xlsx) and is listed.
import { parseAddress } from '../address'
import { createEngine } from '../index'
import { classifyInput } from '../input'
import { nameProblem } from '../names'
import { restoreParsed } from '../workbook/restore'
import type { WorkbookDocument } from '../workbook/document'
import { ExcelSyntaxError, parseExcelFormula, type XNode } from './excel-formula'
import type { XlsxBook, XlsxScalar } from './model'
import { translateExcelFormula, type TranslateContext } from './to-gradsheet'

export interface ImportReport {
  /** Cells whose formula uses something Gradsheet does not have: shown as #NAME? (or a label when unreadable). */
  untranslated: { cell: string; excel: string; problem: string }[]
  /** Formula cells whose Gradsheet value differs from Excel's cached value. */
  differences: { cell: string; excel: XlsxScalar; gradsheet: unknown }[]
  notes: string[]
  /** The report as lines a person reads (empty when the import is exact). */
  lines: string[]
}

export type XlsxImportResult = { ok: true; doc: WorkbookDocument; report: ImportReport } | { ok: false; error: string }

/** The hidden sheet Save as .xlsx writes Gradsheet-only settings to (export.ts; another name if a sheet has it). */
export const SETTINGS_SHEET = 'Gradsheet'

const keyOf = (sheet: string, address: string) => `${sheet}!${address}`

/** An input that reads back as exactly this text label (SPEC §1: a leading ' makes a label). */
function labelInput(text: string): string {
  const meaning = classifyInput(text)
  return meaning.kind === 'constant' && meaning.value === text ? text : `'${text}`
}

function constantInput(v: XlsxScalar): string {
  if (v === null) return ''
  if (typeof v === 'number') return String(v)
  if (typeof v === 'boolean') return v ? '=true' : '=false'
  if (typeof v === 'string') return labelInput(v)
  return labelInput(v.error)
}

export function importXlsxBook(book: XlsxBook): XlsxImportResult {
  const report: ImportReport = { untranslated: [], differences: [], notes: [], lines: [] }
  // Gradsheet's own hidden sheet (export.ts): veryHidden, with the marker {"gradsheet": 1} in A1.
  const settings = book.sheets.find((s) => s.state === 'veryHidden' && /^\{"gradsheet":1[,}]/.test(String(s.cells.find((c) => c.address === 'A1')?.value ?? '')))
  const saved = settings ? readSettings(settings.cells) : null
  // The gradient sheets Save as .xlsx added are values for Excel users, not part of the workbook.
  const sheets = book.sheets.filter((s) => s !== settings && !saved?.gradientSheets.includes(s.name))
  if (sheets.length === 0) return { ok: false, error: 'the workbook has no sheets' }

  // Defined names: one cell → a Gradsheet name on that cell; anything else → inlined where used.
  const names: TranslateContext['names'] = new Map()
  const cellNames = new Map<string, string>()
  for (const dn of book.names) {
    let tree: XNode
    try {
      tree = parseExcelFormula(dn.refersTo.replace(/^=/, ''))
    } catch (e) {
      if (e instanceof ExcelSyntaxError) return { ok: false, error: `the defined name ${dn.name} refers to ${dn.refersTo}: ${e.message}` }
      throw e
    }
    const single = tree.t === 'ref' && !tree.whole && tree.b === null && tree.sheet !== null
    if (single && nameProblem(dn.name) === null && ![...names.values()].some((n) => 'gradsheet' in n && n.gradsheet === dn.name)) {
      const sheet = sheets.find((s) => s.name.toLowerCase() === (tree as { sheet: string }).sheet.toLowerCase())
      const at = parseAddress((tree as { a: string }).a)
      if (sheet && at) {
        names.set(dn.name.toUpperCase(), { gradsheet: dn.name })
        cellNames.set(keyOf(sheet.name, (tree as { a: string }).a.replace(/\$/g, '').toUpperCase()), dn.name)
        continue
      }
    }
    names.set(dn.name.toUpperCase(), { inline: tree })
    report.notes.push(`the defined name ${dn.name} (${dn.refersTo}) is written out where it is used${single ? ` (${nameProblem(dn.name) ?? 'its cell is not in the workbook'})` : ''}`)
  }

  const extent = new Map<string, { rows: number; cols: number }>()
  for (const s of sheets) {
    let rows = 1
    let cols = 1
    for (const c of s.cells) {
      const at = parseAddress(c.address)
      if (at) {
        rows = Math.max(rows, at.row)
        cols = Math.max(cols, at.col)
      }
    }
    extent.set(s.name.toLowerCase(), { rows, cols })
  }
  const ctxFor = (own: string): TranslateContext => ({
    names,
    usedRows: (sheet) => extent.get((sheet ?? own).toLowerCase())?.rows ?? 1,
    usedCols: (sheet) => extent.get((sheet ?? own).toLowerCase())?.cols ?? 1,
  })

  const cached = new Map<string, XlsxScalar>()
  const docSheets = sheets.map((s) => {
    const cells: Record<string, Record<string, unknown>> = {}
    const ctx = ctxFor(s.name)
    for (const c of s.cells) {
      const key = keyOf(s.name, c.address)
      const entry: Record<string, unknown> = {}
      if (c.formula !== undefined) {
        const original = saved?.inputs.get(key)
        const t = translateExcelFormula(c.formula, ctx)
        if (original !== undefined && original.excel === c.formula) {
          // Written by Gradsheet's Save as .xlsx and unchanged since: the exact Gradsheet input.
          entry.input = original.input
        } else if (t.ok) {
          entry.input = `=${t.formula}`
          if (!t.exact) {
            entry.excel = `=${c.formula}`
            report.untranslated.push({ cell: key, excel: `=${c.formula}`, problem: `no Gradsheet equivalent for ${t.unknownFunctions.join(', ')}` })
          }
          for (const n of t.notes) report.notes.push(`${key}: ${n}`)
        } else {
          if (/external link|another workbook/.test(t.reason)) return { error: `${key} refers to another workbook (an external link): =${c.formula}` }
          entry.input = labelInput(`=${c.formula}`)
          entry.excel = `=${c.formula}`
          report.untranslated.push({ cell: key, excel: `=${c.formula}`, problem: `not read: ${t.reason}; kept as a label` })
        }
        cached.set(key, c.value)
      } else {
        const original = saved?.inputs.get(key)
        // Gradsheet's own text for the constant (1e3, '42) unless the value was changed in Excel since.
        entry.input = original !== undefined && original.excel === null && sameConstant(original.input, c.value) ? original.input : constantInput(c.value)
      }
      const name = cellNames.get(key)
      if (name) entry.name = name
      if (saved?.params.has(key)) entry.param = true
      if (entry.input === '' && !entry.name && !entry.param) continue
      cells[c.address] = entry
    }
    // Names on cells that hold nothing still name them.
    for (const [key, name] of cellNames) {
      const bang = key.lastIndexOf('!')
      if (key.slice(0, bang) === s.name && !cells[key.slice(bang + 1)]) cells[key.slice(bang + 1)] = { input: '', name }
    }
    for (const key of saved?.params ?? []) {
      const bang = key.lastIndexOf('!')
      if (key.slice(0, bang) === s.name && !cells[key.slice(bang + 1)]) cells[key.slice(bang + 1)] = { input: '', param: true }
    }
    return { name: s.name, cells }
  })
  const failed = docSheets.find((s): s is { error: string } => 'error' in s)
  if (failed) return { ok: false, error: failed.error }

  const raw: Record<string, unknown> = {
    ...(saved?.extra ?? {}),
    format: 'gradsheet',
    version: 1,
    objective: saved?.objective ?? (cellNames.size && [...cellNames.values()].includes('J') ? 'J' : null),
    sheets: docSheets,
  }
  const restored = restoreParsed(raw)
  if (!restored.ok) return { ok: false, error: `the workbook cannot be represented in Gradsheet: ${restored.error}` }

  // Compare every formula's value with the one Excel cached.
  const engine = createEngine(restored.doc)
  const listed = new Set(report.untranslated.map((u) => u.cell))
  for (const [key, excel] of cached) {
    if (excel === null || listed.has(key)) continue
    const at = engine.resolveRef(`'${key.slice(0, key.lastIndexOf('!')).replace(/'/g, "''")}'!${key.slice(key.lastIndexOf('!') + 1)}`)
    if (!at) continue
    const v = engine.cell(at.sheet, at.address).value
    const mine = v.kind === 'number' || v.kind === 'text' || v.kind === 'boolean' ? v.value : v.kind === 'error' ? { error: v.error.code } : v.kind === 'tensor' ? v.value : null
    if (!sameValue(excel, mine)) report.differences.push({ cell: key, excel, gradsheet: mine })
  }

  for (const u of report.untranslated) report.lines.push(`${u.cell}: ${u.excel} — ${u.problem}`)
  for (const d of report.differences) report.lines.push(`${d.cell}: Excel cached ${JSON.stringify(d.excel)}, Gradsheet computes ${JSON.stringify(d.gradsheet)}`)
  report.lines.push(...report.notes)
  return { ok: true, doc: restored.doc, report }
}

/** Whether a Gradsheet input reads as the value Excel holds (numbers and labels). */
function sameConstant(input: string, v: XlsxScalar): boolean {
  const meaning = classifyInput(input)
  if (meaning.kind === 'empty') return v === null
  // A formula Excel syntax cannot express is written as its text (export.ts).
  if (meaning.kind === 'formula') return v === input || input === constantInput(v)
  return meaning.value === v || input === constantInput(v)
}

function sameValue(excel: XlsxScalar, mine: unknown): boolean {
  if (typeof excel === 'number') {
    if (typeof mine === 'number') return Math.abs(excel - mine) <= 1e-9 * Math.max(1, Math.abs(excel))
    // An array formula's first cell caches the first element.
    if (Array.isArray(mine)) return sameValue(excel, Array.isArray(mine[0]) ? mine[0][0] : mine[0])
    if (typeof mine === 'boolean') return excel === +mine
    return false
  }
  if (typeof excel === 'object' && excel !== null) return typeof mine === 'object' && mine !== null && 'error' in mine && (mine as { error: string }).error === excel.error
  return excel === mine
}

interface SavedSettings {
  objective: string | null
  params: Set<string>
  /** Cell key → the Gradsheet input, and the Excel formula written for it (null: a constant). */
  inputs: Map<string, { input: string; excel: string | null }>
  extra: Record<string, unknown>
  gradientSheets: string[]
}

/** The hidden settings sheet: row 1 a JSON header, then one row per cell (key, input, Excel formula or empty). */
function readSettings(cells: { address: string; value: XlsxScalar }[]): SavedSettings | null {
  const at = new Map(cells.map((c) => [c.address, c.value]))
  try {
    const header = JSON.parse(String(at.get('A1') ?? '{}')) as { objective?: string | null; params?: string[]; extra?: Record<string, unknown>; gradientSheets?: string[] }
    const inputs = new Map<string, { input: string; excel: string | null }>()
    for (let row = 2; at.has(`A${row}`); row++) {
      const excel = at.get(`C${row}`)
      inputs.set(String(at.get(`A${row}`)), { input: String(at.get(`B${row}`) ?? ''), excel: typeof excel === 'string' && excel !== '' ? excel : null })
    }
    return { objective: header.objective ?? null, params: new Set(header.params ?? []), inputs, extra: header.extra ?? {}, gradientSheets: header.gradientSheets ?? [] }
  } catch {
    return null
  }
}

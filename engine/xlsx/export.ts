// A Gradsheet workbook as an Excel workbook (model.ts), for Save as .xlsx and
// `gradsheet convert`: every sheet's inputs (numbers as numbers, labels as text,
// formulas in Excel syntax with Gradsheet's value as the cached result), a defined name
// per named cell, optionally a "dJ <sheet>" sheet of gradients per sheet, and a hidden
// sheet "Gradsheet" (veryHidden) with what Excel has no place for: the objective, the
// parameter marks, the workbook's other fields (training settings, …) and every cell's
// exact Gradsheet input — so re-importing the file gives the same workbook.
import { quoteSheet } from '../address'
import type { CellValue, CellGrad } from '../api'
import type { Engine } from '../index'
import { classifyInput } from '../input'
import { gradsheetToExcel } from './from-gradsheet'
import { SETTINGS_SHEET } from './import'
import type { XlsxBook, XlsxCell, XlsxScalar, XlsxSheet } from './model'

export interface XlsxExportReport {
  /** Cells whose formula uses functions Excel does not have: written by their Gradsheet names, Gradsheet's value cached. */
  foreign: { cell: string; functions: string[] }[]
  /** Formulas that could not be written in Excel syntax: written as text. */
  unwritable: { cell: string; reason: string }[]
}

const STANDARD = new Set(['format', 'version', 'objective', 'sheets'])

function cachedOf(v: CellValue): XlsxScalar {
  switch (v.kind) {
    case 'number':
    case 'text':
    case 'boolean':
      return v.value
    case 'tensor': {
      const first = v.value[0]
      return Array.isArray(first) ? first[0] : (first as number)
    }
    case 'error':
      return { error: v.error.code === '#CYCLE!' || v.error.code === '#PARSE!' ? '#VALUE!' : v.error.code }
    case 'empty':
      return null
  }
}

function gradOf(g: CellGrad): XlsxScalar {
  if (g.kind === 'number') return g.value
  if (g.kind === 'tensor') return JSON.stringify(g.value)
  return null
}

/** An Excel sheet name (31 characters, none of : \ / ? * [ ]) unique among `taken`. */
function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[:\\/?*[\]]/g, '_').slice(0, 31)
  let name = base
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${base.slice(0, 28)}~${k}`
  taken.add(name.toLowerCase())
  return name
}

export function exportXlsxBook(engine: Engine, options: { gradients?: boolean } = {}): { book: XlsxBook; report: XlsxExportReport } {
  const doc = engine.toDocument()
  const report: XlsxExportReport = { foreign: [], unwritable: [] }
  const book: XlsxBook = { sheets: [], names: [] }
  const settingsRows: XlsxCell[] = []
  const params: string[] = []
  const taken = new Set(doc.sheets.map((s) => s.name.toLowerCase()))
  const gradientSheets: string[] = []
  let row = 2
  for (const sheet of doc.sheets) {
    const cells: XlsxCell[] = []
    const grads: XlsxCell[] = []
    for (const [address, entry] of Object.entries(sheet.cells)) {
      const key = `${sheet.name}!${address}`
      const view = engine.cell(sheet.name, address)
      const meaning = classifyInput(entry.input)
      let excelFormula = ''
      if (meaning.kind === 'formula') {
        const original = typeof entry.excel === 'string' && entry.excel.startsWith('=') ? entry.excel.slice(1) : null
        const t = gradsheetToExcel(meaning.body)
        if (original !== null) excelFormula = original // imported from Excel untranslated: its Excel text goes back
        else if (t.ok) {
          excelFormula = t.formula
          if (!t.exact) report.foreign.push({ cell: key, functions: t.foreign })
        } else report.unwritable.push({ cell: key, reason: t.reason })
        if (excelFormula) cells.push({ address, formula: excelFormula, value: cachedOf(view.value) })
        else cells.push({ address, value: entry.input })
      } else if (meaning.kind === 'constant') {
        const v = meaning.value
        cells.push({ address, value: typeof v === 'number' || typeof v === 'string' ? v : entry.input })
      }
      if (entry.name) book.names.push({ name: entry.name, refersTo: `${quoteSheet(sheet.name)}!$${address.match(/^[A-Z]+/)![0]}$${address.match(/[0-9]+$/)![0]}` })
      if (entry.param) params.push(key)
      settingsRows.push({ address: `A${row}`, value: key }, { address: `B${row}`, value: entry.input }, { address: `C${row}`, value: excelFormula })
      row++
      const g = gradOf(view.grad)
      if (options.gradients && g !== null) grads.push({ address, value: g })
    }
    book.sheets.push({ name: sheet.name, cells })
    if (options.gradients) {
      const name = sheetName(`dJ ${sheet.name}`, taken)
      gradientSheets.push(name)
      book.sheets.push({ name, cells: grads })
    }
  }
  const extra: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(doc)) if (!STANDARD.has(k)) extra[k] = v
  const header = JSON.stringify({ gradsheet: 1, objective: doc.objective, params, gradientSheets, extra })
  const settings: XlsxSheet = { name: sheetName(SETTINGS_SHEET, taken), state: 'veryHidden', cells: [{ address: 'A1', value: header }, ...settingsRows] }
  book.sheets.push(settings)
  return { book, report }
}

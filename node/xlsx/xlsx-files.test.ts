// .xlsx files in and out: round trips .gradsheet → .xlsx → .gradsheet (inputs, names,
// sheets, parameters, the objective and other fields all come back), untranslatable
// formulas survive both ways, and bad files — not a zip, truncated, zip bombs, macros,
// external links — are refused with a message before anything is computed.
import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import ExcelJS from 'exceljs'
import fc from 'fast-check'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { createEngine } from '../../engine/index'
import { restoreDocument, serializeDocument, type WorkbookDocument } from '../../engine/workbook'
import { exportXlsxBook } from '../../engine/xlsx/export'
import { importXlsxBytes, readBook } from './read-xlsx'
import { xlsxBytes } from './write-xlsx'
import { zipProblem } from './zip-check'

const root = resolve(import.meta.dirname, '../..')

async function roundTrip(doc: WorkbookDocument, gradients = false): Promise<WorkbookDocument> {
  const { book } = exportXlsxBook(createEngine(doc), { gradients })
  const back = await importXlsxBytes(await xlsxBytes(book))
  if (!back.ok) throw new Error(back.error)
  return back.doc
}

describe('.gradsheet → .xlsx → .gradsheet', () => {
  it('gives back every example workbook exactly (with and without gradient sheets)', async () => {
    for (const file of readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.gradsheet'))) {
      const read = restoreDocument(readFileSync(join(root, 'examples', file), 'utf8'))
      if (!read.ok) throw new Error(read.error)
      expect(serializeDocument(await roundTrip(read.doc)), file).toBe(serializeDocument(read.doc))
      expect(serializeDocument(await roundTrip(read.doc, true)), file).toBe(serializeDocument(read.doc))
    }
  })

  it('gives back random workbooks: sheets, names, parameters, labels that look like numbers, functions Excel lacks', async () => {
    const input = fc.oneof(
      fc.integer({ min: -99, max: 99 }).map((n) => String(n / 4)),
      fc.constantFrom("'42", 'a label', '=A1 + 1', '=sigmoid(A1) * 2', '=SUM(A1:B3)', "=Data!A1 - 'My data'!B2", '=x^2 + -x', '=IF(A1 > 0, 1, 2)', '=[1, 2, 3]', '=mean(A1:A3)', '=1/0', "=\"text\"", '=A1 = 2'),
    )
    const sheet = fc.dictionary(fc.constantFrom('A1', 'A2', 'B2', 'B3', 'C1'), fc.record({ input, param: fc.boolean() }), { maxKeys: 5 })
    await fc.assert(
      fc.asyncProperty(sheet, sheet, fc.boolean(), async (s1, s2, named) => {
        const cells = (s: Record<string, { input: string; param: boolean }>) =>
          Object.fromEntries(Object.entries(s).map(([a, c]) => [a, { input: c.input, ...(c.param && /^-?[0-9.]+$/.test(c.input) ? { param: true } : {}) }]))
        const first = cells(s1) as Record<string, { input: string; name?: string }>
        if (named) first.D4 = { input: '3', name: 'x' }
        const doc: WorkbookDocument = {
          format: 'gradsheet', version: 1, objective: named ? 'x' : null,
          sheets: [{ name: 'Sheet1', cells: first }, { name: 'Data', cells: cells(s2) }, { name: 'My data', cells: { B2: { input: '5' } } }],
          training: { method: 'gd', learningRate: 0.1, steps: 10 },
        }
        const restored = restoreDocument(JSON.stringify(doc))
        if (!restored.ok) return
        expect(serializeDocument(await roundTrip(restored.doc))).toBe(serializeDocument(restored.doc))
      }),
      { numRuns: 25, seed: 1130 },
    )
  })

  it('without Gradsheet\'s hidden sheet (a file Excel re-saved), the formulas translate back to the same values', async () => {
    const read = restoreDocument(readFileSync(join(root, 'examples/linear-regression.gradsheet'), 'utf8'))
    if (!read.ok) throw new Error(read.error)
    const { book } = exportXlsxBook(createEngine(read.doc))
    book.sheets = book.sheets.filter((s) => s.state !== 'veryHidden')
    const back = await importXlsxBytes(await xlsxBytes(book))
    if (!back.ok) throw new Error(back.error)
    expect(back.report.differences).toEqual([])
    const a = createEngine(read.doc)
    const b = createEngine({ ...back.doc, objective: 'J' })
    expect(b.objective().value).toBe(a.objective().value)
  })

  it('a file edited in Excel after Save as .xlsx: changed numbers and formulas win over the hidden sheet', async () => {
    const read = restoreDocument(readFileSync(join(root, 'examples/reference-example-1.gradsheet'), 'utf8'))
    if (!read.ok) throw new Error(read.error)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(await xlsxBytes(exportXlsxBook(createEngine(read.doc)).book)) as unknown as ArrayBuffer)
    wb.getWorksheet('Sheet1')!.getCell('B1').value = -2
    wb.getWorksheet('Sheet1')!.getCell('B2').value = { formula: 'x+6', result: 4 } as ExcelJS.CellFormulaValue
    const back = await importXlsxBytes(new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer))
    if (!back.ok) throw new Error(back.error)
    expect(back.doc.sheets[0].cells.B1.input).toBe('-2')
    expect(back.doc.sheets[0].cells.B2.input).toBe('=x + 6')
    expect(back.doc.sheets[0].cells.B3.input).toBe('=h^3 + 1') // unchanged: Gradsheet's exact text
    expect(createEngine(back.doc).objective().value).toBe(((-2 + 6) ** 3 + 1) ** 2)
  })

  it('an Excel formula Gradsheet cannot translate is reported, kept in the cell, and written back as it was', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('S')
    ws.getCell('A1').value = 3
    ws.getCell('A2').value = { formula: 'VLOOKUP(A1,A1:A1,1,FALSE)+A1', result: 6 } as ExcelJS.CellFormulaValue
    const first = await importXlsxBytes(new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer))
    if (!first.ok) throw new Error(first.error)
    expect(first.report.untranslated).toEqual([{ cell: 'S!A2', excel: '=VLOOKUP(A1,A1:A1,1,FALSE)+A1', problem: 'no Gradsheet equivalent for VLOOKUP' }])
    const { book } = exportXlsxBook(createEngine(first.doc))
    const again = await readBook(await xlsxBytes(book))
    if ('error' in again) throw new Error(again.error)
    expect(again.sheets[0].cells.find((c) => c.address === 'A2')?.formula).toBe('VLOOKUP(A1,A1:A1,1,FALSE)+A1')
  })
})

async function realXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  wb.addWorksheet('S').getCell('A1').value = 1
  return new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer)
}

async function withEntry(name: string, content: Uint8Array | string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await realXlsx())
  zip.file(name, content)
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

/** A zip whose central directory declares `declared` bytes for an entry that inflates to 2 MB. */
async function lyingBomb(declared: number): Promise<Uint8Array> {
  const bytes = await withEntry('xl/media/big.bin', new Uint8Array(2 * 1024 * 1024))
  const buf = Buffer.from(bytes)
  for (let p = buf.lastIndexOf(Buffer.from('xl/media/big.bin')); p >= 0; p = -1) {
    // The central directory record's name sits at offset 46: patch its uncompressed size (offset 24).
    const header = p - 46
    if (buf.readUInt32LE(header) === 0x02014b50) buf.writeUInt32LE(declared, header + 24)
  }
  return new Uint8Array(buf)
}

describe('bad .xlsx files are refused with a message, nothing opened', () => {
  const refused = async (bytes: Uint8Array, reason: RegExp) => {
    const r = await importXlsxBytes(bytes)
    expect(r.ok).toBe(false)
    expect((r as { error: string }).error).toMatch(reason)
  }

  it('not a zip, empty, truncated', async () => {
    await refused(new TextEncoder().encode('{"format": "gradsheet"}'), /not an Excel \.xlsx workbook/)
    await refused(new Uint8Array(0), /not an Excel \.xlsx workbook/)
    const real = await realXlsx()
    await refused(real.slice(0, Math.floor(real.length / 2)), /truncated or damaged/)
    await refused(real.slice(0, real.length - 30), /truncated or damaged/)
  })

  it('a zip bomb: an entry compressed beyond 200:1, and one whose header understates its size', async () => {
    await refused(await withEntry('xl/media/zeros.bin', new Uint8Array(50 * 1024 * 1024)), /zip bomb/)
    await refused(await lyingBomb(1000), /unpacks to more than its declared 1000 bytes: refused as a zip bomb/)
    expect(zipProblem(await realXlsx())).toBe(null)
  })

  it('too many entries', async () => {
    expect(zipProblem(await realXlsx(), { maxEntries: 3, maxEntryBytes: 1e9, maxTotalBytes: 1e9, maxRatio: 1e9 })).toMatch(/entries .*zip bomb/)
  })

  it('macros, external links (parts or a [1]Sheet!A1 reference)', async () => {
    await refused(await withEntry('xl/vbaProject.bin', 'VBA'), /macros/)
    await refused(await withEntry('xl/externalLinks/externalLink1.xml', '<externalLink/>'), /external links/)
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('S').getCell('A1').value = { formula: '[1]Sheet1!A1*2', result: 4 } as ExcelJS.CellFormulaValue
    await refused(new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer), /another workbook \(an external link\)/)
  })
})

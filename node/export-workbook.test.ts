// File → Export as… on the web host's code path (issue 11): the real web server's
// exportWorkbook endpoint restores the workbook text and writes .py / .xlsx atomically
// to the path the prompt answered, with the kind's extension enforced; refused arguments
// and workbooks the exporter refuses write nothing and say why.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PathPromptOptions } from '../renderer/src/bridge/path-prompt'
import { createWebBridge } from '../renderer/src/bridge/web-bridge'
import { checkExportOptions, checkWorkbookExportPath, suggestedExportName, withExportExtension } from './export-workbook'
import { SECRET_HEADERS, startTestServer, TEST_SECRET, VALID_WORKBOOK, type TestServer } from './web-server.test-support'

let t: TestServer
const api = async (method: string, body: unknown = {}): Promise<any> =>
  (await fetch(`${t.server.url}api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...SECRET_HEADERS }, body: JSON.stringify(body) })).json()
const exportVia = (path: string, kind: unknown, text: unknown = VALID_WORKBOOK, options: unknown = {}) => api('exportWorkbook', { path, kind, text, options })
const workbookWith = (cells: Record<string, unknown>) => JSON.stringify({ format: 'gradsheet', version: 1, objective: 'J', sheets: [{ name: 'Sheet1', cells }] })

beforeAll(async () => { t = await startTestServer() })
afterAll(async () => { await t.server.close() })

describe('exportWorkbook through the web host', () => {
  it('writes a PyTorch module, a NumPy module and an .xlsx (with gradient sheets) where the prompt said', async () => {
    const py = join(t.files, 'model.py')
    expect(await exportVia(py, 'pytorch', VALID_WORKBOOK, { workbookName: 'model.gradsheet' })).toEqual({ ok: true, value: { ok: true, path: py, name: 'model.py' } })
    expect(readFileSync(py, 'utf8')).toMatch(/import torch/)
    const np = join(t.files, 'model-np.py')
    expect((await exportVia(np, 'numpy')).value).toMatchObject({ ok: true, path: np })
    expect(readFileSync(np, 'utf8')).toMatch(/import numpy/)
    const xlsx = join(t.files, 'model.xlsx')
    expect((await exportVia(xlsx, 'xlsx', VALID_WORKBOOK, { gradients: true })).value).toMatchObject({ ok: true, path: xlsx })
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK')
    // The .xlsx opens again through File → Open, with its gradients sheet.
    const reopened = await api('openPath', { path: xlsx })
    expect(reopened.ok).toBe(true)
    expect(reopened.value.text).toMatch(/x\^2/)
    const ExcelJS = (await import('exceljs')).default
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(xlsx)
    expect(book.worksheets.map((w) => w.name)).toContain('dJ Sheet1')
  })

  it('writes large data beside the module as NAME.data.csv, and nowhere else', async () => {
    const cells: Record<string, unknown> = { B1: { input: '=SUM(A1:A1200)', name: 'J' } }
    for (let r = 1; r <= 1200; r++) cells[`A${r}`] = { input: String(r) }
    const before = readdirSync(t.files)
    const py = join(t.files, 'big.py')
    expect((await exportVia(py, 'pytorch', workbookWith(cells))).value).toMatchObject({ ok: true })
    expect(readdirSync(t.files).filter((f) => !before.includes(f)).sort()).toEqual(['big.data.csv', 'big.py'])
    expect(readFileSync(join(t.files, 'big.data.csv'), 'utf8').split('\n')[0]).toBe('1.0')
  })

  it('refuses a workbook with a function that has no translation, naming the cell and the function, and writes nothing', async () => {
    const py = join(t.files, 'refused.py')
    const reply = await exportVia(py, 'pytorch', workbookWith({ A1: { input: '12' }, B1: { input: '=gcd(A1, 8)', name: 'J' } }))
    expect(reply.value).toMatchObject({ ok: false, error: expect.stringMatching(/Sheet1!B1 uses gcd/) })
    expect(reply.value.error).toMatch(/Nothing was written/)
    expect(existsSync(py)).toBe(false)
  })

  it('refuses bad arguments in words and writes nothing', async () => {
    const py = join(t.files, 'bad.py')
    expect((await exportVia(py, 'python')).value.error).toMatch(/"pytorch", "numpy" or "xlsx"/)
    expect((await exportVia(join(t.files, 'bad.sh'), 'pytorch')).value.error).toMatch(/\.py file/)
    expect((await exportVia(join(t.files, 'bad.py'), 'xlsx')).value.error).toMatch(/\.xlsx file/)
    expect((await exportVia(join(t.files, 'model.gradsheet'), 'numpy')).value.error).toMatch(/\.py file/)
    expect((await exportVia('relative.py', 'pytorch')).value.error).toMatch(/absolute/)
    expect((await exportVia(py, 'pytorch', 42)).value.error).toMatch(/must be text/)
    expect((await exportVia(py, 'pytorch', '{not json')).value.error).toMatch(/cannot be exported/)
    expect((await exportVia(py, 'pytorch', VALID_WORKBOOK, { gradients: 'yes' })).value.error).toMatch(/true or false/)
    expect((await exportVia(py, 'pytorch', VALID_WORKBOOK, { path: '/etc/passwd' })).value.error).toMatch(/unknown field "path"/)
    expect((await exportVia(py, 'pytorch', VALID_WORKBOOK, { workbookName: 'a/b' })).value.error).toMatch(/bare name/)
    expect(existsSync(py)).toBe(false)
    expect(existsSync(join(t.files, 'bad.sh'))).toBe(false)
  })
})

describe('the browser bridge’s exportWorkbook (renderer/src/bridge/web-bridge.ts)', () => {
  it('asks for the path in its own prompt, proposing NAME.py, adds the extension, and writes nothing when cancelled', async () => {
    const answers: Array<string | null> = [join(t.files, 'from-prompt'), null]
    const prompts: PathPromptOptions[] = []
    const bridge = createWebBridge({
      fetch: (input, init) => fetch(new URL(input, t.server.url), init),
      promptForPath: async (options) => (prompts.push(options), answers.shift() ?? null),
      setTitle: () => {},
      setLeaveGuard: () => {},
      secret: () => TEST_SECRET,
      rememberDocument: () => {},
      rememberedDocument: () => null,
    })
    const outcome = await bridge.exportWorkbook!('numpy', VALID_WORKBOOK, { workbookName: 'regression.gradsheet' })
    expect(prompts[0]).toMatchObject({ title: 'Export as NumPy module', initialPath: join(t.files, 'regression.py') })
    expect(outcome).toEqual({ ok: true, path: join(t.files, 'from-prompt.py'), name: 'from-prompt.py' })
    expect(readFileSync(join(t.files, 'from-prompt.py'), 'utf8')).toMatch(/import numpy/)
    expect(await bridge.exportWorkbook!('xlsx', VALID_WORKBOOK, {})).toBeNull()
    expect(prompts[1]).toMatchObject({ title: 'Export as Excel workbook', initialPath: join(t.files, 'model.xlsx') })
  })
})

describe('export path helpers', () => {
  it('adds the kind’s extension to a dialog answer, and proposes the workbook’s name', () => {
    expect(withExportExtension('/tmp/m', 'pytorch')).toBe('/tmp/m.py')
    expect(withExportExtension('/tmp/m.PY', 'numpy')).toBe('/tmp/m.PY')
    expect(withExportExtension('/tmp/m.py', 'xlsx')).toBe('/tmp/m.py.xlsx')
    expect(suggestedExportName('regression.gradsheet', 'pytorch')).toBe('regression.py')
    expect(suggestedExportName('', 'xlsx')).toBe('model.xlsx')
    expect(checkWorkbookExportPath('/tmp/x.xlsx', 'xlsx').ok).toBe(true)
    expect(checkExportOptions(undefined)).toEqual({ ok: true, value: { gradients: false, workbookName: '' } })
    expect(checkExportOptions([]).ok).toBe(false)
  })
})

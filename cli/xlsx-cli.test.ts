// The command line on Excel files (SPEC §6: FILE may be an .xlsx): eval reads it with
// Excel's sheet names in the keys and the import report on stderr; convert writes .xlsx
// and .gradsheet; a bad .xlsx is exit code 1 with the reason and nothing written.
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '..')
const launcher = join(root, 'cli/bin/gradsheet.mjs')
const dir = mkdtempSync(join(tmpdir(), 'gradsheet-cli-xlsx-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function gradsheet(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [launcher, ...args], { cwd: root, timeout: 120_000 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr })
    })
  })
}

describe('gradsheet on .xlsx files', { timeout: 240_000 }, () => {
  it('eval model.xlsx: values and gradients keyed by the Excel sheet names; the import report on stderr', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('My model')
    ws.getCell('A1').value = 3
    ws.getCell('A2').value = { formula: 'A1^2+VLOOKUP(A1,A1:A1,1,FALSE)*0', result: 9 } as ExcelJS.CellFormulaValue
    ws.getCell('A3').value = { formula: 'A1*2', result: 6 } as ExcelJS.CellFormulaValue
    wb.definedNames.add("'My model'!$A$3", 'J')
    const path = join(dir, 'model.xlsx')
    writeFileSync(path, new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer))
    const r = await gradsheet('eval', path, '--json')
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.objective).toBe('My model!A3')
    expect(out.cells['My model!A1']).toMatchObject({ value: 3, grad: 2 })
    expect(out.cells['My model!A2'].error.code).toBe('#NAME?')
    expect(r.stderr).toMatch(/^gradsheet: My model!A2: =A1\^2\+VLOOKUP.* — no Gradsheet equivalent for VLOOKUP$/m)
  })

  it('convert: .gradsheet → .xlsx (--gradients) → .gradsheet gives the workbook back', async () => {
    const source = join(root, 'examples/reference-example-2.gradsheet')
    const xlsx = join(dir, 'r2.xlsx')
    expect((await gradsheet('convert', source, '--out', xlsx, '--gradients')).code).toBe(0)
    const back = join(dir, 'r2.gradsheet')
    expect((await gradsheet('convert', xlsx, '--out', back)).code).toBe(0)
    expect(readFileSync(back, 'utf8')).toBe(readFileSync(source, 'utf8'))
  })

  it('a bad .xlsx is exit code 1 with the reason, and convert writes nothing', async () => {
    const fake = join(dir, 'fake.xlsx')
    writeFileSync(fake, 'PK not really')
    const r = await gradsheet('eval', fake)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^gradsheet: cannot open .*fake\.xlsx: /)
    const out = join(dir, 'never.gradsheet')
    expect((await gradsheet('convert', fake, '--out', out)).code).toBe(1)
    expect(existsSync(out)).toBe(false)
    expect((await gradsheet('convert', fake)).code).toBe(2)
  })
})

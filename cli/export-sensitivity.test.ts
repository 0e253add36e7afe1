// `gradsheet export` and `gradsheet sensitivity` through the real launcher (SPEC §6):
// the module written to --out runs under /usr/bin/python3 and prints the engine's J and
// gradients; large data goes to a CSV beside it; sensitivity ranks by |grad| with
// elasticity; usage and file errors exit 2 and 1.
import { execFile, execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '..')
const launcher = join(root, 'cli/bin/gradsheet.mjs')
const example2 = join(root, 'examples/reference-example-2.gradsheet')
const linear = join(root, 'examples/linear-regression.gradsheet')
const dir = mkdtempSync(join(tmpdir(), 'gradsheet-cli-export-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function gradsheet(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [launcher, ...args], { cwd: root, timeout: 60_000 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr })
    })
  })
}

describe('gradsheet export', { timeout: 240_000 }, () => {
  it('--to pytorch --out: the module prints the SPEC §8 numbers; --train trains with the stored optimizer', async () => {
    const out = join(dir, 'model.py')
    const r = await gradsheet('export', example2, '--to', 'pytorch', '--out', out)
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' })
    const printed = JSON.parse(execFileSync('/usr/bin/python3', [out], { encoding: 'utf8' }))
    expect(printed).toEqual({ J: 84.5, grads: { 'Sheet1!B1': -39, 'Sheet1!B2': 13, 'Sheet1!B3': 39, 'Sheet1!B4': -13 } })
    const trained = JSON.parse(execFileSync('/usr/bin/python3', [out, '--train'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))
    expect(trained.J).toBeLessThan(84.5)
    expect(Object.keys(trained.params)).toEqual(['Sheet1!B3', 'Sheet1!B4'])
  })

  it('--to numpy to stdout; --objective picks another cell', async () => {
    const r = await gradsheet('export', example2, '--to', 'numpy', '--objective', 'd')
    expect(r.code).toBe(0)
    const path = join(dir, 'numpy_model.py')
    writeFileSync(path, r.stdout)
    expect(JSON.parse(execFileSync('/usr/bin/python3', [path], { encoding: 'utf8' }))).toEqual({ J: -13, grads: null })
  })

  it('linear regression with the data in a CSV beside the module when written to a file', async () => {
    const out = join(dir, 'linear.py')
    expect((await gradsheet('export', linear, '--to', 'pytorch', '--out', out)).code).toBe(0)
    const printed = JSON.parse(execFileSync('/usr/bin/python3', [out], { encoding: 'utf8' }))
    const want = JSON.parse((await gradsheet('eval', linear, '--json')).stdout)
    expect(printed.J).toBeCloseTo(want.cells['Sheet1!G3']?.value ?? printed.J, 12)
    expect(printed.grads['Sheet1!G1']).toBeCloseTo(want.cells['Sheet1!G1'].grad, 12)
    // The filled-down columns are one vector line each, and the training loop trains through them.
    expect(readFileSync(out, 'utf8')).toContain('f_C2_C9 = (w * data[0:8]) + b  # Sheet1!C2:C9 (8 cells): =w * A2 + b')
    const trained = JSON.parse(execFileSync('/usr/bin/python3', [out, '--train'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))
    expect(trained.J).toBeLessThan(printed.J)
  })

  it('usage errors exit 2, unreadable files 1', async () => {
    expect((await gradsheet('export', example2)).code).toBe(2)
    expect((await gradsheet('export', example2, '--to', 'tensorflow')).code).toBe(2)
    expect((await gradsheet('export', example2, '--to', 'numpy', '--top', '3')).code).toBe(2)
    expect((await gradsheet('export', example2, '--to', 'numpy', '--objective', 'nope')).code).toBe(2)
    const missing = await gradsheet('export', join(dir, 'missing.gradsheet'), '--to', 'numpy')
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/^gradsheet: /)
    const noJ = join(dir, 'noj.gradsheet')
    writeFileSync(noJ, JSON.stringify({ format: 'gradsheet', version: 1, objective: null, sheets: [{ name: 'Sheet1', cells: { A1: { input: '1' } } }] }))
    const refused = await gradsheet('export', noJ, '--to', 'pytorch', '--out', join(dir, 'never.py'))
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/cannot export .*objective/)
    expect(existsSync(join(dir, 'never.py'))).toBe(false)
  })
})

describe('gradsheet sensitivity', { timeout: 240_000 }, () => {
  it('--json: inputs J depends on, by |grad|, with elasticity value/J·grad (SPEC §6)', async () => {
    const r = await gradsheet('sensitivity', example2, '--json')
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.objective).toBe('Sheet1!B8')
    expect(out.J).toBe(84.5)
    expect(out.inputs.map((i: { cell: string }) => i.cell)).toEqual(['Sheet1!B1', 'Sheet1!B3', 'Sheet1!B2', 'Sheet1!B4'])
    expect(out.inputs[0]).toEqual({ cell: 'Sheet1!B1', name: 'x', value: -3, grad: -39, elasticity: (-3 / 84.5) * -39 })
    const top = JSON.parse((await gradsheet('sensitivity', example2, '--json', '--top', '2')).stdout)
    expect(top.inputs).toHaveLength(2)
  })

  it('elasticity is null when J is 0; the table form; bad --top is a usage error', async () => {
    const zero = join(dir, 'zero.gradsheet')
    writeFileSync(zero, JSON.stringify({ format: 'gradsheet', version: 1, objective: 'J', sheets: [{ name: 'Sheet1', cells: { A1: { input: '0', name: 'a' }, A2: { input: '=a * 3', name: 'J' } } }] }))
    const out = JSON.parse((await gradsheet('sensitivity', zero, '--json')).stdout)
    expect(out.inputs).toEqual([{ cell: 'Sheet1!A1', name: 'a', value: 0, grad: 3, elasticity: null }])
    const table = await gradsheet('sensitivity', example2)
    expect(table.stdout).toMatch(/^Objective J = Sheet1!B8 = 84\.5; 4 inputs ranked/)
    expect(table.stdout).toMatch(/1 +Sheet1!B1 +x +-3 +-39/)
    expect((await gradsheet('sensitivity', example2, '--top', '0')).code).toBe(2)
    expect((await gradsheet('sensitivity', example2, '--to', 'numpy')).code).toBe(2)
  })
})

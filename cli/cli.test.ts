// Runs the real `gradsheet` launcher as a child process, as a user would, and checks
// stdout, stderr and the exit code of every path.
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '..')
const launcher = join(root, 'cli/bin/gradsheet.mjs')
const example1 = join(root, 'examples/reference-example-1.gradsheet')
const example2 = join(root, 'examples/reference-example-2.gradsheet')

interface Run {
  code: number
  stdout: string
  stderr: string
}

function gradsheet(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [launcher, ...args], { cwd: root, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
      done({ code, stdout, stderr })
    })
  })
}

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gradsheet-cli-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function fileWith(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, content)
  return path
}

const book = (cells: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'gradsheet', version: 1, objective: 'J', sheets: [{ name: 'Sheet1', cells }], ...extra })

describe('gradsheet eval on the reference examples', () => {
  it('example 1 --json: the SPEC §8 values and gradients exactly', async () => {
    const r = await gradsheet('eval', example1, '--json')
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.objective).toBe('Sheet1!B5')
    const at = (key: string) => out.cells[key]
    expect(at('Sheet1!B1')).toEqual({ input: '-3', name: 'x', value: -3, grad: 216 })
    expect(at('Sheet1!B2')).toEqual({ input: '=x + 5', name: 'h', value: 2, grad: 216 })
    expect(at('Sheet1!B3')).toEqual({ input: '=h^3 + 1', name: 'g', value: 9, grad: 18 })
    expect(at('Sheet1!B4')).toEqual({ input: '=g^2', name: 'f', value: 81, grad: 1 })
    expect(at('Sheet1!B5')).toEqual({ input: '=f', name: 'J', value: 81, grad: 1 })
    expect([null, 'x']).toContainEqual(at('Sheet1!A1').value)
    expect(at('Sheet1!A1')).toMatchObject({ input: 'x', grad: null })
    expect(Object.keys(out.cells)).toEqual(['Sheet1!A1', 'Sheet1!B1', 'Sheet1!C1', 'Sheet1!A2', 'Sheet1!B2', 'Sheet1!A3', 'Sheet1!B3', 'Sheet1!A4', 'Sheet1!B4', 'Sheet1!A5', 'Sheet1!B5', 'Sheet1!C5'])
  })

  it('example 2 --json --only: the regression numbers exactly', async () => {
    const r = await gradsheet('eval', example2, '--json', '--only', 'x,y,w,b,c,f,d,J')
    expect(r.code).toBe(0)
    const cells = JSON.parse(r.stdout).cells
    const pick = (key: string) => [cells[key].value, cells[key].grad]
    expect(Object.keys(cells)).toEqual(['Sheet1!B1', 'Sheet1!B2', 'Sheet1!B3', 'Sheet1!B4', 'Sheet1!B5', 'Sheet1!B6', 'Sheet1!B7', 'Sheet1!B8'])
    expect(pick('Sheet1!B1')).toEqual([-3, -39]) // x
    expect(pick('Sheet1!B2')).toEqual([5, 13]) // y
    expect(pick('Sheet1!B3')).toEqual([3, 39]) // w
    expect(pick('Sheet1!B4')).toEqual([1, -13]) // b
    expect(pick('Sheet1!B5')).toEqual([-9, -13]) // c
    expect(pick('Sheet1!B6')).toEqual([-8, -13]) // f
    expect(pick('Sheet1!B7')).toEqual([-13, -13]) // d
    expect(pick('Sheet1!B8')).toEqual([84.5, 1]) // J
  })

  it('--set edits in order through the engine (A2==x+5 sets "=x+5"), refs by name, address or Sheet!A1', async () => {
    const r = await gradsheet('eval', example1, '--json', '--set', 'x=-4', '--set', 'Sheet1!B2==x+6', '--set', 'B3==h^2', '--only', 'x,h,g,J')
    expect(r.code).toBe(0)
    const cells = JSON.parse(r.stdout).cells
    // h = 2, g = 4, J = 16; dJ/dg = 8, dJ/dh = 8·2h = 32, dJ/dx = 32.
    expect(cells['Sheet1!B2']).toEqual({ input: '=x+6', name: 'h', value: 2, grad: 32 })
    expect(cells['Sheet1!B3']).toMatchObject({ input: '=h^2', value: 4, grad: 8 })
    expect(cells['Sheet1!B5']).toMatchObject({ value: 16, grad: 1 })
    expect(cells['Sheet1!B1']).toMatchObject({ input: '-4', value: -4, grad: 32 })
  })

  it('--objective picks another cell as J', async () => {
    const r = await gradsheet('eval', example2, '--json', '--objective', 'f', '--only', 'w,b,f,J')
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.objective).toBe('Sheet1!B6')
    expect(out.cells['Sheet1!B3'].grad).toBe(-3) // df/dw = x
    expect(out.cells['Sheet1!B4'].grad).toBe(1)
    expect(out.cells['Sheet1!B8'].grad).toBe(0) // J does not influence f
  })

  it('--timing writes one JSON line with load, eval and one figure per --set', async () => {
    const r = await gradsheet('eval', example2, '--json', '--timing', '--set', 'w=2', '--set', 'b=0')
    expect(r.code).toBe(0)
    const lines = r.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    const timing = JSON.parse(lines[0])
    expect(Object.keys(timing)).toEqual(['load_ms', 'eval_ms', 'edits_ms'])
    expect(timing.load_ms).toBeGreaterThan(0)
    expect(timing.eval_ms).toBeGreaterThan(0)
    expect(timing.edits_ms).toHaveLength(2)
    for (const ms of timing.edits_ms) expect(ms).toBeGreaterThanOrEqual(0)
    expect(JSON.parse(r.stdout).cells['Sheet1!B8'].value).toBe(60.5) // d = -6 + 0 - 5 = -11
  })

  it('prints a readable table by default', async () => {
    const r = await gradsheet('eval', example1)
    expect(r.code).toBe(0)
    const lines = r.stdout.split('\n')
    expect(lines[0]).toBe('Objective J: J = Sheet1!B5 = 81')
    expect(lines[2]).toMatch(/^cell\s+name\s+input\s+value\s+grad$/)
    expect(r.stdout).toMatch(/^Sheet1!B1\s+x\s+-3\s+-3\s+216$/m)
    expect(r.stdout).toMatch(/^Sheet1!B3\s+g\s+=h\^3 \+ 1\s+9\s+18$/m)
  })
})

describe('gradsheet eval on workbooks with errors and odd values', () => {
  it('cells in error are reported with code and message, and are not a failure', async () => {
    const path = await fileWith('errors.gradsheet', book({
      A1: { input: '2', name: 'a' },
      B1: { input: '=1/0' },
      C1: { input: '=a^2', name: 'J' },
      D1: { input: '=[1, 2] * a' },
      E1: { input: '=a > 1' },
    }))
    const r = await gradsheet('eval', path, '--json')
    expect(r.code).toBe(0)
    const cells = JSON.parse(r.stdout).cells
    expect(cells['Sheet1!B1']).toMatchObject({ input: '=1/0', value: null, grad: null, error: { code: '#DIV/0!' } })
    expect(typeof cells['Sheet1!B1'].error.message).toBe('string')
    expect(cells['Sheet1!A1']).toEqual({ input: '2', name: 'a', value: 2, grad: 4 })
    expect(cells['Sheet1!D1']).toMatchObject({ value: [2, 4], grad: [0, 0] })
    expect(cells['Sheet1!E1']).toEqual({ input: '=a > 1', value: true, grad: null })
  })

  it('several sheets: tab order, Sheet!A1 keys with the name as it is, quoted sheet references in --set', async () => {
    const path = await fileWith('sheets.gradsheet', JSON.stringify({
      format: 'gradsheet',
      version: 1,
      objective: 'J',
      sheets: [
        { name: 'My model', cells: { A1: { input: '=Data!A1^2', name: 'J' } } },
        { name: 'Data', cells: { B2: { input: '1' }, A1: { input: '2', name: 'a' } } },
      ],
    }))
    const r = await gradsheet('eval', path, '--json', '--set', "'My model'!A1==a^3")
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.objective).toBe('My model!A1')
    expect(Object.keys(out.cells)).toEqual(['My model!A1', 'Data!A1', 'Data!B2'])
    expect(out.cells['My model!A1']).toEqual({ input: '=a^3', name: 'J', value: 8, grad: 1 })
    expect(out.cells['Data!A1']).toEqual({ input: '2', name: 'a', value: 2, grad: 12 })
    expect(out.cells['Data!B2']).toEqual({ input: '1', value: 1, grad: 0 })
  })

  it('with no objective, values still print and gradients are null', async () => {
    const path = await fileWith('no-objective.gradsheet', book({ A1: { input: '3' }, A2: { input: '=A1*2' } }, { objective: null }))
    const r = await gradsheet('eval', path, '--json')
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.objective).toBe(null)
    expect(out.cells['Sheet1!A2']).toEqual({ input: '=A1*2', value: 6, grad: null })
    expect(out.gradients_unavailable).toMatch(/\w/)
    const table = await gradsheet('eval', path)
    expect(table.stdout.split('\n')[0]).toMatch(/^Objective: none\. Gradients unavailable: ./)
  })

  it('--json says why gradients are unavailable when J is in error, and omits the field when they are available', async () => {
    const path = await fileWith('j-error.gradsheet', book({ A1: { input: '0' }, A2: { input: '=1/A1', name: 'J' } }))
    const out = JSON.parse((await gradsheet('eval', path, '--json')).stdout)
    expect(out.gradients_unavailable).toMatch(/#DIV\/0!|error/)
    const fine = JSON.parse((await gradsheet('eval', example1, '--json')).stdout)
    expect('gradients_unavailable' in fine).toBe(false)
  })
})

describe('gradsheet exit codes', () => {
  const usageCases: string[][] = [[], ['frobnicate', example1], ['eval'], ['eval', example1, '--bogus'], ['eval', example1, '--set', 'x']]
  for (const args of usageCases) {
    it(`2 for the usage error: gradsheet ${args.map((a) => a.replace(root, '.')).join(' ')}`, async () => {
      const r = await gradsheet(...args)
      expect(r.code).toBe(2)
      expect(r.stdout).toBe('')
      expect(r.stderr).toMatch(/^gradsheet: .+\nRun "gradsheet --help" for usage\.\n$/)
    })
  }

  for (const args of [['--set', 'nosuch=1'], ['--only', 'x,nosuch'], ['--objective', 'Nosheet!A1']]) {
    it(`2 for a reference that names no cell: ${args.join(' ')}`, async () => {
      const r = await gradsheet('eval', example1, ...args)
      expect(r.code).toBe(2)
      expect(r.stdout).toBe('')
      expect(r.stderr).toMatch(/^gradsheet: .*no such cell/)
    })
  }

  it('0 and the usage text for --help', async () => {
    const r = await gradsheet('--help')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^Usage: gradsheet eval FILE/)
  })

  const sheet = (cells: Record<string, unknown>) => book(cells)
  const badFiles: [string, () => Promise<string>, RegExp][] = [
    ['a missing file', async () => join(dir, 'missing.gradsheet'), /missing\.gradsheet does not exist\./],
    ['a folder', async () => (await mkdir(join(dir, 'a-folder.gradsheet'), { recursive: true }), join(dir, 'a-folder.gradsheet')), /is a folder, not a file\./],
    ['bytes that are not UTF-8', () => fileWith('binary.gradsheet', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])), /is not UTF-8 text/],
    ['text that is not JSON', () => fileWith('not-json.gradsheet', '{"format": "gradsheet",\n  oops}'), /not valid JSON: unexpected "o" at line 2, column 3/],
    ['JSON that is not an object', () => fileWith('array.gradsheet', '[]'), /not a Gradsheet workbook: the file holds a list/],
    ['another format', () => fileWith('other.gradsheet', JSON.stringify({ format: 'xlsx', version: 1, sheets: [] })), /"format" is "xlsx", expected "gradsheet"/],
    ['a newer version', () => fileWith('newer.gradsheet', JSON.stringify({ format: 'gradsheet', version: 99, sheets: [] })), /newer Gradsheet \(file version 99/],
    ['no sheets', () => fileWith('no-sheets.gradsheet', JSON.stringify({ format: 'gradsheet', version: 1 })), /no "sheets" list/],
    ['duplicate sheet names', () => fileWith('dup-sheet.gradsheet', JSON.stringify({ format: 'gradsheet', version: 1, sheets: [{ name: 'S', cells: {} }, { name: 'S', cells: {} }] })), /two sheets are named "S"/],
    ['a malformed address', () => fileWith('address.gradsheet', sheet({ B0: { input: '1' } })), /"B0" is not a cell address/],
    ['an address out of range', () => fileWith('range.gradsheet', sheet({ XFE1: { input: '1' } })), /"XFE1" is out of range/],
    ['a duplicate name', () => fileWith('dup-name.gradsheet', sheet({ A1: { input: '1', name: 'x' }, A2: { input: '2', name: 'x' } })), /the name "x" is already used by Sheet1!A1/],
    ['an invalid name', () => fileWith('bad-name.gradsheet', sheet({ A1: { input: '1', name: 'pi' } })), /"pi" is a constant, so it cannot be a name/],
    ['a non-string input', () => fileWith('input.gradsheet', sheet({ A1: { input: 3 } })), /"input" must be text, found the number 3/],
    ['a non-boolean param', () => fileWith('param.gradsheet', sheet({ A1: { input: '3', param: 'yes' } })), /"param" must be true or false/],
    ['an objective that is not text', () => fileWith('objective.gradsheet', book({ A1: { input: '3' } }, { objective: 7 })), /"objective" must be a cell name or address/],
  ]
  for (const [kind, makeFile, message] of badFiles) {
    it(`1 for ${kind}, with the reason on stderr`, async () => {
      const path = await makeFile()
      const r = await gradsheet('eval', path, '--json')
      expect(r.code).toBe(1)
      expect(r.stdout).toBe('')
      expect(r.stderr).toMatch(/^gradsheet: /)
      expect(r.stderr).toMatch(message)
    })
  }
})

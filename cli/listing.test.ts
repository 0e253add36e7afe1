// `gradsheet eval`'s cell listing is written as it is read (issue 12: peak memory on a
// 1M-cell file): the streamed table and JSON must be exactly what the whole-report
// functions print, the output must be waited for in chunks, and a long table must not
// depend on spreading every row into one call (that overflowed the stack at 1M rows).
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEngine } from '../engine/index.ts'
import { parseCommandLine } from './args.ts'
import { runEval } from './eval-command.ts'
import { TABLE_HEADERS, cellKey, formatTable, jsonReport, objectiveLine, tableRow } from './report.ts'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gradsheet-listing-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const book = {
  format: 'gradsheet',
  version: 1,
  objective: 'J',
  sheets: [
    {
      name: 'Sheet1',
      cells: {
        A1: { input: '2', name: 'x' },
        A2: { input: '=[A1, 2; 3, 4]' },
        B1: { input: '=1/0' },
        C3: { input: 'a   label\twith spaces' },
        D1: { input: '=sqrt(x - 2)', name: 'J' },
        E1: { input: '', name: 'blank' },
      },
    },
    { name: 'My data', cells: { A1: { input: '=Sheet1!A1*2', param: true } } },
  ],
}

async function evalOf(doc: object, ...argv: string[]): Promise<{ code: number; stdout: string; chunks: number; drains: number }> {
  const file = join(dir, `book-${Math.random().toString(36).slice(2)}.gradsheet`)
  await writeFile(file, JSON.stringify(doc))
  const parsed = parseCommandLine(['eval', file, ...argv])
  if (parsed.kind !== 'eval') throw new Error(JSON.stringify(parsed))
  let stdout = ''
  let chunks = 0
  let drains = 0
  const code = await runEval(parsed.options, {
    stdout: (t) => {
      stdout += t
      chunks++
    },
    stderr: () => {},
    drained: async () => {
      drains++
    },
  })
  return { code, stdout, chunks, drains }
}

describe('the streamed listing', () => {
  it('prints exactly the table and the JSON the whole-report functions make', async () => {
    const engine = createEngine(JSON.parse(JSON.stringify(book)))
    const cells = engine.cells().filter((c) => c.input !== '' || c.name !== undefined)
    const objective = engine.objective()
    const table = await evalOf(book)
    expect(table.code).toBe(0)
    expect(table.stdout).toBe(`${objectiveLine(objective)}\n\n${formatTable(TABLE_HEADERS, cells.map(tableRow))}\n`)
    const json = await evalOf(book, '--json')
    const report = jsonReport(objective, cells)
    report.objective = cellKey(engine.resolveRef(objective.cell!)!)
    expect(json.stdout).toBe(JSON.stringify(report, null, 2) + '\n')
  })

  it('writes a large listing in chunks and waits for the output between them', async () => {
    const cells: Record<string, { input: string }> = { A1: { input: '1' } }
    for (let r = 2; r <= 5000; r++) cells[`A${r}`] = { input: `=A${r - 1}+1` }
    const doc = { format: 'gradsheet', version: 1, objective: 'A5000', sheets: [{ name: 'Sheet1', cells }] }
    for (const json of [false, true]) {
      const r = await evalOf(doc, ...(json ? ['--json'] : []))
      expect(r.chunks).toBeGreaterThan(2)
      expect(r.drains).toBeGreaterThanOrEqual(r.chunks - 1)
      if (json) expect(Object.keys(JSON.parse(r.stdout).cells).length).toBe(5000)
      else expect(r.stdout.trimEnd().split('\n').length).toBe(5000 + 4)
    }
  })

  it('formats a table of 300,000 rows (no call spreads every row)', () => {
    const rows = Array.from({ length: 300_000 }, (_, i) => [`Sheet1!A${i + 1}`, '', String(i), String(i), '1', ''])
    const text = formatTable(TABLE_HEADERS, rows)
    expect(text.split('\n').length).toBe(300_002)
    expect(text.split('\n')[0]).toBe('cell            input   value   grad')
  })
})

// `gradsheet eval --edit JSON` (issue 9): editing commands for scripts, in command-line
// order with --set; a refused command is a usage error that says why.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseCommandLine } from './args.ts'
import { runEval } from './eval-command.ts'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gradsheet-edit-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const file = join(dir, 'book.gradsheet')
  const cells = { A1: { input: '3', name: 'x' }, B1: { input: '=A1*2', name: 'J' } }
  await writeFile(file, JSON.stringify({ format: 'gradsheet', version: 1, objective: 'J', sheets: [{ name: 'Sheet1', cells }] }))
  const parsed = parseCommandLine(['eval', file, ...argv])
  if (parsed.kind !== 'eval') throw new Error(JSON.stringify(parsed))
  let stdout = ''
  let stderr = ''
  const code = await runEval(parsed.options, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) })
  return { code, stdout, stderr }
}

describe('--edit', () => {
  it('keeps its place among the --set edits', () => {
    const r = parseCommandLine(['eval', 'f', '--edit', '{"type":"fill"}', '--set', 'x=1', '--edit', '{"type":"clearCells"}'])
    expect(r.kind === 'eval' && r.options.edits).toEqual([
      { edit: { type: 'fill' }, afterSets: 0 },
      { edit: { type: 'clearCells' }, afterSets: 1 },
    ])
  })

  it('refuses text that is not a JSON edit object, in words', () => {
    expect(parseCommandLine(['eval', 'f', '--edit', '{type:'])).toMatchObject({ kind: 'usage-error', message: expect.stringMatching(/not JSON/) })
    expect(parseCommandLine(['eval', 'f', '--edit', '[1]'])).toMatchObject({ kind: 'usage-error', message: expect.stringMatching(/JSON object with a "type"/) })
  })

  it('copies with shifted references and inserts rows, then prints the result', async () => {
    const r = await run(
      '--edit', '{"type":"copyCells","fromSheet":"Sheet1","from":"B1","toSheet":"Sheet1","to":"C1"}',
      '--edit', '{"type":"insertRows","sheet":"Sheet1","at":1,"count":1}',
      '--json',
    )
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.cells['Sheet1!C2']).toMatchObject({ input: '=B2*2', value: 12 })
    expect(out.cells['Sheet1!B2']).toMatchObject({ input: '=A2*2', name: 'J', value: 6 })
    expect(out.cells['Sheet1!A2']).toMatchObject({ name: 'x', grad: 2 })
  })

  it('runs after the --set edits given before it', async () => {
    const r = await run('--set', 'x=10', '--edit', '{"type":"copyCells","fromSheet":"Sheet1","from":"B1","toSheet":"Sheet1","to":"D1","values":true}', '--json')
    expect(JSON.parse(r.stdout).cells['Sheet1!D1']).toMatchObject({ input: '20', value: 20 })
  })

  it('exits 2 with the reason when the engine refuses a command', async () => {
    const r = await run('--edit', '{"type":"deleteRows","sheet":"Nope","at":1,"count":1}')
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/was refused: there is no sheet named "Nope"/)
  })
})

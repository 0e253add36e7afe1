import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parseWebArgs } from './web-server-args'
import { VALID_WORKBOOK } from './web-server.test-support'

const repoRoot = join(import.meta.dirname, '..')

function startMain(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'node', 'web-server-main.ts'), ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line:\n${output}`)), 30_000)
    child.stdout!.on('data', () => {
      const match = output.match(/Gradsheet web: (http:\/\/127\.0\.0\.1:\d+\/)/)
      if (match) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    child.once('exit', () => {
      clearTimeout(timer)
      reject(new Error(`exited early:\n${output}`))
    })
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))
  return { child, ready, exited, output: () => output }
}

// Each test starts real server processes (tsx compiles on start): generous time on a busy machine.
describe('npm run web entry point', { timeout: 120_000 }, () => {
  const children: ChildProcess[] = []
  afterEach(() => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  })

  it('prints its URL, opens the FILE it was given, and exits cleanly on SIGTERM', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'gradsheet-main-'))
    const file = join(folder, 'given.gradsheet')
    writeFileSync(file, VALID_WORKBOOK)
    const run = startMain(['--port', '0', file], { GRADSHEET_DATA_DIR: join(folder, 'data') })
    children.push(run.child)
    const url = await run.ready
    const reply = await fetch(`${url}api/initialFile`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })
    expect(await reply.json()).toEqual({ ok: true, value: { path: file, name: 'given.gradsheet', text: VALID_WORKBOOK } })
    run.child.kill('SIGTERM')
    expect(await run.exited).toEqual({ code: 0, signal: null })
  })

  it('restores a hot-exit backup when started without a FILE, and exits cleanly on SIGINT', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'gradsheet-main-'))
    const data = join(folder, 'data')
    const first = startMain(['--port', '0'], { GRADSHEET_DATA_DIR: data })
    children.push(first.child)
    const url = await first.ready
    const post = (base: string, method: string, body: unknown) =>
      fetch(`${base}api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json())
    expect(await post(url, 'writeBackup', { text: VALID_WORKBOOK })).toEqual({ ok: true, value: null })
    first.child.kill('SIGKILL') // a crash: no chance to clean up
    await first.exited
    const second = startMain(['--port', '0'], { GRADSHEET_DATA_DIR: data })
    children.push(second.child)
    const url2 = await second.ready
    expect(await post(url2, 'initialFile', {})).toEqual({ ok: true, value: { path: null, name: 'Untitled', text: VALID_WORKBOOK, recovered: true } })
    second.child.kill('SIGINT')
    expect(await second.exited).toEqual({ code: 0, signal: null })
  })

  it('a usage error exits with status 2 and says how to call it', async () => {
    const run = startMain(['--port', 'eighty'])
    children.push(run.child)
    await run.ready.catch(() => undefined)
    expect((await run.exited).code).toBe(2)
    expect(run.output()).toMatch(/--port needs a port number/)
    expect(run.output()).toMatch(/Usage: npm run web/)
  })
})

describe('web arguments', () => {
  it('reads --port and one FILE', () => {
    expect(parseWebArgs([])).toEqual({ ok: true, value: { port: 5173, file: null } })
    expect(parseWebArgs(['--port', '8080', 'a.gradsheet'])).toEqual({ ok: true, value: { port: 8080, file: 'a.gradsheet' } })
    expect(parseWebArgs(['--', '--port=0'])).toEqual({ ok: true, value: { port: 0, file: null } })
  })

  it('refuses bad ports, unknown options and two files', () => {
    expect(parseWebArgs(['--port'])).toMatchObject({ ok: false })
    expect(parseWebArgs(['--port', '70000'])).toMatchObject({ ok: false })
    expect(parseWebArgs(['--verbose'])).toMatchObject({ ok: false, error: 'Unknown option "--verbose".' })
    expect(parseWebArgs(['a', 'b'])).toMatchObject({ ok: false })
  })
})

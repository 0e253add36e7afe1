import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parseWebArgs } from './web-server-args'
import { VALID_WORKBOOK } from './web-server.test-support'
import { READY_LINE, startServerProcess } from './web-server-process.test-support'

function startMain(args: string[], env: Record<string, string> = {}) {
  const run = startServerProcess(args, env)
  return { ...run, ready: run.ready.then(({ base }) => base) }
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
    // SPEC §7: the address on a line of its own, with a fresh secret each run.
    const line = run.output().split('\n').find((l) => READY_LINE.test(l))!
    expect(line).toMatch(new RegExp(`^Gradsheet web: ${url.replace(/[.]/g, '\\.')}\\?token=[A-Za-z0-9_-]{32}$`))
    const unauthorised = await fetch(`${url}api/initialFile`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })
    expect(unauthorised.status).toBe(401)
    expect(await run.call('initialFile', {})).toEqual({ ok: true, value: { path: file, name: 'given.gradsheet', text: VALID_WORKBOOK } })
    run.child.kill('SIGTERM')
    expect(await run.exited).toEqual({ code: 0, signal: null })
  })

  it('restores a hot-exit backup when started without a FILE, and exits cleanly on SIGINT', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'gradsheet-main-'))
    const data = join(folder, 'data')
    const first = startMain(['--port', '0'], { GRADSHEET_DATA_DIR: data })
    children.push(first.child)
    await first.ready
    const document = { id: 'doc-main', path: null, name: 'Untitled' }
    expect(await first.call('writeBackup', { document, text: VALID_WORKBOOK })).toEqual({ ok: true, value: null })
    first.child.kill('SIGKILL') // a crash: no chance to clean up
    await first.exited
    const second = startMain(['--port', '0'], { GRADSHEET_DATA_DIR: data })
    children.push(second.child)
    await second.ready
    expect(await second.call('initialFile', {})).toEqual({ ok: true, value: { path: null, name: 'Untitled', text: VALID_WORKBOOK, recovered: true, documentId: 'doc-main' } })
    // A second tab does not get the same work: it is that document's, now claimed.
    expect((await second.call('initialFile', {})).value).toMatchObject({ name: 'reference-example-1.gradsheet', path: null })
    expect((await second.call('initialFile', {})).value.recovered).toBeUndefined()
    second.child.kill('SIGINT')
    expect(await second.exited).toEqual({ code: 0, signal: null })
  })

  it('started with a FILE, offers that file’s unsaved work from a crash, and refuses backups naming unopened paths', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'gradsheet-main-'))
    const data = join(folder, 'data')
    const file = join(folder, 'given.gradsheet')
    writeFileSync(file, VALID_WORKBOOK)
    const first = startMain(['--port', '0', file], { GRADSHEET_DATA_DIR: data })
    children.push(first.child)
    await first.ready
    const opened = (await first.call('initialFile', {})).value
    expect(opened).toEqual({ path: file, name: 'given.gradsheet', text: VALID_WORKBOOK })
    const unsaved = VALID_WORKBOOK.replace('-3', '-4')
    const document = { id: 'doc-of-given', path: file, name: 'given.gradsheet' }
    expect(await first.call('writeBackup', { document, text: unsaved })).toEqual({ ok: true, value: null })
    const elsewhere = { id: 'doc-elsewhere', path: join(folder, 'never-opened.gradsheet'), name: 'x.gradsheet' }
    expect((await first.call('writeBackup', { document: elsewhere, text: unsaved })).error).toMatch(/did not open or save/)
    first.child.kill('SIGKILL')
    await first.exited
    const second = startMain(['--port', '0', file], { GRADSHEET_DATA_DIR: data })
    children.push(second.child)
    await second.ready
    expect((await second.call('initialFile', {})).value).toEqual({ path: file, name: 'given.gradsheet', text: unsaved, recovered: true, documentId: 'doc-of-given' })
    // Saving it back goes to the same file without asking.
    expect((await second.call('save', { path: file, text: unsaved })).value).toMatchObject({ ok: true, path: file })
    second.child.kill('SIGKILL')
    await second.exited
  })

  it('a reloaded tab gets its own unsaved work back, not another tab’s', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'gradsheet-main-'))
    const run = startMain(['--port', '0'], { GRADSHEET_DATA_DIR: join(folder, 'data') })
    children.push(run.child)
    await run.ready
    const tab1 = { id: 'tab-one-doc', path: null, name: 'One' }
    const tab2 = { id: 'tab-two-doc', path: null, name: 'Two' }
    expect(await run.call('writeBackup', { document: tab1, text: VALID_WORKBOOK })).toEqual({ ok: true, value: null })
    const other = VALID_WORKBOOK.replace('-3', '-5')
    expect(await run.call('writeBackup', { document: tab2, text: other })).toEqual({ ok: true, value: null })
    expect((await run.call('initialFile', { documentId: 'tab-one-doc' })).value).toEqual({ path: null, name: 'One', text: VALID_WORKBOOK, recovered: true, documentId: 'tab-one-doc' })
    expect((await run.call('initialFile', { documentId: 'tab-two-doc' })).value).toMatchObject({ text: other, documentId: 'tab-two-doc' })
    // A tab whose document has no backup (saved, or never edited) starts afresh: others' work stays theirs.
    expect((await run.call('initialFile', { documentId: 'no-such-doc' })).value.recovered).toBeUndefined()
    run.child.kill('SIGKILL')
    await run.exited
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

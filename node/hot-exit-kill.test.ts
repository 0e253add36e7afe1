// Hot exit under real crashes: the `npm run web` entry point is killed with SIGKILL while
// backups of ongoing edits are being written, again and again; every next start must
// offer the work back, whole (never a torn file) and no older than the last backup the
// server acknowledged. A discard followed by a crash must not resurrect the work.
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { restoreDocument } from '../engine/workbook/restore.ts'

const repoRoot = join(import.meta.dirname, '..')
export const KILL_CYCLES = 6

function start(dataDir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'node', 'web-server-main.ts'), '--port', '0'], {
    cwd: repoRoot,
    env: { ...process.env, GRADSHEET_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const url = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line:\n${output}`)), 60_000)
    const onData = (chunk: Buffer) => {
      output += chunk
      const m = output.match(/Gradsheet web: (http:\/\/127\.0\.0\.1:\d+\/)/)
      if (m) {
        clearTimeout(timer)
        resolve(m[1])
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', () => reject(new Error(`exited early:\n${output}`)))
  })
  const call = async (method: string, body: unknown) =>
    (await fetch(`${await url}api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).json()
  return { child, url, exited, call }
}

/** A workbook as an edit session would back it up: version n, with some bulk to widen the write. */
function workbookAt(n: number): string {
  const cells: Record<string, { input: string }> = { A1: { input: String(n) } }
  for (let i = 2; i <= 2000; i++) cells[`A${i}`] = { input: `=A${i - 1} + ${n}` }
  return JSON.stringify({ format: 'gradsheet', version: 1, objective: null, sheets: [{ name: 'Sheet1', cells }] })
}

const versionOf = (text: string): number => {
  const restored = restoreDocument(text)
  if (!restored.ok) throw new Error(`the restored backup is not a valid workbook: ${restored.error}`)
  return Number(restored.doc.sheets[0].cells.A1.input)
}

describe('hot exit across SIGKILL', { timeout: 300_000 }, () => {
  it(`${KILL_CYCLES} crashes in the middle of backup writes: each restart restores whole, recent work`, async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'gradsheet-kill-')), 'data')
    let version = 0
    for (let cycle = 0; cycle < KILL_CYCLES; cycle++) {
      const run = start(dataDir)
      await run.url
      if (cycle > 0) {
        // The previous crash's work is offered back, marked as recovered.
        const initial = await run.call('initialFile', {})
        expect(initial.ok).toBe(true)
        expect(initial.value.recovered).toBe(true)
        expect(versionOf(initial.value.text)).toBeGreaterThanOrEqual(version)
        version = versionOf(initial.value.text)
      }
      // Keep editing (backups in flight) and crash at a moment no step waits for.
      let acknowledged = version
      let stop = false
      const editing = (async () => {
        for (let n = version + 1; !stop; n++) {
          const reply = await run.call('writeBackup', { text: workbookAt(n) }).catch(() => null)
          if (reply?.ok) acknowledged = n
        }
      })()
      // Crash after at least one acknowledged backup, at a different moment each cycle.
      while (acknowledged === version) await new Promise((r) => setTimeout(r, 10))
      await new Promise((r) => setTimeout(r, 15 + cycle * 40))
      run.child.kill('SIGKILL')
      await run.exited
      stop = true
      await editing
      expect(acknowledged).toBeGreaterThan(version) // some edits were backed up before the crash
      version = acknowledged
    }
    // Last round: the user saves (backup discarded), then the app crashes: nothing to restore.
    const last = start(dataDir)
    expect((await last.call('initialFile', {})).value.recovered).toBe(true)
    expect(await last.call('writeBackup', { text: null })).toEqual({ ok: true, value: null })
    last.child.kill('SIGKILL')
    await last.exited
    const after = start(dataDir)
    const initial = await after.call('initialFile', {})
    expect(initial.ok).toBe(true)
    expect(initial.value?.recovered).toBeUndefined()
    after.child.kill('SIGKILL')
    await after.exited
    // Crashed writes can leave their temporary files, but never in place of the backup.
    for (const name of readdirSync(dataDir)) expect(name === 'hot-exit-backup.json' || name.endsWith('.tmp')).toBe(true)
  })
})

// Hot exit under real crashes: the `npm run web` entry point is killed with SIGKILL while
// backups of ongoing edits are being written, again and again; every next start must
// offer the work back, whole (never a torn file) and no older than the last backup the
// server acknowledged. A discard followed by a crash must not resurrect the work.
import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { restoreDocument } from '../engine/workbook/restore.ts'
import { startServerProcess } from './web-server-process.test-support'

/** One document, as one tab's edit session backs it up. */
const DOCUMENT = { id: 'kill-test-document', path: null, name: 'Untitled.gradsheet' }
export const KILL_CYCLES = 6

function start(dataDir: string) {
  const run = startServerProcess(['--port', '0'], { GRADSHEET_DATA_DIR: dataDir })
  return { child: run.child, url: run.ready, exited: run.exited, call: run.call }
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
        const initial = await run.call('initialFile', { documentId: DOCUMENT.id })
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
          const reply = await run.call('writeBackup', { document: DOCUMENT, text: workbookAt(n) }).catch(() => null)
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
    expect((await last.call('initialFile', {})).value).toMatchObject({ recovered: true, documentId: DOCUMENT.id })
    expect(await last.call('writeBackup', { document: DOCUMENT, text: null })).toEqual({ ok: true, value: null })
    last.child.kill('SIGKILL')
    await last.exited
    const after = start(dataDir)
    const initial = await after.call('initialFile', {})
    expect(initial.ok).toBe(true)
    expect(initial.value?.recovered).toBeUndefined()
    after.child.kill('SIGKILL')
    await after.exited
    // The discarded document's backup folder is gone entirely.
    expect(readdirSync(join(dataDir, 'backups'))).toEqual([])
  })
})

// scripts/start.mjs: how it finds Electron, that a fetch can never hang it, and its one
// sentence (then the web app) where no desktop binary can be had.
import { spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
// @ts-expect-error: a plain .mjs script without type declarations
import { findElectronBinary, NO_ELECTRON_MESSAGE, tryDownloadElectron } from '../scripts/start.mjs'

const repoRoot = join(import.meta.dirname, '..')

function fakeProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'gradsheet-start-'))
  mkdirSync(join(root, 'node_modules', 'electron', 'dist'), { recursive: true })
  return root
}

describe('npm start', () => {
  it('finds Electron only where its installer left a binary (never via require)', () => {
    const root = fakeProject()
    expect(findElectronBinary(root, {})).toBeNull()
    writeFileSync(join(root, 'node_modules', 'electron', 'path.txt'), 'electron')
    expect(findElectronBinary(root, {})).toBeNull() // path.txt without the binary
    const binary = join(root, 'node_modules', 'electron', 'dist', 'electron')
    writeFileSync(binary, '#!/bin/sh\n')
    chmodSync(binary, 0o755)
    expect(findElectronBinary(root, {})).toBe(binary)
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent' })).toBeNull()
  })

  it('never hangs on a download: the installer is bounded in time, or skipped', () => {
    const root = fakeProject()
    writeFileSync(join(root, 'node_modules', 'electron', 'install.js'), 'setInterval(() => {}, 1000)\n')
    const started = Date.now()
    expect(tryDownloadElectron(root, { GRADSHEET_ELECTRON_DOWNLOAD_TIMEOUT_MS: '500' })).toBe(false)
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(tryDownloadElectron(root, { GRADSHEET_NO_ELECTRON_DOWNLOAD: '1' })).toBe(false)
  })

  it('without a desktop binary, says so in one sentence and serves the web app on port 5173 instead', () => {
    const run = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'start.mjs'), 'model.gradsheet'], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        GRADSHEET_SKIP_BUILD: '1',
        GRADSHEET_START_DRY_RUN: '1',
        GRADSHEET_NO_ELECTRON_DOWNLOAD: '1',
        ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent-electron',
      },
    })
    expect(run.status).toBe(0)
    const lines: string[] = run.stdout.trim().split('\n')
    expect(lines.filter((line: string) => line === NO_ELECTRON_MESSAGE)).toHaveLength(1)
    expect(NO_ELECTRON_MESSAGE).toMatch(/not available on this machine/)
    expect(NO_ELECTRON_MESSAGE).toContain('npm run web')
    expect(NO_ELECTRON_MESSAGE.split(/[.!?](\s|$)/).filter((s: string | undefined) => s && s.trim()).length).toBe(1)
    expect(lines).toContain('Gradsheet: would run: npm run web -- --port 5173 model.gradsheet')
  })
})

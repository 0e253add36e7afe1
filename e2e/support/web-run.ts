// The `npm run web` server under a test's control, for tests that crash and restart it:
// a data folder kept across runs, an optional FILE, SIGKILL, and pages opened on the
// address it prints (secret included). The working folder is the test's own, so the
// path prompt proposes it.
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from '@playwright/test'
import { waitForUrl } from './launch'
import { repoRoot } from './target'

export interface WebRun {
  url: Promise<string>
  kill(): Promise<void>
  stop(): Promise<void>
}

export function startWebRun(dataDir: string, file?: string, workingDir = repoRoot): WebRun {
  const child = spawn(process.execPath, [join(repoRoot, 'scripts', 'web.mjs'), '--port', '0', ...(file ? [file] : [])], {
    cwd: repoRoot,
    env: { ...process.env, GRADSHEET_DATA_DIR: dataDir, GRADSHEET_SKIP_BUILD: '1', INIT_CWD: workingDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
    await exited
  }
  return { url: waitForUrl(child, 60_000), kill: () => end('SIGKILL'), stop: () => end('SIGTERM') }
}

/** A new tab on the run's address; leaving a page with unsaved work is accepted. */
export async function openTab(browser: Browser, run: WebRun): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  await page.goto(await run.url)
  await page.getByRole('textbox', { name: 'Formula bar' }).waitFor({ timeout: 30_000 })
  return page
}

/** Every hot-exit backup in the data folder, as text (node/document-backups.ts layout). */
export function backupTexts(dataDir: string): string[] {
  const root = join(dataDir, 'backups')
  if (!existsSync(root)) return []
  return readdirSync(root).flatMap((id) => {
    const file = join(root, id, 'hot-exit-backup.json')
    try {
      return [JSON.parse(readFileSync(file, 'utf8')).text as string]
    } catch {
      return []
    }
  })
}

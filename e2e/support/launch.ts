// Starts the app for one test and returns its window. Electron when its binary exists;
// otherwise `scripts/web.mjs` (the same server `npm run web` starts) plus Chromium.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron, chromium, type Browser, type ElectronApplication, type Page } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumBinary, electronBinary, repoRoot } from './target'

export interface RunningApp {
  page: Page
  /** A private data folder (recent files, backups) for this run. */
  dataDir: string
  close(): Promise<void>
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/** The address `npm run web` prints (SPEC §7), secret included: `http://127.0.0.1:PORT/?token=…`. */
export const WEB_URL_PATTERN = /http:\/\/127\.0\.0\.1:\d+\/\S*/

export function waitForUrl(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`web server did not start:\n${output}`)), timeoutMs)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = output.match(WEB_URL_PATTERN)
      if (match) {
        clearTimeout(timer)
        resolve(match[0])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`web server exited with ${code}:\n${output}`))
    })
  })
}

async function launchElectron(binary: string, file: string | undefined, dataDir: string): Promise<RunningApp> {
  const app: ElectronApplication = await _electron.launch({
    executablePath: binary,
    args: [join(repoRoot, 'out', 'main', 'index.js'), ...(file ? [file] : [])],
    env: { ...process.env, GRADSHEET_DATA_DIR: dataDir },
  })
  const page = await app.firstWindow()
  return { page, dataDir, close: () => app.close() }
}

async function launchWeb(file: string | undefined, dataDir: string): Promise<RunningApp> {
  const port = await freePort()
  const child = spawn(process.execPath, [join(repoRoot, 'scripts', 'web.mjs'), '--port', String(port), ...(file ? [file] : [])], {
    cwd: repoRoot,
    env: { ...process.env, GRADSHEET_DATA_DIR: dataDir, GRADSHEET_SKIP_BUILD: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let browser: Browser | undefined
  try {
    const url = await waitForUrl(child, 30_000)
    browser = await chromium.launch({ executablePath: chromiumBinary(), args: CHROMIUM_ARGS })
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(url)
    const opened = browser
    return {
      page,
      dataDir,
      close: async () => {
        await opened.close()
        child.kill('SIGTERM')
      },
    }
  } catch (error) {
    await browser?.close()
    child.kill('SIGKILL')
    throw error
  }
}

export async function launchApp(file?: string): Promise<RunningApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gradsheet-e2e-'))
  const binary = electronBinary()
  return binary ? launchElectron(binary, file, dataDir) : launchWeb(file, dataDir)
}

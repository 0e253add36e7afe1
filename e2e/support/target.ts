// Which app the e2e suite drives: the desktop app in Electron when its binary is on this
// machine, otherwise the same renderer served by `npm run web` to Chromium. Detected
// without `require('electron')`, which would try to download the binary.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export const repoRoot = join(import.meta.dirname, '..', '..')

export function electronBinary(): string | null {
  if (process.env.GRADSHEET_E2E_TARGET === 'web') return null
  const dir = join(repoRoot, 'node_modules', 'electron')
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser']

export function chromiumBinary(): string | undefined {
  return CHROMIUM_CANDIDATES.find((p) => existsSync(p))
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export function describeTarget(): string {
  const electron = electronBinary()
  if (electron) return `e2e: running against the Electron desktop app (${electron})`
  const chromium = chromiumBinary() ?? "Playwright's bundled Chromium"
  return `e2e: no Electron binary on this machine — running against the web build (npm run web) in ${chromium}`
}

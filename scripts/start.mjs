#!/usr/bin/env node
// `npm start [-- FILE]`: builds the app, then opens it in Electron (on FILE, else on the
// first worked example). Electron's binary is fetched on first launch on an ordinary
// machine; where it cannot be had, this says so in one sentence and serves the same app
// to a browser instead (what `npm run web` does), so the first command always works.
//
// Environment: GRADSHEET_SKIP_BUILD=1 skips the build; GRADSHEET_NO_ELECTRON_DOWNLOAD=1
// never tries to fetch Electron; GRADSHEET_ELECTRON_DOWNLOAD_TIMEOUT_MS bounds the fetch
// (default 180000); GRADSHEET_START_DRY_RUN=1 stops after saying what it would run.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

export const NO_ELECTRON_MESSAGE =
  'The Electron desktop binary is not available on this machine, so Gradsheet serves the same app to your browser instead (as `npm run web` does): open the address printed below, http://127.0.0.1:5173/ followed by its ?token= secret (the app refuses requests without it).'

/**
 * The Electron executable installed under node_modules/electron, or null. Looked up on
 * disk, never through require('electron'), which would start a download.
 */
export function findElectronBinary(projectRoot = root, env = process.env) {
  const dir = join(projectRoot, 'node_modules', 'electron')
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const relative = readFileSync(pathFile, 'utf8').trim()
  if (relative === '') return null
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative) : join(dir, 'dist', relative)
  return existsSync(binary) ? binary : null
}

/** Runs Electron's own installer once, bounded in time; true if it finished without error. */
export function tryDownloadElectron(projectRoot = root, env = process.env) {
  if (env.GRADSHEET_NO_ELECTRON_DOWNLOAD === '1') return false
  const installer = join(projectRoot, 'node_modules', 'electron', 'install.js')
  if (!existsSync(installer)) return false
  const timeout = Number(env.GRADSHEET_ELECTRON_DOWNLOAD_TIMEOUT_MS) || 180_000
  console.log('Gradsheet: fetching the Electron desktop binary (first launch only)…')
  const result = spawnSync(process.execPath, [installer], { cwd: projectRoot, stdio: ['ignore', 'ignore', 'pipe'], timeout, killSignal: 'SIGKILL' })
  return result.status === 0
}

function build() {
  const bin = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite')
  console.log('Gradsheet: building the app…')
  return spawnSync(bin, ['build'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] }).status === 0
}

/** Serves the app to a browser on port 5173, in this process (signals reach the server). */
async function startWebInstead(file) {
  console.log(NO_ELECTRON_MESSAGE)
  if (process.env.GRADSHEET_START_DRY_RUN === '1') {
    console.log(`Gradsheet: would run: npm run web -- --port 5173${file ? ` ${file}` : ''}`)
    return
  }
  process.env.GRADSHEET_SKIP_BUILD = '1'
  process.argv = [process.argv[0], join(root, 'scripts', 'web.mjs'), '--port', '5173', ...(file ? [file] : [])]
  await import(pathToFileURL(join(root, 'scripts', 'web.mjs')).href)
}

function launchElectron(binary, file) {
  const args = [join(root, 'out', 'main', 'index.js'), ...(file ? [file] : [])]
  if (process.env.GRADSHEET_START_DRY_RUN === '1') {
    console.log(`Gradsheet: would run: ${binary} ${args.join(' ')}`)
    return
  }
  const child = spawn(binary, args, { cwd: process.env.INIT_CWD || process.cwd(), stdio: 'inherit' })
  child.on('error', (error) => {
    console.error(`Gradsheet: Electron could not be started (${error.message}).`)
    void startWebInstead(file)
  })
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)))
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
}

async function main() {
  const file = process.argv.slice(2).find((arg) => arg !== '--' && !arg.startsWith('-')) ?? null
  if (process.env.GRADSHEET_SKIP_BUILD !== '1' && !build()) {
    console.error('Gradsheet: the app did not build; see the messages above.')
    process.exit(1)
  }
  let binary = findElectronBinary()
  if (!binary && tryDownloadElectron()) binary = findElectronBinary()
  if (binary) launchElectron(binary, file)
  else await startWebInstead(file)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main()

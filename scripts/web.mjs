#!/usr/bin/env node
// `npm run web -- [--port PORT] [FILE]`: builds the app (electron-vite, about a second)
// unless GRADSHEET_SKIP_BUILD=1, then runs the web server (node/web-server-main.ts,
// through tsx) in this same process, so SIGINT/SIGTERM reach it directly.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const builtIndex = join(root, 'out', 'renderer', 'index.html')

export function buildApp() {
  const bin = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite')
  const result = spawnSync(bin, ['build'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] })
  return result.status === 0
}

if (process.env.GRADSHEET_SKIP_BUILD !== '1') {
  console.log('Gradsheet web: building the app…')
  if (!buildApp()) {
    if (!existsSync(builtIndex)) {
      console.error('Gradsheet web: the app did not build (see the messages above), so there is nothing to serve.')
      process.exit(1)
    }
    console.error('Gradsheet web: the build failed; serving the previous build from out/renderer.')
  }
} else if (!existsSync(builtIndex)) {
  console.error('Gradsheet web: out/renderer is missing; run `npm run build` first (or unset GRADSHEET_SKIP_BUILD).')
  process.exit(1)
}

const { register } = await import('tsx/esm/api')
register()
await import(pathToFileURL(join(root, 'node', 'web-server-main.ts')).href)

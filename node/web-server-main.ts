// Entry point of `npm run web -- --port PORT [FILE]` (started by scripts/web.mjs): wires
// the real file system, the examples folder and the data folder into the web server,
// prints "Gradsheet web: http://127.0.0.1:PORT/?token=SECRET" when it is ready, and exits
// cleanly on SIGINT/SIGTERM.
import { randomBytes } from 'node:crypto'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { createBridgeService } from './bridge-service'
import { createFileSystemStorage, readWorkbookForWindow } from './bridge-storage'
import { createWebDocuments } from './web-documents'
import { parseWebArgs, WEB_USAGE } from './web-server-args'
import { startWebServer } from './web-server'

const repoRoot = resolve(import.meta.dirname, '..')

function defaultDataFolder(): string {
  if (process.env.GRADSHEET_DATA_DIR) return resolve(process.env.GRADSHEET_DATA_DIR)
  const base = process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share')
  return join(base, 'gradsheet', 'web')
}

/** A fresh secret per run: only someone who has the printed address can use the API. */
function newSecret(): string {
  return randomBytes(24).toString('base64url')
}

async function main(): Promise<void> {
  const parsed = parseWebArgs(process.argv.slice(2))
  if (!parsed.ok) {
    console.error(`${parsed.error}\n${WEB_USAGE}`)
    process.exit(2)
  }
  const { port, file } = parsed.value
  const dataFolder = defaultDataFolder()
  const workingFolder = process.env.INIT_CWD || process.cwd()
  const service = createBridgeService(createFileSystemStorage(dataFolder), join(repoRoot, 'examples'))
  const givenFile = file ? resolve(workingFolder, file) : null
  const documents = createWebDocuments({ dataFolder, service, file: givenFile, report: (problem) => console.error(problem) })
  const secret = newSecret()

  const server = await startWebServer({
    port,
    rootDir: join(repoRoot, 'out', 'renderer'),
    secret,
    api: {
      service,
      initialFile: documents.initialFile,
      writeBackup: documents.writeBackup,
      defaultDirectory: workingFolder,
    },
  })
  if (givenFile) {
    // Say it here too: the page shows the same message when it asks for the file. Only the
    // host's declaration check (~0.5 s for a 1M-cell file): the page's worker restores the workbook.
    const check = /\.xlsx$/i.test(givenFile) ? await service.openPath(givenFile) : await readWorkbookForWindow(givenFile)
    if (!check.ok) console.error(`Gradsheet web: ${'detail' in check && check.detail ? check.detail : check.error}`)
  }
  // SPEC §7: the address to open, on a line of its own, secret included.
  console.log(`Gradsheet web: ${server.url}?token=${secret}`)
  console.log(`Serving the app and the file bridge on 127.0.0.1 only (data folder: ${dataFolder}). Ctrl+C stops it.`)

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`Gradsheet web: stopping (${signal}).`)
    server.close().then(() => process.exit(0))
    // Never hang on a stuck connection.
    setTimeout(() => process.exit(0), 2000).unref()
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

main().catch((error) => {
  const code = (error as NodeJS.ErrnoException)?.code
  if (code === 'EADDRINUSE') console.error('Gradsheet web: that port is already in use; choose another with --port PORT.')
  else console.error(`Gradsheet web could not start: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})

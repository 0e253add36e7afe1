// Entry point of `npm run web -- --port PORT [FILE]` (started by scripts/web.mjs): wires
// the real file system, the examples folder and the data folder into the web server,
// prints "Gradsheet web: http://127.0.0.1:PORT/" when it is ready, and exits cleanly on
// SIGINT/SIGTERM.
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import type { OpenedFile } from '../bridge/api'
import { discardBackup, readBackup, writeBackup } from './backups.ts'
import { createBridgeService, type Reply } from './bridge-service'
import { createFileSystemStorage } from './bridge-storage'
import { parseWebArgs, WEB_USAGE } from './web-server-args'
import { startWebServer } from './web-server'

const repoRoot = resolve(import.meta.dirname, '..')

function defaultDataFolder(): string {
  if (process.env.GRADSHEET_DATA_DIR) return resolve(process.env.GRADSHEET_DATA_DIR)
  const base = process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share')
  return join(base, 'gradsheet', 'web')
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
  // The path the open workbook was last saved to, so a backup remembers where it belongs.
  let documentPath: string | null = null

  async function initialFile(): Promise<Reply<OpenedFile | null>> {
    if (file) {
      const opened = await service.openPath(resolve(workingFolder, file))
      if (opened.ok) documentPath = opened.value.path
      return opened
    }
    const backup = await readBackup(dataFolder)
    if (backup.ok && backup.backup) {
      documentPath = backup.backup.path
      return { ok: true, value: { path: backup.backup.path, name: backup.backup.name, text: backup.backup.text, recovered: true } }
    }
    if (!backup.ok) console.error(backup.error)
    return { ok: true, value: await service.defaultExample() }
  }

  const server = await startWebServer({
    port,
    rootDir: join(repoRoot, 'out', 'renderer'),
    api: {
      service: {
        ...service,
        // Track the document's path so the backup can name it.
        openPath: async (path) => {
          const opened = await service.openPath(path)
          if (opened.ok) documentPath = opened.value.path
          return opened
        },
        save: async (path, text) => {
          const outcome = await service.save(path, text)
          if (outcome.ok) documentPath = outcome.path
          return outcome
        },
      },
      initialFile,
      async writeBackup(text) {
        try {
          if (text === null) await discardBackup(dataFolder)
          else await writeBackup(dataFolder, text, { path: documentPath })
          return { ok: true, value: null }
        } catch (error) {
          return { ok: false, error: `The backup of unsaved work could not be written: ${error instanceof Error ? error.message : String(error)}` }
        }
      },
      defaultDirectory: workingFolder,
    },
  })
  if (file) {
    // Say it here too: the page shows the same message when it asks for the file.
    const check = await service.openPath(resolve(workingFolder, file))
    if (!check.ok) console.error(`Gradsheet web: ${check.error}`)
  }
  console.log(`Gradsheet web: ${server.url}`)
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

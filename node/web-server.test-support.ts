// Starts a real web server on an ephemeral port over temporary folders, for the
// web-server tests (HTTP endpoints and the browser bridge client).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createBridgeService } from './bridge-service'
import { createFileSystemStorage } from './bridge-storage'
import type { DocumentIdentity } from '../bridge/api'
import { startWebServer, type RunningWebServer } from './web-server'

/** The secret the test servers require (a real run makes a random one). */
export const TEST_SECRET = 'test-secret-0123456789'
export const SECRET_HEADERS = { 'X-Gradsheet-Secret': TEST_SECRET }

export const VALID_WORKBOOK = JSON.stringify({
  format: 'gradsheet',
  version: 1,
  objective: 'J',
  sheets: [{ name: 'Sheet1', cells: { B1: { input: '-3', name: 'x' }, B2: { input: '=x^2', name: 'J' } } }],
})

export interface TestServer {
  server: RunningWebServer
  base: string
  files: string
  examples: string
  outside: string
  backups: Array<string | null>
  backupDocuments: DocumentIdentity[]
}

export async function startTestServer(limits: { maxBodyBytes?: number; bodyTimeoutMs?: number } = {}): Promise<TestServer> {
  const base = mkdtempSync(join(tmpdir(), 'gradsheet-web-'))
  const root = join(base, 'renderer')
  const files = join(base, 'files')
  const examples = join(base, 'examples')
  for (const folder of [join(root, 'assets'), files, examples]) mkdirSync(folder, { recursive: true })
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Gradsheet</title><script type="module" src="./assets/app.js"></script>')
  writeFileSync(join(root, 'assets', 'app.js'), 'export {}')
  writeFileSync(join(root, 'assets', 'style.css'), 'body{}')
  writeFileSync(join(examples, 'reference-example-1.gradsheet'), VALID_WORKBOOK)
  writeFileSync(join(examples, 'reference-example-2.gradsheet'), VALID_WORKBOOK)
  const outside = join(base, 'outside-secret.txt')
  writeFileSync(outside, 'top secret')
  const backups: Array<string | null> = []
  const backupDocuments: DocumentIdentity[] = []
  const service = createBridgeService(createFileSystemStorage(join(base, 'data')), examples)
  const server = await startWebServer({
    port: 0,
    rootDir: root,
    secret: TEST_SECRET,
    ...limits,
    api: {
      service,
      initialFile: async () => ({ ok: true, value: await service.defaultExample() }),
      writeBackup: async (document, text) => {
        backups.push(text)
        backupDocuments.push(document)
        return { ok: true, value: null }
      },
      defaultDirectory: files,
    },
  })
  return { server, base, files, examples, outside, backups, backupDocuments }
}

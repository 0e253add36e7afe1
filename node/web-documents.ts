// The `npm run web` server's documents: which workbook each browser tab starts with and
// where each tab's hot-exit backup goes. Every tab's workbook has its own document id
// (made by the page, bridge/api.ts DocumentIdentity) and its own backup, so two tabs never
// share a backup or a path. A tab that reloads names its document id and gets its own
// unsaved work back; a new tab after a crash gets one backup nobody has claimed in this
// run; a FILE named on the command line gets that file's unsaved work, if any.
import { resolve } from 'node:path'
import type { DocumentIdentity, OpenedFile } from '../bridge/api'
import type { BridgeService, Reply } from './bridge-service'
import {
  backupsOfFile,
  findDocumentBackups,
  isDocumentId,
  readDocumentBackup,
  removeDocumentBackup,
  writeDocumentBackup,
  type DocumentBackup,
} from './document-backups.ts'

export interface WebDocuments {
  /** What a tab opens at start; `resumeId` is the document id the tab had before a reload. */
  initialFile(resumeId: string | null): Promise<Reply<OpenedFile | null>>
  writeBackup(document: DocumentIdentity, text: string | null): Promise<Reply<null>>
}

export function createWebDocuments(options: {
  dataFolder: string
  service: BridgeService
  /** The FILE named on the command line (absolute), or null. */
  file: string | null
  /** Where a damaged backup is reported (the server's console). */
  report?: (problem: string) => void
}): WebDocuments {
  const { dataFolder, service, file } = options
  /** Document ids a tab has written or been given in this run: never offered to another tab. */
  const claimed = new Set<string>()

  function recovered(found: DocumentBackup): Reply<OpenedFile> {
    claimed.add(found.documentId)
    // Recovered work may be saved back where it came from without asking.
    if (found.backup.path) service.grants.grant(found.backup.path)
    const { text, path, name } = found.backup
    return { ok: true, value: { path, name, text, recovered: true, documentId: found.documentId } }
  }

  return {
    async initialFile(resumeId) {
      if (isDocumentId(resumeId)) {
        const own = await readDocumentBackup(dataFolder, resumeId)
        if (own) return recovered({ documentId: resumeId, backup: own })
      }
      const { found, problems } = await findDocumentBackups(dataFolder)
      for (const problem of problems) options.report?.(problem)
      const unclaimed = found.filter((b) => !claimed.has(b.documentId))
      if (file) {
        const ofFile = backupsOfFile(unclaimed, file)
        if (ofFile.length > 0) return recovered(ofFile[ofFile.length - 1])
        // A listed FILE that was moved or deleted leaves Open Recent here (node/bridge-service.ts).
        return service.openPath(resolve(file))
      }
      if (unclaimed.length > 0) return recovered(unclaimed[unclaimed.length - 1])
      return { ok: true, value: await service.defaultExample() }
    },

    async writeBackup(document, text) {
      try {
        if (text === null) {
          await removeDocumentBackup(dataFolder, document.id)
          return { ok: true, value: null }
        }
        if (document.path !== null && !service.grants.allows(document.path)) {
          return { ok: false, error: 'The backup names a file this session did not open or save; it was not written.' }
        }
        claimed.add(document.id)
        await writeDocumentBackup(dataFolder, document.id, text, { path: document.path, name: document.name })
        return { ok: true, value: null }
      } catch (error) {
        return { ok: false, error: `The backup of unsaved work could not be written: ${error instanceof Error ? error.message : String(error)}` }
      }
    },
  }
}

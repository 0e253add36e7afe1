// Hot-exit backups as the desktop windows write them: each document's backup belongs to
// the window that first wrote it (or recovered it), and names only a path that window
// opened or chose, so no page can overwrite another window's unsaved work or plant a
// backup that later "recovers" into a file it never had (docs/security.md).
import type { DocumentIdentity } from '../../bridge/api'
import type { BridgeService, Reply } from '../../node/bridge-service'
import { removeDocumentBackup, writeDocumentBackup } from '../../node/document-backups.ts'
import type { WorkbookWindows } from './workbook-windows'

/** Writes (text) or removes (null) the backup of `document` for the window that sent it. */
export async function writeWindowBackup(
  windows: WorkbookWindows,
  service: BridgeService,
  dataFolder: string,
  sender: unknown,
  document: DocumentIdentity,
  text: string | null,
): Promise<Reply<null>> {
  const state = windows.stateOf(sender)
  if (!state) return { ok: false, error: 'The window that sent the backup has closed.' }
  const owner = windows.documentOwners.get(document.id)
  if (owner !== undefined && owner !== state.window.id) return { ok: false, error: 'That document belongs to another window.' }
  if (document.path !== null && !service.grants.allows(document.path)) {
    return { ok: false, error: 'The backup names a file this window did not open or save; it was not written.' }
  }
  try {
    if (text === null) {
      await removeDocumentBackup(dataFolder, document.id)
    } else {
      windows.documentOwners.set(document.id, state.window.id)
      state.documentIds.add(document.id)
      await writeDocumentBackup(dataFolder, document.id, text, { path: document.path, name: document.name })
    }
    return { ok: true, value: null }
  } catch (error) {
    return { ok: false, error: `The backup of unsaved work could not be written: ${error instanceof Error ? error.message : String(error)}` }
  }
}

// The choice after a crash: work recovered from a hot-exit backup opens as unsaved, and
// the user may keep it or discard it. Discarding deletes the backup and reopens the file
// as last saved (or a new workbook when it was never saved).
import { createSignal } from 'solid-js'
import type { GradsheetBridge, OpenedFile } from '../../../bridge/api'
import type { DocumentController } from './document-controller'

export type Recovery = ReturnType<typeof createRecovery>

export function createRecovery(ctl: DocumentController, bridge: GradsheetBridge) {
  const [offered, setOffered] = createSignal<{ file: OpenedFile; load: number } | null>(null)

  /** The recovered file while the workbook it opened is still the one shown, else null. */
  const recovered = (): OpenedFile | null => {
    const o = offered()
    return o && o.load === ctl.loadCount() ? o.file : null
  }

  async function discard(): Promise<void> {
    const file = recovered()
    if (!file) return
    setOffered(null)
    // That document's backup goes for good (it keeps the recovered document's id).
    await ctl.discardBackup().catch((err) => ctl.setAlert(`Could not delete the backup: ${err instanceof Error ? err.message : String(err)}`))
    let saved: OpenedFile | null = null
    if (file.path) {
      try {
        saved = await bridge.openPath(file.path)
      } catch (err) {
        ctl.setAlert(`Could not reopen ${file.name}: ${err instanceof Error ? err.message : String(err)}`)
      }
    }
    if (!(await ctl.open(saved)) && saved) await ctl.open(null)
  }

  return {
    recovered,
    /** Called once the recovered file is open. */
    offer: (file: OpenedFile) => setOffered({ file, load: ctl.loadCount() }),
    keep: () => setOffered(null),
    discard,
  }
}

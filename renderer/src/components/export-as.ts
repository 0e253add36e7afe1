// File → Export as… (issue 11), the renderer's half: whether the dialog is open (the
// toolbar, the desktop menu and Ctrl+Shift+E open it) and the one call that sends the
// workbook TEXT to the host, which picks the path and writes the file (bridge/api.ts
// exportWorkbook). Why nothing was written goes to the alert bar; a written file is a
// status notice (NoticeBanner), not an alert.
import { createSignal } from 'solid-js'
import type { GradsheetBridge, WorkbookExportKind } from '../../../bridge/api'

const [exportAsOpen, setExportAsOpen] = createSignal(false)
export { exportAsOpen, setExportAsOpen }

export const EXPORT_KINDS: { kind: WorkbookExportKind; label: string }[] = [
  { kind: 'pytorch', label: 'PyTorch module (.py)' },
  { kind: 'numpy', label: 'NumPy module (.py)' },
  { kind: 'xlsx', label: 'Excel workbook (.xlsx)' },
]

export interface ExportAsDeps {
  bridge: GradsheetBridge
  /** The workbook's text (null: it could not be serialised; the controller said why). */
  workbookText(): Promise<string | null>
  workbookName(): string
  setAlert(message: string | null): void
  /** The success notice (role=status). */
  setNotice(message: string | null): void
}

/** Runs one export; resolves true when a file was written. */
export async function exportWorkbookAs(deps: ExportAsDeps, kind: WorkbookExportKind, gradients: boolean): Promise<boolean> {
  if (!deps.bridge.exportWorkbook) {
    deps.setAlert('This version of the app host cannot export workbooks.')
    return false
  }
  deps.setNotice(null)
  const text = await deps.workbookText()
  if (text === null) return false
  try {
    const outcome = await deps.bridge.exportWorkbook(kind, text, { gradients: kind === 'xlsx' && gradients, workbookName: deps.workbookName() })
    if (outcome === null) return false
    if (!outcome.ok) {
      deps.setAlert(outcome.error)
      return false
    }
    deps.setAlert(null)
    deps.setNotice(`Exported to ${outcome.path}.`)
    return true
  } catch (error) {
    deps.setAlert(`Could not export: ${error instanceof Error ? error.message : String(error)}`)
    return false
  }
}

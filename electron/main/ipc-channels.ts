// IPC channel names shared by the main process and the preload. Every request channel
// is answered with a BridgeReply so that a refusal crosses as a message in words.
import type { OpenFailureReason } from '../../bridge/api'

export const IPC = {
  initialFile: 'gradsheet:initial-file',
  showOpenDialog: 'gradsheet:show-open-dialog',
  openPath: 'gradsheet:open-path',
  save: 'gradsheet:save',
  saveAs: 'gradsheet:save-as',
  listExamples: 'gradsheet:list-examples',
  openExample: 'gradsheet:open-example',
  recentFiles: 'gradsheet:recent-files',
  forgetRecent: 'gradsheet:forget-recent',
  writeBackup: 'gradsheet:write-backup',
  exportFile: 'gradsheet:export-file',
  exportWorkbook: 'gradsheet:export-workbook',
  /** One-way, renderer → main. */
  setDocumentState: 'gradsheet:set-document-state',
  /** One-way, main → renderer. */
  menuCommand: 'gradsheet:menu-command',
} as const

export type InvokeChannel = Exclude<(typeof IPC)[keyof typeof IPC], typeof IPC.setDocumentState | typeof IPC.menuCommand>

/** `reason`: an open's refusal may say why (bridge/api.ts); the preload passes only the words on (contextBridge copies an Error's message only). */
export type BridgeReply<T> = { ok: true; value: T } | { ok: false; error: string; reason?: OpenFailureReason }

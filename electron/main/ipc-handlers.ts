// Registers the bridge's IPC handlers. Each one first checks that the message comes
// from the top frame of our own app:// page, then checks its arguments, and only then
// calls into node/ (through the BridgeHost). Every answer is a BridgeReply, so a
// refusal reaches the page as a sentence, never as a crash of the main process.
import type { DocumentIdentity, OpenedFile, SaveOutcome } from '../../bridge/api'
import { checkBackupText, checkDocumentIdentity, checkDocumentState, checkSuggestedName, checkWorkbookText } from '../../node/bridge-arguments'
import { checkExportData, checkExportName } from '../../node/export-file'
import { checkExportKind, checkExportOptions, suggestedExportName, withExportExtension } from '../../node/export-workbook'
import type { WorkbookExportKind } from '../../bridge/api'
import type { BridgeService, Reply } from '../../node/bridge-service'
import { IPC } from './ipc-channels'
import { isTrustedSender, type SenderFrame } from './security'

/** What an IPC event carries that the handlers use. */
export interface BridgeIpcEvent {
  senderFrame: SenderFrame | null
  /** The WebContents that sent it: the host maps it to its window. */
  sender: unknown
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: BridgeIpcEvent, ...args: unknown[]) => unknown): void
  on(channel: string, listener: (event: BridgeIpcEvent, ...args: unknown[]) => void): void
}

/** The window-aware operations that only the main process can do (dialogs, per-window state). */
export interface BridgeHost {
  service: BridgeService
  initialFile(sender: unknown): Promise<Reply<OpenedFile | null>>
  /** Native open dialog; resolves with the chosen path, or null if cancelled. */
  chooseFileToOpen(sender: unknown): Promise<string | null>
  /** Native save dialog; resolves with the chosen path, or null if cancelled. */
  chooseFileToSave(sender: unknown, suggestedName: string): Promise<string | null>
  /** Native save dialog for an exported graph (.svg/.png); null if cancelled. Absent: export is refused. */
  chooseExportPath?(sender: unknown, suggestedName: string): Promise<string | null>
  /** Native save dialog for File → Export as… (.py or .xlsx); null if cancelled. Absent: export is refused. */
  chooseWorkbookExportPath?(sender: unknown, kind: WorkbookExportKind, suggestedName: string): Promise<string | null>
  /** The window now shows this file (opened or saved): title, recent list, backups. */
  documentLocated(sender: unknown, path: string): void
  /** The recent list may have changed without a document moving (a forget): rebuild File → Open Recent. */
  recentChanged(): void
  setDocumentState(sender: unknown, state: { name: string; modified: boolean }): void
  writeBackup(sender: unknown, document: DocumentIdentity, text: string | null): Promise<Reply<null>>
}

export const REFUSED_SENDER = 'Refused: this request did not come from the Gradsheet window.'

export function registerBridgeHandlers(ipc: IpcMainLike, host: BridgeHost): void {
  const handle = (channel: string, run: (event: BridgeIpcEvent, args: unknown[]) => Promise<Reply<unknown>>) => {
    ipc.handle(channel, async (event, ...args) => {
      if (!isTrustedSender(event?.senderFrame)) return { ok: false, error: REFUSED_SENDER }
      try {
        return await run(event, args)
      } catch (error) {
        return { ok: false, error: `The app could not do that: ${error instanceof Error ? error.message : String(error)}` }
      }
    })
  }
  const located = <T extends { ok: boolean }>(event: BridgeIpcEvent, reply: T, path: string | null | undefined): T => {
    if (reply.ok && path) host.documentLocated(event.sender, path)
    return reply
  }
  // recent gone helper: the service took a moved or deleted file off the list: rebuild File → Open Recent.
  const opened = (event: BridgeIpcEvent, reply: Reply<OpenedFile>): Reply<OpenedFile> => {
    if (!reply.ok && reply.reason === 'missing') host.recentChanged()
    return located(event, reply, reply.ok ? reply.value.path : null)
  }

  handle(IPC.initialFile, (event) => host.initialFile(event.sender))

  handle(IPC.showOpenDialog, async (event) => {
    const path = await host.chooseFileToOpen(event.sender)
    if (path === null) return { ok: true, value: null }
    return opened(event, await host.service.openPath(path))
  })

  handle(IPC.openPath, async (event, [path]) => opened(event, await host.service.openPath(path)))

  handle(IPC.save, async (event, [path, text]) => {
    const outcome = await host.service.save(path, text)
    return located(event, { ok: true, value: outcome } as Reply<SaveOutcome>, outcome.ok ? outcome.path : null)
  })

  handle(IPC.saveAs, async (event, [text, suggestedName]) => {
    const checkedText = checkWorkbookText(text)
    if (!checkedText.ok) return checkedText
    const checkedName = checkSuggestedName(suggestedName)
    if (!checkedName.ok) return checkedName
    const path = await host.chooseFileToSave(event.sender, checkedName.value)
    if (path === null) return { ok: true, value: null }
    // The dialog's answer is the person's choice: later saves may go there.
    const outcome = await host.service.saveChosen(path, checkedText.value)
    return located(event, { ok: true, value: outcome } as Reply<SaveOutcome>, outcome.ok ? outcome.path : null)
  })

  handle(IPC.exportFile, async (event, [suggestedName, data, encoding]) => {
    const name = checkExportName(suggestedName)
    if (!name.ok) return name
    const checked = checkExportData(name.value, data, encoding)
    if (!checked.ok) return checked
    if (!host.chooseExportPath) return { ok: false, error: 'This window cannot export files.' }
    const path = await host.chooseExportPath(event.sender, name.value)
    if (path === null) return { ok: true, value: null }
    return { ok: true, value: await host.service.exportFile(path, data, encoding) }
  })

  // File → Export as…: the path comes only from this export's save dialog, never from the page.
  handle(IPC.exportWorkbook, async (event, [kind, text, options]) => {
    const checkedKind = checkExportKind(kind)
    if (!checkedKind.ok) return checkedKind
    const checkedText = checkWorkbookText(text)
    if (!checkedText.ok) return checkedText
    const checkedOptions = checkExportOptions(options)
    if (!checkedOptions.ok) return checkedOptions
    if (!host.chooseWorkbookExportPath) return { ok: false, error: 'This window cannot export files.' }
    const picked = await host.chooseWorkbookExportPath(event.sender, checkedKind.value, suggestedExportName(checkedOptions.value.workbookName, checkedKind.value))
    if (picked === null) return { ok: true, value: null }
    const path = withExportExtension(picked, checkedKind.value)
    return { ok: true, value: await host.service.exportWorkbook(path, checkedKind.value, checkedText.value, checkedOptions.value) }
  })

  handle(IPC.listExamples, async () => ({ ok: true, value: await host.service.listExamples() }))
  handle(IPC.openExample, (_event, [id]) => host.service.openExample(id))
  handle(IPC.recentFiles, async () => ({ ok: true, value: await host.service.recentFiles() }))
  // The page's worker refused a file's text: it leaves Open Recent (only removes; see node/bridge-service.ts).
  handle(IPC.forgetRecent, async (_event, [path]) => {
    const forgotten = await host.service.forgetRecent(path)
    if (forgotten.ok) host.recentChanged()
    return forgotten
  })

  handle(IPC.writeBackup, async (event, [document, text]) => {
    const identity = checkDocumentIdentity(document)
    if (!identity.ok) return identity
    const checked = checkBackupText(text)
    if (!checked.ok) return checked
    return host.writeBackup(event.sender, identity.value, checked.value)
  })

  ipc.on(IPC.setDocumentState, (event, state) => {
    if (!isTrustedSender(event?.senderFrame)) return
    const checked = checkDocumentState(state)
    if (checked.ok) host.setDocumentState(event.sender, checked.value)
  })
}

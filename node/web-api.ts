// The bridge over HTTP: POST /api/<method> with a JSON body of named arguments,
// answered with {ok: true, value} or {ok: false, error}. The same argument checks and
// the same service as Electron's IPC handlers; browser-only pieces (the path prompt
// that stands in for native dialogs) live in renderer/src/bridge/.
import type { DocumentIdentity, OpenedFile } from '../bridge/api'
import { checkBackupText, checkDocumentIdentity, checkDocumentState } from './bridge-arguments'
import type { BridgeService, Reply } from './bridge-service'

export interface WebApiContext {
  service: BridgeService
  /**
   * What a tab opens at start: its own backup after a reload (`resumeId`), the FILE
   * argument (or its unsaved work), another unclaimed backup, or the default example.
   */
  initialFile(resumeId: string | null): Promise<Reply<OpenedFile | null>>
  writeBackup(document: DocumentIdentity, text: string | null): Promise<Reply<null>>
  /** A folder to propose in the path prompt (the directory `npm run web` was started in). */
  defaultDirectory: string
}

type Handler = (args: Record<string, unknown>, context: WebApiContext) => Promise<Reply<unknown>>

const wrap = async <T>(value: Promise<T>): Promise<Reply<T>> => ({ ok: true, value: await value })

export const WEB_API: Record<string, Handler> = {
  initialFile: (args, context) => context.initialFile(typeof args.documentId === 'string' ? args.documentId : null),
  openPath: (args, context) => context.service.openPath(args.path),
  // Save goes only to a path this run opened or chose; Save As is the path prompt's answer.
  save: (args, context) => wrap(context.service.save(args.path, args.text)),
  saveAs: (args, context) => wrap(context.service.saveChosen(args.path, args.text)),
  exportFile: (args, context) => wrap(context.service.exportFile(args.path, args.data, args.encoding)),
  // File → Export as…: the path is the path prompt's answer for this export (web-bridge.ts).
  exportWorkbook: (args, context) => wrap(context.service.exportWorkbook(args.path, args.kind, args.text, args.options)),
  listExamples: (_args, context) => wrap(context.service.listExamples()),
  openExample: (args, context) => context.service.openExample(args.id),
  recentFiles: (_args, context) => wrap(context.service.recentFiles()),
  // The page's worker refused a file's text: it leaves the recent list (only removes; node/bridge-service.ts).
  forgetRecent: (args, context) => context.service.forgetRecent(args.path),
  writeBackup: async (args, context) => {
    const document = checkDocumentIdentity(args.document)
    if (!document.ok) return document
    const checked = checkBackupText(args.text)
    if (!checked.ok) return checked
    return context.writeBackup(document.value, checked.value)
  },
  // The browser tab's title is set by the page itself; the server only checks the shape,
  // so both hosts refuse the same malformed states.
  setDocumentState: async (args) => {
    const checked = checkDocumentState(args.state)
    return checked.ok ? { ok: true, value: null } : checked
  },
  defaultDirectory: async (_args, context) => ({ ok: true, value: context.defaultDirectory }),
}

export async function callWebApi(method: string, body: unknown, context: WebApiContext): Promise<Reply<unknown>> {
  if (!Object.prototype.hasOwnProperty.call(WEB_API, method)) {
    return { ok: false, error: `The app host has no operation called "${method.slice(0, 64)}".` }
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, error: 'The request body must be a JSON object of named arguments.' }
  }
  try {
    return await WEB_API[method](body as Record<string, unknown>, context)
  } catch (error) {
    return { ok: false, error: `The app host could not do that: ${error instanceof Error ? error.message : String(error)}` }
  }
}

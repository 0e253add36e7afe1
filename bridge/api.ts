// The one typed bridge between the renderer and the host (Electron's main process, or
// the `npm run web` server). The preload exposes exactly this object as
// `window.gradsheet`; the web build installs an HTTP-backed object of the same type.
// Workbook text crosses as a string (what Save and the hot-exit backup write, as a Blob);
// validation happens in the engine's one restore step (engine/workbook), never ad hoc.

/**
 * A workbook's text, or a Blob of it (UTF-8): the engine's worker writes the Blob that Save
 * and the hot-exit backup send a slice at a time, so the page never holds or encodes 52 MB of text on its UI thread
 * (~0.4–1.4 s at 1M cells; docs/ui.md, "The backup's cost at 1M"). Electron's preload reads
 * the Blob into bytes for IPC, and the host checks them as UTF-8 (node/bridge-arguments.ts).
 */
export type WorkbookText = string | Blob

export interface OpenedFile {
  /** Absolute path on disk, or null for an example opened read-only / untitled. */
  path: string | null
  /** Display name, e.g. "regression.gradsheet". */
  name: string
  /** The file's text, not yet validated. */
  text: string
  /**
   * True when the text is unsaved work recovered from a hot-exit backup after a crash:
   * the renderer shows it as modified (path is where it was last saved, or null).
   */
  recovered?: boolean
  /** excel helper: a message to show once the file is open (an .xlsx import's report: untranslated formulas, differences). */
  notice?: string
  /** For recovered work: the id of the document the backup came from (it keeps it). */
  documentId?: string
}

/**
 * Which document a backup belongs to. Every workbook loaded into a window or tab gets a
 * fresh random id (recovered work keeps its backup's id); the host keeps one backup per
 * id, so two windows or tabs never share a backup, and a backup restores to exactly the
 * document it came from, with the path it was last saved to (null: never saved, so Save
 * after recovery asks where).
 */
export interface DocumentIdentity {
  id: string
  path: string | null
  name: string
}

/**
 * Why the host could not open a path, beside its message in the host's reply, told only
 * about a path the page already knows (one on the recent list); any other path gets one
 * sentence for every failure, so a page cannot probe which paths exist.
 * 'missing': the file is not there any more (moved or deleted); the host took it off Open Recent.
 */
export type OpenFailureReason = 'missing'

export type SaveOutcome = { ok: true; path: string; name: string } | { ok: false; error: string }

/** What File → Export as… writes: a PyTorch module, a NumPy module, an Excel workbook. */
export type WorkbookExportKind = 'pytorch' | 'numpy' | 'xlsx'

export interface WorkbookExportOptions {
  /** .xlsx only: add the ∂J/∂cell sheets (values; Excel cannot compute them). */
  gradients?: boolean
  /** The workbook's display name: the proposed file name and the module's docstring. */
  workbookName?: string
}

export interface ExampleInfo {
  id: string
  title: string
}

/** Commands the host's menus send to the renderer. */
export type MenuCommand =
  | 'new' | 'open' | 'save' | 'saveAs' | 'close'
  | 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'delete' | 'selectAll'
  | 'toggleGradients' | 'zoomIn' | 'zoomOut' | 'zoomReset'
  | 'toggleGraph' | 'exportGraphSvg' | 'exportGraphPng'
  | 'exportAs'
  | 'formulaReference' | 'about'
  | { example: string }
  | { openRecent: string }

export interface GradsheetBridge {
  /** Which host this is: tests and the About box read it. */
  readonly host: 'electron' | 'web'
  /** The file named on the command line (or the default example), opened at start. */
  initialFile(): Promise<OpenedFile | null>
  /** Ask the user for a file (native dialog in Electron); null if they cancel. */
  showOpenDialog(): Promise<OpenedFile | null>
  /**
   * Read a file by path (Open Recent, tests). Rejects with a message in words. A path on
   * the recent list whose file is no longer there (moved or deleted: the host's read
   * failed with ENOENT/ENOTDIR) has already been taken off the list by the host when the
   * promise rejects, and the message says so ("… was moved or deleted; it was removed
   * from Open Recent."); the host's reply carries `reason: 'missing'` (OpenFailureReason).
   * Any other failure leaves the list as it was. The renderer acts on neither: the host
   * has done all there is to do, and the shown workbook stays (docs/desktop.md).
   */
  openPath(path: string): Promise<OpenedFile>
  /**
   * Write `text` atomically to `path`: only a path this window opened or chose in a
   * dialog (anything else is refused, see node/path-grants.ts).
   */
  save(path: string, text: WorkbookText): Promise<SaveOutcome>
  /** Ask for a path (native dialog), then save there; null if they cancel. */
  saveAs(text: WorkbookText, suggestedName: string): Promise<SaveOutcome | null>
  listExamples(): Promise<ExampleInfo[]>
  openExample(id: string): Promise<OpenedFile>
  recentFiles(): Promise<string[]>
  /**
   * Takes `path` off the recent list: the renderer calls it when its worker refused the
   * text of a file it read from `path` (openPath, Open…, the FILE argument all put the
   * file on the list before the text reaches the worker). It can only remove, never add;
   * the host ignores a path this session did not open or save, and a path that is not on
   * the list; the answer is the same either way. Rejects only for a malformed path
   * (not absolute, too long, NUL), with a message in words. A file moved or deleted is
   * not forgotten through this: the host's own openPath takes it off (see openPath).
   */
  forgetRecent(path: string): Promise<void>
  /** Title bar and the close guard: the renderer says what is open and whether it is modified. */
  setDocumentState(state: { name: string; modified: boolean }): void
  /**
   * Hot-exit backup of one document's unsaved work (written atomically by the host, one
   * backup per document id); null text deletes that document's backup.
   */
  writeBackup(document: DocumentIdentity, text: WorkbookText | null): Promise<void>
  /**
   * Ask for a path (native dialog; the web build's path prompt), then write an exported
   * graph there: SVG as utf8 text, PNG as base64. null if they cancel. Optional: hosts
   * without it make the renderer fall back to a browser download.
   */
  exportFile?(suggestedName: string, data: string, encoding: 'utf8' | 'base64'): Promise<SaveOutcome | null>
  /**
   * File → Export as… (issue 11): the HOST asks for a path (native save dialog; the web
   * build's path prompt), restores `documentText` through the one restore step and writes
   * a PyTorch/NumPy module (.py, plus `<name>.data.csv` beside it for large data) or an
   * Excel workbook (.xlsx, optionally with gradient sheets). The renderer never sends
   * the bytes written. null if they cancel; {ok:false} names what refused the export
   * (e.g. a cell whose function has no translation), and then nothing is written.
   * Optional: hosts without it hide the command.
   */
  exportWorkbook?(kind: WorkbookExportKind, documentText: string, options: WorkbookExportOptions): Promise<SaveOutcome | null>
  /** Subscribe to menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
}

declare global {
  interface Window {
    gradsheet: GradsheetBridge
  }
}

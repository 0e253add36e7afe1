// The open workbook's life: load, edits as undoable actions, undo/redo, save, hot-exit
// backups and the title/modified state. Components call these; nothing else talks to
// the worker or the bridge. Which document a backup or save belongs to is decided by
// the plain document session (document-session.ts), which the lifecycle test drives.
import { createEffect, createSignal } from 'solid-js'
import type { Edit } from '../../../engine/api'
import type { GradsheetBridge, OpenedFile } from '../../../bridge/api'
import { emptyHistory, record, redo, savePoint, undo, type History, type HistoryEntry } from '../model/history'
import type { WorkbookStore } from '../state/workbook-store'
import type { EngineClient } from '../worker/engine-client'
import type { ViewportHint } from '../worker/protocol'
import type { TrainingSettings } from '../../../engine/train/settings'
import { createDocumentSession, mustAskBeforeReplacing } from './document-session'
import { afterQuietMoment } from './quiet-moment'

const BACKUP_DEBOUNCE_MS = 1000
/** A backup waits for half a second without scrolling or typing, at most 4 s more (docs/ui.md, "Backups wait for a quiet moment"). */
const BACKUP_QUIET = { quietMs: 500, maxWaitMs: 4000 }

/** A User Timing mark that replaces the previous one of its name (bench:ui reads the latest load's and edit's). */
function timing(name: string, options?: PerformanceMarkOptions): void {
  performance.clearMarks(name)
  performance.mark(name, options)
}
const SHEET_EDITS = new Set<Edit['type']>(['addSheet', 'renameSheet', 'deleteSheet'])
/** The save point of work recovered from a hot-exit backup: never on the stack, so modified. */
const NEVER_SAVED: HistoryEntry = { label: 'recovered, not saved', forward: [], inverse: [] }

export interface OpenDocument {
  name: string
  /** Where Save writes; null for a new workbook or an example (Save asks for a path). */
  path: string | null
}

export type DocumentController = ReturnType<typeof createDocumentController>

export function createDocumentController(
  store: WorkbookStore,
  client: EngineClient,
  bridge: GradsheetBridge,
  /** The cells on screen: their changes arrive first when a change list is long. */
  visibleHint: () => ViewportHint | undefined = () => undefined,
) {
  const [doc, setDoc] = createSignal<OpenDocument>({ name: 'Untitled.gradsheet', path: null })
  const [history, setHistory] = createSignal<History>(emptyHistory())
  const [savedAt, setSavedAt] = createSignal<HistoryEntry | null>(null)
  const [alert, setAlert] = createSignal<string | null>(null)
  /** A success worth a word (an export written): shown as a status notice, never in the alert bar. */
  const [notice, setNotice] = createSignal<string | null>(null)
  const [lastMs, setLastMs] = createSignal<number | null>(null)
  /** Bumps after each load, so the view can reset the selection and sheet. */
  const [loadCount, setLoadCount] = createSignal(0)
  const modified = () => savePoint(history()) !== savedAt()
  const session = createDocumentSession(bridge)

  // Edits reach the worker strictly one action at a time, so each action's inverse is
  // computed from the state the previous action left.
  let queue: Promise<unknown> = Promise.resolve()
  function enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task)
    queue = run.catch(() => undefined)
    return run
  }

  /**
   * Applies edits; returns the edits the engine accepted (rejections shown as an alert)
   * and, per edit, the worker's inverse computed from the state before them.
   */
  async function applyEdits(edits: Edit[]): Promise<{ accepted: Edit[]; inverses: Edit[][]; ok: boolean }> {
    const res = await client.apply(edits, visibleHint())
    timing('gs:apply-reply', { detail: res.type === 'applied' ? { workerMs: res.ms, engineMs: res.engineMs, views: res.changes.cells.length, owed: res.streaming } : null }) // bench:ui reads these marks
    if (res.type !== 'applied') {
      setAlert(res.type === 'failed' ? res.error : 'The engine gave an unexpected answer.')
      return { accepted: [], inverses: [], ok: false }
    }
    store.applyChanges(res.changes, res.generation, res.streaming)
    timing('gs:apply-stored') // windowed: the rest of a large change streams in (state/window-sync.ts)
    if (res.columns) store.setColumnWidths(res.columns) // edit-ui: column widths after a resize, insert or delete
    setLastMs(res.ms)
    const rejected = new Set(res.changes.rejected.map((r) => JSON.stringify(r.edit)))
    if (res.changes.rejected.length > 0) setAlert(res.changes.rejected.map((r) => r.message).join(' '))
    const accepted = edits.filter((e) => !rejected.has(JSON.stringify(e)))
    if (accepted.some((e) => SHEET_EDITS.has(e.type))) {
      const snap = await client.snapshot(visibleHint())
      if (snap.type === 'snapshot') store.replaceAll(snap.snapshot)
    }
    return { accepted, inverses: res.inverses, ok: true }
  }

  /** One user action: applied, and recorded in the one undo history. */
  function act(label: string, edits: Edit[]): Promise<boolean> {
    setAlert(null)
    setNotice(null)
    return enqueue(async () => {
      const { accepted, inverses, ok } = await applyEdits(edits)
      if (!ok || accepted.length === 0) return false
      const inverse = edits
        .map((e, i) => (accepted.includes(e) ? inverses[i] : []))
        .reverse()
        .flat()
      setHistory((h) => record(h, { label, forward: accepted, inverse }))
      scheduleBackup()
      return accepted.length === edits.length
    })
  }

  /**
   * A long engine task (a training run) in the edit queue, so no edit interleaves with it;
   * the entry it returns (if any) becomes one undoable action.
   */
  function runAction(task: () => Promise<HistoryEntry | null>): Promise<HistoryEntry | null> {
    setAlert(null)
    return enqueue(async () => {
      const entry = await task()
      if (entry && entry.forward.length > 0) {
        setHistory((h) => record(h, entry))
        scheduleBackup()
      }
      return entry
    })
  }

  let trainingListener: ((settings: TrainingSettings) => void) | null = null

  /** Stores training settings in the workbook (its `training` field, through the worker); false when the worker refused them. */
  async function storeTraining(settings: TrainingSettings): Promise<boolean> {
    const res = await client.setTrainingSettings(settings)
    if (res.type !== 'trainingSettingsSet' || !res.stored) return false
    trainingListener?.(settings)
    return true
  }

  /**
   * A change of the Train panel's settings as one undoable action (docs/training.md): stored
   * in the workbook, so the workbook is modified and Save writes it; undo stores `before`.
   */
  function actTraining(label: string, before: TrainingSettings, after: TrainingSettings): Promise<boolean> {
    setAlert(null)
    return enqueue(async () => {
      if (!(await storeTraining(after))) return false
      setHistory((h) => record(h, { label, forward: [], inverse: [], training: { before, after } }))
      scheduleBackup()
      return true
    })
  }

  function step(kind: 'undo' | 'redo'): Promise<HistoryEntry | null> {
    return enqueue(async () => {
      const h = history()
      const next = kind === 'undo' ? undo(h) : redo(h)
      if (!next) return null
      const edits = kind === 'undo' ? next.entry.inverse : next.entry.forward
      const training = next.entry.training
      if (edits.length > 0 || !training) await applyEdits(edits)
      if (training) await storeTraining(kind === 'undo' ? training.before : training.after)
      setHistory(next.history)
      scheduleBackup()
      return next.entry
    })
  }

  /** Opens workbook text; on an invalid file, says why and leaves the open one as it is. */
  function open(file: OpenedFile | null): Promise<boolean> {
    return enqueue(async () => {
      timing('gs:load-request')
      const res = await client.load(file ? file.text : null, visibleHint())
      timing('gs:load-reply', { detail: res.type === 'loaded' ? { workerMs: res.ms, ...res.parts, views: res.snapshot.cells.length, owed: res.snapshot.streaming ?? 0 } : null })
      if (res.type !== 'loaded') {
        const why = res.type === 'loadFailed' || res.type === 'failed' ? res.error : 'unexpected answer'
        setAlert(`Could not open ${file?.name ?? 'the workbook'}: ${why}`)
        // The restore step refused the text (not a worker crash): the file leaves Open Recent.
        if (res.type === 'loadFailed') await session.refused(file)
        return false
      }
      store.replaceAll(res.snapshot)
      timing('gs:load-stored')
      setLastMs(res.ms)
      setHistory(emptyHistory())
      setSavedAt(file?.recovered ? NEVER_SAVED : null)
      cancelBackup()
      await session.loaded(file)
      setDoc({ name: session.identity().name, path: session.identity().path })
      setAlert(file?.notice ?? null) // excel helper: an .xlsx import's report
      setLoadCount((n) => n + 1)
      return true
    })
  }

  async function serialize(): Promise<string | null> {
    const res = await enqueue(() => client.serialize())
    if (res.type === 'serialized') return res.text
    setAlert(res.type === 'failed' ? res.error : 'Could not serialise the workbook.')
    return null
  }

  async function save(asNew: boolean): Promise<boolean> {
    // The text is the workbook as of this request (worker/text-job.ts), so the save point is
    // read with it; edits typed while it is written are answered meanwhile and stay unsaved.
    // It comes as a Blob the page hands to the host unread (bridge/api.ts WorkbookText).
    const { written, marker, loads, ticket } = await enqueue(async () => ({ written: client.serializeBlob(), marker: savePoint(history()), loads: loadCount(), ticket: session.ticket() }))
    const res = await written
    if (res.type !== 'serializedBlob') {
      setAlert(res.type === 'failed' ? res.error : 'Could not serialise the workbook.')
      return false
    }
    try {
      const outcome = await session.save(res.blob, asNew, ticket)
      if (outcome === null) return false
      if (!outcome.ok) {
        setAlert(`Could not save: ${outcome.error}`)
        return false
      }
      if (loads !== loadCount()) return true
      setDoc({ name: outcome.name, path: outcome.path })
      setSavedAt(marker)
      // Edits made while the save was in flight still need their backup.
      if (modified()) scheduleBackup()
      return true
    } catch (err) {
      setAlert(`Could not save: ${err instanceof Error ? err.message : String(err)}`)
      return false
    }
  }

  // A backup waits for a quiet moment (app/quiet-moment.ts): while it is written, each of the
  // scroll's window requests may wait for a slice (~12 ms) in the worker.
  let cancelBackup: () => void = () => {}
  function scheduleBackup(): void {
    cancelBackup()
    cancelBackup = afterQuietMoment(BACKUP_DEBOUNCE_MS, async () => {
      const ticket = session.ticket()
      // Asked for in turn with the edits, but not waited for in turn: the worker writes the
      // text in slices and answers the next edit between them (worker/text-job.ts), so an
      // Enter during a 1M-cell backup is not held for seconds. The text is the workbook as
      // of this request, so "modified" is read now too.
      const { written, modifiedThen } = await enqueue(async () => ({ written: client.serializeBlob(true), modifiedThen: modified() }))
      const res = await written
      if (res.type === 'serializedBlob') await session.backup(ticket, res.blob, modifiedThen).catch(() => undefined)
      else setAlert(res.type === 'failed' ? res.error : 'Could not back up the workbook.')
    }, BACKUP_QUIET)
  }

  createEffect(() => bridge.setDocumentState({ name: doc().name, modified: modified() }))

  return {
    doc,
    modified,
    history,
    alert,
    setAlert,
    notice,
    setNotice,
    lastMs,
    loadCount,
    busy: client.busy,
    act,
    runAction,
    actTraining,
    /** The panel that shows the training settings follows an undo or redo of them. */
    onTrainingSettings: (listener: (settings: TrainingSettings) => void) => void (trainingListener = listener),
    undo: () => step('undo'),
    redo: () => step('redo'),
    open,
    /** Asking before New, Open, Open Recent or an example replaces unsaved work. */
    mustAskBeforeReplacing: () => mustAskBeforeReplacing(modified()),
    /** The person chose to drop this document's unsaved work: its backup goes now. */
    discardBackup: () => session.discardBackup(),
    save: () => save(false),
    saveAs: () => save(true),
    /** appscale: the non-empty cells along a column or row, from the engine (Ctrl+arrow while the store does not hold every view); null if the worker failed. */
    filledAlong: async (sheet: string, vertical: boolean, index: number): Promise<number[] | null> => {
      const res = await client.line(sheet, vertical, index)
      return res.type === 'line' ? res.filled : null
    },
    /** app-export: the workbook's text for File → Export as… (null: the alert bar says why). */
    workbookText: serialize,
  }
}

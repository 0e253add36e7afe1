// A model-based test of the document lifecycle (issue 10): fast-check picks sequences of
// what people do — edit, save, save as, open, new, an example, discard recovered work,
// close a tab, open a second one, crash the server (SIGKILL of the real `npm run web`
// process) and restart it with or without a FILE — and after every step checks, on the
// real disk:
//   1. no file holds content the user did not save to that path;
//   2. every edit since the last save is recoverable for that same document (its own
//      backup holds exactly its text and path), or the user explicitly discarded it;
//   3. discarded work never comes back (its backup is gone; no window gets it again).
// The windows run the app's real document logic (renderer/src/app/document-session.ts)
// over the real web bridge (renderer/src/bridge/web-bridge.ts) against the real server;
// only the engine is a stand-in (a cell added per edit) and the glue of App.tsx,
// commands.ts and recovery.ts is mirrored in a few lines (LiveWindow).
import { mkdtempSync, readdirSync, readFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { GradsheetBridge, OpenedFile } from '../bridge/api'
import { createDocumentSession, mustAskBeforeReplacing, type DocumentSession } from '../renderer/src/app/document-session'
import { createWebBridge } from '../renderer/src/bridge/web-bridge'
import { startServerProcess, type ServerProcess } from './web-server-process.test-support'

const BLANK = JSON.stringify({ format: 'gradsheet', version: 1, objective: null, sheets: [{ name: 'Sheet1', cells: {} }] })
const FILE_NAMES = ['a.gradsheet', 'b.gradsheet', 'c.gradsheet']
const EXAMPLES = ['reference-example-1', 'xor-mlp']
const MAX_WINDOWS = 2

/** The engine stand-in: an edit adds one cell holding a unique token. */
function withEdit(text: string, token: string): string {
  const doc = JSON.parse(text)
  doc.sheets[0].cells[`ZZ${Object.keys(doc.sheets[0].cells).length + 1}`] = { input: token }
  return JSON.stringify(doc)
}

/** One browser tab: the bridge, the document session, and the workbook it shows. */
class LiveWindow {
  bridge: GradsheetBridge
  session: DocumentSession
  text = BLANK
  dirty = false
  offered = false
  /** The tab's sessionStorage entry (kept across reloads). */
  remembered: string | null = null
  answers: Array<string | null> = []

  constructor(private world: World) {
    this.bridge = createWebBridge({
      fetch: (input, init) => fetch(new URL(input, world.base), init),
      promptForPath: async () => this.answers.shift() ?? null,
      setTitle: () => {},
      setLeaveGuard: () => {},
      secret: () => world.secret,
      rememberDocument: (id) => void (this.remembered = id),
      rememberedDocument: () => this.remembered,
    })
    this.session = createDocumentSession(this.bridge)
  }

  get id(): string {
    return this.session.identity().id
  }

  /** App.tsx onMount: the starting file, and the recovery offer if it is recovered work. */
  async start(): Promise<OpenedFile | null> {
    const file = await this.bridge.initialFile()
    await this.load(file)
    return file
  }

  async load(file: OpenedFile | null): Promise<void> {
    this.text = file ? file.text : BLANK
    await this.session.loaded(file)
    this.dirty = file?.recovered === true
    this.offered = file?.recovered === true
  }

  /** An edit, then its backup (what the 1 s debounce does). */
  async edit(token: string): Promise<void> {
    this.text = withEdit(this.text, token)
    this.dirty = true
    await this.session.backup(this.session.ticket(), this.text, this.dirty)
  }

  async save(asNew: boolean, answer: string): Promise<{ ok: boolean; path?: string }> {
    this.answers = [answer]
    const outcome = await this.session.save(this.text, asNew)
    this.answers = []
    if (outcome?.ok) this.dirty = false
    return outcome?.ok ? { ok: true, path: outcome.path } : { ok: false }
  }

  /** commands.ts openWith: asks first while there is unsaved work. Returns false if nothing was replaced. */
  async replace(fetchFile: () => Promise<OpenedFile | null>, confirm: boolean): Promise<boolean> {
    if (mustAskBeforeReplacing(this.dirty) && !confirm) return false
    let file: OpenedFile | null
    try {
      file = await fetchFile()
    } catch {
      return false
    }
    if (!file) return false
    await this.load(file)
    return true
  }

  /** recovery.ts discard: the backup goes, the file comes back as last saved. */
  async discardRecovered(): Promise<void> {
    this.offered = false
    await this.session.discardBackup()
    const path = this.session.identity().path
    let saved: OpenedFile | null = null
    if (path) saved = await this.bridge.openPath(path).catch(() => null)
    await this.load(saved)
  }
}

interface Orphan {
  text: string
  path: string | null
  /** Claimed in this server run (a closed tab's): not offered until the next run. */
  claimed: boolean
}

/** The real system plus what the person expects of it. */
class World {
  server!: ServerProcess
  base = ''
  secret = ''
  file: string | null = null
  windows: LiveWindow[] = []
  /** path → the text the person last saved there. */
  saved = new Map<string, string>()
  /** Unsaved work of documents no window shows (closed tabs, crashes): must stay recoverable. */
  orphans = new Map<string, Orphan>()
  discarded = new Set<string>()
  tokens = 0
  log: string[] = []

  constructor(readonly dataDir: string, readonly workDir: string) {}

  static async create(): Promise<World> {
    const root = mkdtempSync(join(tmpdir(), 'gradsheet-lifecycle-'))
    const world = new World(join(root, 'data'), mkdtempSync(join(root, 'files-')))
    await world.startServer(null)
    await world.openWindow()
    return world
  }

  async startServer(file: string | null): Promise<void> {
    this.file = file
    this.server = startServerProcess(['--port', '0', ...(file ? [file] : [])], { GRADSHEET_DATA_DIR: this.dataDir, INIT_CWD: this.workDir })
    const { base, secret } = await this.server.ready
    this.base = base
    this.secret = secret
    for (const orphan of this.orphans.values()) orphan.claimed = false
  }

  async stopServer(signal: NodeJS.Signals): Promise<void> {
    this.server.child.kill(signal)
    await this.server.exited
  }

  /** A tab starts (new, or reloaded): what it gets must be its own work, or unclaimed work. */
  async startWindow(window: LiveWindow): Promise<void> {
    const ownId = window.remembered
    const ownWork = ownId !== null && this.orphans.has(ownId) ? ownId : null
    const unclaimed = [...this.orphans.entries()].filter(([, o]) => !o.claimed && (this.file === null || o.path === this.file))
    const file = await window.start()
    if (file?.recovered) {
      const id = file.documentId!
      const orphan = this.orphans.get(id)
      expect(orphan, `recovered document ${id} was not unsaved work`).toBeDefined()
      expect(this.discarded.has(id), 'discarded work came back').toBe(false)
      if (ownWork) expect(id, 'a reloaded tab gets its own work back').toBe(ownWork)
      expect(file.text).toBe(orphan!.text)
      expect(file.path).toBe(orphan!.path)
      this.orphans.delete(id)
    } else {
      expect(ownWork, 'a reloaded tab with unsaved work got it back').toBeNull()
      expect(unclaimed.map(([id]) => id), 'unclaimed unsaved work was offered').toEqual([])
      if (this.file) expect(file?.path).toBe(this.file)
    }
  }

  async openWindow(): Promise<void> {
    const window = new LiveWindow(this)
    await this.startWindow(window)
    this.windows.push(window)
  }

  /** The window's unsaved work leaves it without being discarded: it must stay recoverable. */
  orphan(window: LiveWindow, claimed: boolean): void {
    if (window.dirty) this.orphans.set(window.id, { text: window.text, path: window.session.identity().path, claimed })
  }

  /** The window's document is replaced after the person agreed: its unsaved work is discarded. */
  replaced(window: LiveWindow, previousId: string, wasDirty: boolean): void {
    if (wasDirty && window.id !== previousId) this.discarded.add(previousId)
  }

  backupsOnDisk(): Map<string, { text: string; path: string | null }> {
    const root = join(this.dataDir, 'backups')
    const found = new Map<string, { text: string; path: string | null }>()
    if (!existsSync(root)) return found
    for (const id of readdirSync(root)) {
      const file = join(root, id, 'hot-exit-backup.json')
      if (!existsSync(file)) continue
      const envelope = JSON.parse(readFileSync(file, 'utf8'))
      found.set(id, { text: envelope.text, path: envelope.path })
    }
    return found
  }

  checkInvariants(): void {
    // 1. Files on disk hold exactly what the person saved there, and nothing else exists.
    const onDisk = readdirSync(this.workDir).sort()
    expect(onDisk, 'files in the folder').toEqual([...this.saved.keys()].map((p) => p.slice(this.workDir.length + 1)).sort())
    for (const [path, text] of this.saved) expect(readFileSync(path, 'utf8'), `content of ${path}`).toBe(text)
    // 2. Unsaved work is recoverable, for that same document, with its text and path.
    const backups = this.backupsOnDisk()
    const expected = new Map<string, { text: string; path: string | null }>()
    for (const window of this.windows) {
      if (window.dirty) expected.set(window.id, { text: window.text, path: window.session.identity().path })
    }
    for (const [id, orphan] of this.orphans) expected.set(id, { text: orphan.text, path: orphan.path })
    for (const [id, want] of expected) expect(backups.get(id), `backup of document ${id}`).toEqual(want)
    // 3. Nothing else is kept: discarded or saved work has no backup to come back from.
    expect([...backups.keys()].sort(), 'backups on disk').toEqual([...expected.keys()].sort())
    for (const id of this.discarded) {
      expect(backups.has(id)).toBe(false)
      expect(this.windows.some((w) => w.id === id)).toBe(false)
    }
  }

  async dispose(): Promise<void> {
    await this.stopServer('SIGKILL').catch(() => undefined)
  }
}

type Command = fc.AsyncCommand<World, World>
const windowIndex = fc.nat({ max: MAX_WINDOWS - 1 })
const pick = <T,>(list: T[], index: number): T => list[index % list.length]

class Edit implements Command {
  constructor(readonly w: number) {}
  check = () => true
  async run(_m: World, world: World) {
    await pick(world.windows, this.w).edit(`token-${++world.tokens}`)
    world.checkInvariants()
  }
  toString = () => `edit(w${this.w})`
}

class Save implements Command {
  constructor(readonly w: number, readonly asNew: boolean, readonly file: number) {}
  check = () => true
  async run(_m: World, world: World) {
    const window = pick(world.windows, this.w)
    const outcome = await window.save(this.asNew, join(world.workDir, pick(FILE_NAMES, this.file)))
    if (outcome.ok) world.saved.set(outcome.path!, window.text)
    world.checkInvariants()
  }
  toString = () => `${this.asNew ? 'saveAs' : 'save'}(w${this.w}, ${FILE_NAMES[this.file]})`
}

class Replace implements Command {
  constructor(readonly w: number, readonly what: 'open' | 'new' | 'example', readonly index: number, readonly confirm: boolean) {}
  check = () => true
  async run(_m: World, world: World) {
    const window = pick(world.windows, this.w)
    const before = { id: window.id, dirty: window.dirty }
    const fetchFile =
      this.what === 'open'
        ? () => window.bridge.openPath(join(world.workDir, pick(FILE_NAMES, this.index)))
        : this.what === 'new'
          ? async () => ({ path: null, name: 'Untitled.gradsheet', text: BLANK })
          : () => window.bridge.openExample(pick(EXAMPLES, this.index))
    if (await window.replace(fetchFile, this.confirm)) world.replaced(window, before.id, before.dirty)
    world.checkInvariants()
  }
  toString = () => `${this.what}(w${this.w}, ${this.index}, confirm=${this.confirm})`
}

class DiscardRecovered implements Command {
  constructor(readonly w: number) {}
  check = () => true
  async run(_m: World, world: World) {
    const window = pick(world.windows, this.w)
    if (!window.offered) return
    world.discarded.add(window.id)
    await window.discardRecovered()
    world.checkInvariants()
  }
  toString = () => `discardRecovered(w${this.w})`
}

class CloseWindow implements Command {
  constructor(readonly w: number) {}
  check = (world: Readonly<World>) => world.windows.length > 1
  async run(_m: World, world: World) {
    const window = pick(world.windows, this.w)
    world.windows = world.windows.filter((x) => x !== window)
    // The browser asked "leave site?" and the person left: the work stays for the next run.
    world.orphan(window, true)
    world.checkInvariants()
  }
  toString = () => `closeTab(w${this.w})`
}

class OpenWindow implements Command {
  check = (world: Readonly<World>) => world.windows.length < MAX_WINDOWS
  async run(_m: World, world: World) {
    await world.openWindow()
    world.checkInvariants()
  }
  toString = () => 'openTab()'
}

class CrashAndRestart implements Command {
  constructor(readonly signal: 'SIGKILL' | 'SIGTERM', readonly file: number | null) {}
  check = () => true
  async run(_m: World, world: World) {
    await world.stopServer(this.signal)
    // Every tab's unsaved work must survive the server's end.
    for (const window of world.windows) world.orphan(window, false)
    world.checkInvariants()
    const saved = [...world.saved.keys()]
    const file = this.file === null || saved.length === 0 ? null : pick(saved, this.file)
    await world.startServer(file)
    // The person reloads each tab on the new address.
    for (const window of world.windows) await world.startWindow(window)
    world.checkInvariants()
  }
  toString = () => `${this.signal === 'SIGKILL' ? 'crash' : 'stop'}+restart(${this.file === null ? 'no FILE' : `FILE ${this.file}`})`
}

const commands = [
  windowIndex.map((w) => new Edit(w)),
  fc.tuple(windowIndex, fc.boolean(), fc.nat({ max: FILE_NAMES.length - 1 })).map(([w, asNew, f]) => new Save(w, asNew, f)),
  fc.tuple(windowIndex, fc.constantFrom('open' as const, 'new' as const, 'example' as const), fc.nat({ max: 2 }), fc.boolean()).map(
    ([w, what, i, confirm]) => new Replace(w, what, i, confirm),
  ),
  windowIndex.map((w) => new DiscardRecovered(w)),
  windowIndex.map((w) => new CloseWindow(w)),
  fc.constant(new OpenWindow()),
  fc.tuple(fc.constantFrom('SIGKILL' as const, 'SIGTERM' as const), fc.option(fc.nat({ max: 2 }), { nil: null })).map(
    ([signal, file]) => new CrashAndRestart(signal, file),
  ),
]

describe('document lifecycle (model-based, real server and disk)', { timeout: 600_000 }, () => {
  it('never loses or resurrects work, and never writes a file the user did not save', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 14 }), async (cmds) => {
        const world = await World.create()
        try {
          await fc.asyncModelRun(() => ({ model: world, real: world }), cmds)
        } finally {
          await world.dispose()
        }
      }),
      { seed: 20261130, numRuns: 12, endOnFailure: true },
    )
  })
})

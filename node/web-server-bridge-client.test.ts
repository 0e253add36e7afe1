// The browser's bridge (renderer/src/bridge/web-bridge.ts) against the real web server:
// the same calls the app makes, over HTTP, with the path prompt answered by the test.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { GradsheetBridge } from '../bridge/api'
import { createWebBridge } from '../renderer/src/bridge/web-bridge'
import type { PathPromptOptions } from '../renderer/src/bridge/path-prompt'
import { startTestServer, TEST_SECRET, VALID_WORKBOOK, type TestServer } from './web-server.test-support'

describe('web bridge client against the web server', () => {
  let t: TestServer
  let bridge: GradsheetBridge
  let answers: Array<string | null>
  let prompts: PathPromptOptions[]
  let titles: string[]
  let guards: boolean[]
  let remembered: string | null = null

  beforeAll(async () => {
    t = await startTestServer()
    answers = []
    prompts = []
    titles = []
    guards = []
    bridge = createWebBridge({
      fetch: (input, init) => fetch(new URL(input, t.server.url), init),
      promptForPath: async (options) => {
        prompts.push(options)
        return answers.shift() ?? null
      },
      setTitle: (title) => void titles.push(title),
      setLeaveGuard: (active) => void guards.push(active),
      secret: () => TEST_SECRET,
      rememberDocument: (id) => void (remembered = id),
      rememberedDocument: () => remembered,
    })
  })
  afterAll(async () => {
    await t.server.close()
  })

  it('is the web host and opens the first worked example at start', async () => {
    expect(bridge.host).toBe('web')
    expect(await bridge.initialFile()).toMatchObject({ path: null, name: 'reference-example-1.gradsheet', text: VALID_WORKBOOK })
  })

  it('Save As asks for a path (proposing the server folder and the suggested name) and saves there', async () => {
    answers.push(join(t.files, 'saved-as')) // no extension typed: .gradsheet is added
    const outcome = await bridge.saveAs(VALID_WORKBOOK, 'model.gradsheet')
    expect(prompts.at(-1)).toMatchObject({ title: 'Save workbook as', initialPath: join(t.files, 'model.gradsheet') })
    expect(outcome).toEqual({ ok: true, path: join(t.files, 'saved-as.gradsheet'), name: 'saved-as.gradsheet' })
    expect(readFileSync(join(t.files, 'saved-as.gradsheet'), 'utf8')).toBe(VALID_WORKBOOK)
  })

  it('Save sends the Blob the worker wrote as it is, and the file has its text', async () => {
    const path = join(t.files, 'saved-as.gradsheet') // chosen in the Save As case above
    const blobText = VALID_WORKBOOK.replace('}', ', "note": "é ✓" }')
    expect(await bridge.save(path, new Blob([blobText]))).toEqual({ ok: true, path, name: 'saved-as.gradsheet' })
    expect(readFileSync(path, 'utf8')).toBe(blobText)
    writeFileSync(path, VALID_WORKBOOK)
  })

  it('Open asks for a path, then reads the file; cancelling returns null', async () => {
    answers.push(join(t.files, 'saved-as.gradsheet'))
    expect(await bridge.showOpenDialog()).toEqual({ path: join(t.files, 'saved-as.gradsheet'), name: 'saved-as.gradsheet', text: VALID_WORKBOOK })
    expect(prompts.at(-1)).toMatchObject({ title: 'Open workbook', initialPath: t.files + '/' })
    expect(await bridge.showOpenDialog()).toBeNull()
    expect(await bridge.saveAs(VALID_WORKBOOK, 'x.gradsheet')).toBeNull()
  })

  it('rejects with the server’s sentence when a file cannot be opened', async () => {
    await expect(bridge.openPath(join(t.files, 'missing.gradsheet'))).rejects.toThrow(`Cannot open ${join(t.files, 'missing.gradsheet')}: there is no readable Gradsheet workbook at that path.`)
    await expect(bridge.openPath('not/absolute')).rejects.toThrow(/absolute/)
  })

  it('a failed save is an outcome with a reason, not an exception', async () => {
    answers.push(join(t.files, 'no-such-folder', 'x.gradsheet'))
    const outcome = await bridge.saveAs(VALID_WORKBOOK, 'x.gradsheet')
    expect(outcome).toEqual({ ok: false, error: expect.stringMatching(/folder does not exist/) })
    // Save (without a dialog) goes only where this session opened or chose.
    expect(await bridge.save(join(t.files, 'never-chosen.gradsheet'), VALID_WORKBOOK)).toEqual({ ok: false, error: expect.stringMatching(/Save As/) })
  })

  it('examples, recent files and backups go through the server', async () => {
    expect((await bridge.listExamples()).map((e) => e.id)).toEqual(['reference-example-1', 'reference-example-2'])
    expect((await bridge.openExample('reference-example-2')).name).toBe('reference-example-2.gradsheet')
    expect(await bridge.recentFiles()).toContain(join(t.files, 'saved-as.gradsheet'))
    const document = { id: 'doc-1', path: null, name: 'Untitled.gradsheet' }
    await bridge.writeBackup(document, 'backup text')
    expect(remembered).toBe('doc-1') // a reload of this tab asks for its own document back
    await bridge.writeBackup(document, null)
    expect(remembered).toBeNull()
    expect(t.backups).toEqual(['backup text', null])
    expect(t.backupDocuments).toEqual([document, document])
  })

  it('sends a backup the worker wrote as a Blob as it is, and the server gets the same text', async () => {
    const document = { id: 'doc-2', path: null, name: 'Untitled.gradsheet' }
    const text = '{ "input": "é ✓ 𝑥" }\n'
    const sent: unknown[] = []
    const spying = createWebBridge({
      fetch: (input, init) => (sent.push(init.body), fetch(new URL(input, t.server.url), init)),
      promptForPath: async () => null,
      setTitle: () => {},
      setLeaveGuard: () => {},
      secret: () => TEST_SECRET,
      rememberDocument: () => {},
      rememberedDocument: () => null,
    })
    const before = t.backups.length
    await spying.writeBackup(document, new Blob([text]))
    expect(sent.at(-1)).toBeInstanceOf(Blob) // never read into a string on the page
    expect(t.backups.slice(before)).toEqual([text])
  })

  it('forgetRecent goes through the server: the path leaves the list, a malformed one is refused in words', async () => {
    const refused = join(t.files, 'refused.gradsheet')
    writeFileSync(refused, VALID_WORKBOOK.replace('"version":1', '"version":99'))
    expect((await bridge.openPath(refused)).path).toBe(refused)
    expect((await bridge.recentFiles())[0]).toBe(refused)
    await expect(bridge.forgetRecent(refused)).resolves.toBeUndefined()
    expect(await bridge.recentFiles()).not.toContain(refused)
    await expect(bridge.forgetRecent('relative.gradsheet')).rejects.toThrow(/absolute/)
  })

  it('sets the tab title with the modified marker and guards leaving with unsaved work', () => {
    bridge.setDocumentState({ name: 'model.gradsheet', modified: true })
    bridge.setDocumentState({ name: 'model.gradsheet', modified: false })
    expect(titles).toEqual(['● model.gradsheet — Gradsheet', 'model.gradsheet — Gradsheet'])
    expect(guards).toEqual([true, false])
  })

  it('has no native menu: subscribing works and never fires', () => {
    const unsubscribe = bridge.onMenuCommand(() => {
      throw new Error('no menu commands in the browser')
    })
    expect(typeof unsubscribe).toBe('function')
    unsubscribe()
  })

  it('says the server is gone when it cannot be reached', async () => {
    const offline = createWebBridge({
      fetch: () => Promise.reject(new TypeError('fetch failed')),
      promptForPath: async () => null,
      setTitle: () => {},
      setLeaveGuard: () => {},
      secret: () => '',
      rememberDocument: () => {},
      rememberedDocument: () => null,
    })
    await expect(offline.listExamples()).rejects.toThrow(/cannot be reached/)
  })
})

// The watchdog against a fake worker that computes a tiny "workbook" (a map of inputs)
// and hangs on any input containing HANG: the runaway is stopped, the worker restarted
// from the last good state, the user told with their input, queued work still done.
import { afterEach, describe, expect, it } from 'vitest'
import { createRoot } from 'solid-js'
import { createEngineClient } from './engine-client'
import { superviseWorker, type WorkerPort } from './supervised-worker'
import type { WorkerRequest, WorkerResponse } from './protocol'

class FakeEngineWorker implements WorkerPort {
  static all: FakeEngineWorker[] = []
  onmessage: ((event: MessageEvent<string | WorkerResponse>) => void) | null = null
  onerror: ((event: ErrorEvent) => void) | null = null
  inputs = new Map<string, string>()
  terminated = false
  hung = false
  /** The text of a save takes a while, as a large workbook's does. */
  slowText = false
  constructor() {
    FakeEngineWorker.all.push(this)
  }
  postMessage(message: unknown): void {
    const req = structuredClone(message) as WorkerRequest
    setTimeout(() => this.handle(req), 1)
  }
  terminate(): void {
    this.terminated = true
  }
  private reply(body: object): void {
    if (!this.terminated) this.onmessage?.({ data: JSON.stringify(body) } as MessageEvent<string>)
  }
  private handle(req: WorkerRequest): void {
    if (this.terminated || this.hung) return // a hung worker never gets to later messages
    if (req.type === 'load') {
      this.inputs = new Map(Object.entries(req.text ? (JSON.parse(req.text) as Record<string, string>) : {}))
      return this.reply({ id: req.id, type: 'loaded', snapshot: { cells: [], sheets: ['Sheet1'], objective: {} }, ms: 0 })
    }
    if (req.type === 'apply') {
      for (const e of req.edits) if (e.type === 'setInput' && e.input.includes('HANG')) return void (this.hung = true)
      for (const e of req.edits) if (e.type === 'setInput') this.inputs.set(e.address, e.input)
      return this.reply({ id: req.id, type: 'applied', changes: { cells: [], objective: {}, rejected: [], stats: {} }, ms: 0, inverses: [] })
    }
    // As the real worker: the text comes as the reply object, not as JSON text, written while
    // later requests are answered, from the inputs as of the request.
    if (req.type === 'serialize') {
      const text = JSON.stringify(Object.fromEntries(this.inputs))
      const res = req.form === 'blob' ? { id: req.id, type: 'serializedBlob', blob: new Blob([text]) } : { id: req.id, type: 'serialized', text }
      return void setTimeout(() => this.terminated || this.hung || this.onmessage?.({ data: res } as MessageEvent<WorkerResponse>), req.form === 'blob' || this.slowText ? 30 : 0)
    }
    return this.reply({ id: req.id, type: 'snapshot', snapshot: { cells: [], sheets: ['Sheet1'], objective: {} } })
  }
}

const set = (address: string, input: string) => ({ type: 'setInput' as const, sheet: 'Sheet1', address, input })
const latest = () => FakeEngineWorker.all[FakeEngineWorker.all.length - 1]

function setup(requestMs = 60) {
  FakeEngineWorker.all = []
  const told: string[] = []
  const port = superviseWorker(() => new FakeEngineWorker(), { requestMs, loadMs: 500, onRestart: (m) => told.push(m) })
  const client = createRoot(() => createEngineClient(port))
  return { port, client, told }
}

afterEach(() => latest()?.terminate())

describe('worker watchdog', () => {
  it('leaves a healthy worker alone', async () => {
    const { port, client } = setup()
    expect((await client.load(null)).type).toBe('loaded')
    for (let i = 0; i < 5; i++) expect((await client.apply([set('A1', String(i))])).type).toBe('applied')
    expect(port.restarts()).toBe(0)
  })

  it('stops a runaway edit, says what was stopped with the input, and restarts from the last good state', async () => {
    const { port, client, told } = setup()
    await client.load(JSON.stringify({ A1: '1' }))
    await client.apply([set('B1', '2')])
    const stopped = await client.apply([set('C1', '=HANG(1)')])
    expect(stopped.type).toBe('failed')
    if (stopped.type === 'failed') {
      expect(stopped.error).toContain('Sheet1!C1 ← =HANG(1)')
      expect(stopped.error).toMatch(/restarted from your last good state/)
    }
    expect(told).toHaveLength(1)
    expect(port.restarts()).toBe(1)
    expect(FakeEngineWorker.all[0].terminated).toBe(true)
    // The new worker has the loaded file plus the accepted edit, not the runaway one.
    const text = await client.serialize()
    expect(text.type === 'serialized' && JSON.parse(text.text)).toEqual({ A1: '1', B1: '2' })
  })

  it('replays from the last serialisation, and re-sends what was queued behind the runaway', async () => {
    const { client } = setup()
    await client.load(null)
    await client.apply([set('A1', 'a')])
    await client.serialize() // new base: {A1: a}
    await client.apply([set('A2', 'b')])
    const runaway = client.apply([set('A3', 'HANG')])
    const queued = client.apply([set('A4', 'd')])
    expect((await runaway).type).toBe('failed')
    expect((await queued).type).toBe('applied')
    const text = await client.serialize()
    expect(text.type === 'serialized' && JSON.parse(text.text)).toEqual({ A1: 'a', A2: 'b', A4: 'd' })
  })

  it('keeps in the replay log the edits answered while a save’s text was being written', async () => {
    const { client } = setup()
    await client.load(JSON.stringify({ A1: 'a' }))
    latest().slowText = true
    const saved = client.serialize()
    expect((await client.apply([set('A2', 'b')])).type).toBe('applied') // answered before the text
    const first = await saved
    expect(first.type === 'serialized' && JSON.parse(first.text)).toEqual({ A1: 'a' })
    expect((await client.apply([set('A3', 'HANG')])).type).toBe('failed')
    const text = await client.serialize()
    expect(text.type === 'serialized' && JSON.parse(text.text)).toEqual({ A1: 'a', A2: 'b' })
  })

  it('replays the edits made before a backup’s Blob, which is no new base', async () => {
    const { client } = setup()
    await client.load(JSON.stringify({ A1: 'a' }))
    await client.apply([set('A2', 'b')])
    const backup = await client.serializeBlob()
    expect(backup.type === 'serializedBlob' && JSON.parse(await backup.blob.text())).toEqual({ A1: 'a', A2: 'b' })
    expect((await client.apply([set('A3', 'HANG')])).type).toBe('failed')
    const text = await client.serialize()
    expect(text.type === 'serialized' && JSON.parse(text.text)).toEqual({ A1: 'a', A2: 'b' })
  })

  it('blames the runaway edit, not a backup still being written before it', async () => {
    const { port, client } = setup()
    await client.load(null)
    const backup = client.serializeBlob()
    const runaway = await client.apply([set('A1', '=HANG()')])
    expect(runaway.type === 'failed' && runaway.error).toContain('Sheet1!A1 ← =HANG()')
    expect((await backup).type).toBe('serializedBlob') // re-sent to the new worker, answered there
    expect(port.restarts()).toBe(1)
  })

  it('survives many runaways in a row, each one restarting once', async () => {
    const { port, client } = setup(30)
    await client.load(null)
    for (let i = 0; i < 10; i++) {
      expect((await client.apply([set('A1', `HANG ${i}`)])).type).toBe('failed')
      expect((await client.apply([set(`B${i + 1}`, String(i))])).type).toBe('applied')
    }
    expect(port.restarts()).toBe(10)
    const text = await client.serialize()
    expect(text.type === 'serialized' && Object.keys(JSON.parse(text.text))).toHaveLength(10)
  })

  it('gives up with a message when the restarted worker cannot even load the last state', async () => {
    const { client } = setup()
    await client.load(JSON.stringify({ A1: 'HANG' })) // loads fine (inputs are not computed on load)
    // Make every new worker hang on its first message: the replay never finishes.
    const original = FakeEngineWorker.prototype.postMessage
    const stopped = client.apply([set('B1', 'HANG')])
    FakeEngineWorker.prototype.postMessage = function () {}
    try {
      expect((await stopped).type).toBe('failed')
      const after = await client.apply([set('C1', '1')])
      expect(after).toMatchObject({ type: 'failed', error: expect.stringMatching(/could not be restarted/) })
    } finally {
      FakeEngineWorker.prototype.postMessage = original
    }
  })
})

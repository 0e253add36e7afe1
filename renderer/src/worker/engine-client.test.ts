// "computing…" is for work the user asked for: pulling the views owed behind a large edit
// or load (window-sync.ts) goes on in the background and must not show it.
import { createRoot } from 'solid-js'
import { describe, expect, it } from 'vitest'
import { createEngineClient } from './engine-client'
import type { WorkerPort } from './supervised-worker'
import type { WorkerRequest } from './protocol'

/** Answers each request after `ms`. */
function slowPort(ms: number): WorkerPort {
  const port: WorkerPort = {
    onmessage: null,
    onerror: null,
    terminate: () => undefined,
    postMessage(message) {
      const req = message as WorkerRequest
      const reply =
        req.type === 'pull' ? { id: req.id, type: 'refreshed', cells: [], generation: 1, remaining: 0 }
        : req.type === 'window' ? { id: req.id, type: 'window', cells: [], generation: 1 }
        : { id: req.id, type: 'serialized', text: '{}' }
      setTimeout(() => port.onmessage?.({ data: JSON.stringify(reply) } as MessageEvent<string>), ms)
    },
  }
  return port
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('the busy signal', () => {
  it('stays off while owed views are pulled, however long a pull takes', async () => {
    const client = createRoot(() => createEngineClient(slowPort(250)))
    const pulled = client.pull(2000)
    const window = client.window({ sheet: 'Sheet1', rows: [0, 10], cols: [0, 5] })
    await wait(180)
    expect(client.busy()).toBe(false)
    await Promise.all([pulled, window])
  })

  it('turns on for other work that takes longer than 100 ms, and off when it is done', async () => {
    const client = createRoot(() => createEngineClient(slowPort(250)))
    const saved = client.serialize()
    await wait(180)
    expect(client.busy()).toBe(true)
    await saved
    expect(client.busy()).toBe(false)
  })
})

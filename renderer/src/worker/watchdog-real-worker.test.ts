// The watchdog around the real engine worker script (in a Node worker thread): a genuinely
// slow edit (three million-cell ranges, about 15 s of work) is stopped mid-computation,
// the worker restarted from the last good document, and the engine carries on.
import { Worker } from 'node:worker_threads'
import { join } from 'node:path'
import { createRoot } from 'solid-js'
import { afterEach, describe, expect, it } from 'vitest'
import { createEngineClient } from './engine-client'
import { superviseWorker, type WorkerPort } from './supervised-worker'

const script = join(import.meta.dirname, 'engine-worker.test-support.mjs')
const threads: Worker[] = []

function realEngineWorker(): WorkerPort {
  const thread = new Worker(script)
  threads.push(thread)
  const port: WorkerPort = {
    onmessage: null,
    onerror: null,
    postMessage: (message) => thread.postMessage(message),
    terminate: () => void thread.terminate(),
  }
  thread.on('message', (data: string) => port.onmessage?.({ data } as MessageEvent<string>))
  thread.on('error', (err) => port.onerror?.({ message: err.message } as ErrorEvent))
  return port
}

afterEach(async () => {
  await Promise.all(threads.splice(0).map((t) => t.terminate()))
})

const set = (address: string, input: string) => ({ type: 'setInput' as const, sheet: 'Sheet1', address, input })
const doc = JSON.stringify({ format: 'gradsheet', version: 1, objective: 'J', sheets: [{ name: 'Sheet1', cells: { A1: { input: '3', name: 'x' }, A2: { input: '=x^2', name: 'J' } } }] })

describe('watchdog around the real engine worker', { timeout: 120_000 }, () => {
  it('stops a runaway edit in the real engine and carries on from the last good document', async () => {
    const port = superviseWorker(realEngineWorker, { requestMs: 1500, loadMs: 60_000 })
    const client = createRoot(() => createEngineClient(port))
    expect((await client.load(doc)).type).toBe('loaded')
    expect((await client.apply([set('B1', '=J + 1')])).type).toBe('applied')
    const started = Date.now()
    const runaway = await client.apply([set('Z1', '=SUM(A1:XFD61) + SUM(A100:XFD160) + SUM(A200:XFD260)')])
    expect(runaway.type).toBe('failed')
    if (runaway.type === 'failed') expect(runaway.error).toContain('Sheet1!Z1 ← =SUM(A1:XFD61)')
    expect(Date.now() - started).toBeLessThan(10_000) // stopped well before the ~15 s it needs
    expect(port.restarts()).toBe(1)
    // The restarted engine has the loaded file and the accepted edit, not the runaway.
    const after = await client.apply([set('B2', '=B1 * 2')])
    expect(after.type).toBe('applied')
    if (after.type === 'applied') expect(after.changes.cells.find((c) => c.address === 'B2')?.value).toEqual({ kind: 'number', value: 20 })
    const saved = await client.serialize()
    expect(saved.type).toBe('serialized')
    if (saved.type === 'serialized') {
      const cells = JSON.parse(saved.text).sheets[0].cells
      expect(Object.keys(cells).sort()).toEqual(['A1', 'A2', 'B1', 'B2'])
    }
  })
})

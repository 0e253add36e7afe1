// The real engine worker script (in a Node worker thread) writes a large workbook's text in
// slices and answers an edit sent after it before the text is done; the text is the
// workbook as of its request, without that edit (worker/text-job.ts). Written in one go,
// an edit that met a 1M-cell backup waited ~2.5 s (docs/benchmarks.md).
import { Worker } from 'node:worker_threads'
import { join } from 'node:path'
import { createRoot } from 'solid-js'
import { afterEach, describe, expect, it } from 'vitest'
import { createEngineClient } from './engine-client'
import type { WorkerPort } from './supervised-worker'

const script = join(import.meta.dirname, 'engine-worker.test-support.mjs')
const threads: Worker[] = []

function realEngineWorker(): WorkerPort {
  const thread = new Worker(script)
  threads.push(thread)
  const port: WorkerPort = { onmessage: null, onerror: null, postMessage: (message) => thread.postMessage(message), terminate: () => void thread.terminate() }
  thread.on('message', (data: string) => port.onmessage?.({ data } as MessageEvent<string>))
  thread.on('error', (err) => port.onerror?.({ message: err.message } as ErrorEvent))
  return port
}

afterEach(async () => {
  await Promise.all(threads.splice(0).map((t) => t.terminate()))
})

const ROWS = 60_000
const cells: Record<string, { input: string }> = { A1: { input: '1' } }
for (let r = 2; r <= ROWS; r++) cells[`A${r}`] = { input: `=A${r - 1}+1` }
const doc = JSON.stringify({ format: 'gradsheet', version: 1, objective: `A${ROWS}`, sheets: [{ name: 'Sheet1', cells }] })

describe('the real worker writes a workbook text while it answers edits', { timeout: 120_000 }, () => {
  it('answers an edit sent after a save or backup before the text is written, and leaves the edit out of it', async () => {
    const client = createRoot(() => createEngineClient(realEngineWorker()))
    expect((await client.load(doc)).type).toBe('loaded')
    const order: string[] = []
    const text = client.serializeBlob().then((res) => (order.push('text'), res))
    const edit = client.apply([{ type: 'setInput', sheet: 'Sheet1', address: 'B1', input: 'edited' }]).then((res) => (order.push('edit'), res))
    const [written, applied] = await Promise.all([text, edit])
    expect(applied.type).toBe('applied')
    expect(order).toEqual(['edit', 'text'])
    expect(written.type).toBe('serializedBlob')
    const before = written.type === 'serializedBlob' ? JSON.parse(await written.blob.text()) : null
    expect(Object.keys(before.sheets[0].cells)).toHaveLength(ROWS)
    expect(before.sheets[0].cells.B1).toBeUndefined()
    const after = await client.serialize()
    expect(after.type === 'serialized' && JSON.parse(after.text).sheets[0].cells.B1).toEqual({ input: 'edited' })
  })
})

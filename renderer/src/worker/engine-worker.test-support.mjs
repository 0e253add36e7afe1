// Runs the real engine.worker.ts inside a Node worker thread (for tests): `self` is
// stood in for by the thread's parent port, so the worker script runs unchanged; tsx
// compiles the TypeScript on the way in. Messages that arrive while it compiles wait.
import { parentPort } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

const early = []
const self = {
  onmessage: null,
  postMessage: (message) => parentPort.postMessage(message),
}
globalThis.self = self
parentPort.on('message', (data) => (self.onmessage ? self.onmessage({ data }) : early.push(data)))
register()
await import('./engine.worker.ts')
for (const data of early.splice(0)) self.onmessage({ data })

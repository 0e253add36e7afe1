// Entry: find the host bridge, start the engine worker, mount the app.
import { render } from 'solid-js/web'
import { ensureBridge } from './bridge/web-bridge'
import { App } from './app/App'
import { superviseWorker } from './worker/supervised-worker'
import './styles.css'

// Supervised: a runaway computation is stopped and the worker restarted (supervised-worker.ts).
const worker = superviseWorker(() => new Worker(new URL('./worker/engine.worker.ts', import.meta.url), { type: 'module' }))
render(() => <App bridge={ensureBridge()} worker={worker} />, document.getElementById('root')!)

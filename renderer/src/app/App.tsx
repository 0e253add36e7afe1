// The window: toolbar, name box + formula bar, grid, sheet tabs, status bar.
import { Show, createEffect, createSignal, lazy, on, onCleanup, onMount } from 'solid-js'
import type { GradsheetBridge } from '../../../bridge/api'
import { AlertBanner, NoticeBanner } from '../components/AlertBanner'
import { RecoveryBanner } from '../components/RecoveryBanner'
import { createRecovery } from './recovery'
import { FormulaBar } from '../components/FormulaBar'
import { SheetTabs } from '../components/SheetTabs'
import { StatusBar } from '../components/StatusBar'
import { Toolbar } from '../components/Toolbar'
import { Grid, focusGrid } from '../grid/Grid'
import { GraphPanel } from '../graph/GraphPanel'
import { createGraphController } from '../graph/graph-controller'
import { createWorkbookStore } from '../state/workbook-store'
import { createWindowSync } from '../state/window-sync'
import { createEngineClient } from '../worker/engine-client'
import type { WorkerPort } from '../worker/supervised-worker'
import { createCommands } from './commands'
import { createDocumentController } from './document-controller'
import { createSheetView } from './sheet-view'
import { TrainingPanel } from '../training/TrainingPanel'
import { createTrainingController } from '../training/training-controller'
import { setTrainingOpen, trainingOpen } from '../training/panel-state'
import { DataPanel } from '../data/DataPanel'
import { dataOpen, setDataOpen } from '../data/panel-state'
import { createFormulaEditing } from '../formula-edit/formula-editing'
import { FormulaAssist } from '../formula-edit/FormulaAssist'
import { FormulaReference } from '../formula-help/FormulaReference'
import { referenceOpen } from '../formula-help/reference-state'
import { installKeyboardReach } from './keyboard-reach'
// excel helper: the Sensitivity panel, loaded on first open (it compiles formulas with math.js, which the UI thread otherwise never loads).
import { sensitivityOpen, setSensitivityOpen } from '../sensitivity/panel-state'
const SensitivityPanel = lazy(() => import('../sensitivity/SensitivityPanel').then((m) => ({ default: m.SensitivityPanel })))

export function App(props: { bridge: GradsheetBridge; worker: WorkerPort }) {
  const { bridge } = props
  const store = createWorkbookStore()
  const client = createEngineClient(props.worker)
  const view = createSheetView(store)
  const ctl = createDocumentController(store, client, bridge, view.visibleHint)
  createWindowSync(store, client, view.visibleHint) // windowed: pulls the views owed behind a large edit when idle, and a scrolled-to window at once
  const commands = createCommands(store, ctl, view, bridge)
  const recovery = createRecovery(ctl, bridge)
  const training = createTrainingController(store, ctl, client, view)
  const graph = createGraphController(store, client, view, ctl)
  const formulaEditing = createFormulaEditing(store, view)
  formulaEditing.listen()
  installKeyboardReach({ view, commands, graph })

  // The window shows the grid only once the first workbook is in, so nothing typed early
  // is lost to the load that follows.
  const [ready, setReady] = createSignal(false)

  // Every load starts at A1 of the first sheet.
  createEffect(on(ctl.loadCount, () => {
    view.setEditing(null)
    view.select({ col: 0, row: 0 }, store.sheets()[0])
    focusGrid()
  }, { defer: true }))

  onMount(async () => {
    const unsubscribe = bridge.onMenuCommand(commands.runMenuCommand)
    onCleanup(unsubscribe)
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || !(e.ctrlKey || e.metaKey) || e.altKey) return
      const inField = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement
      const k = e.key.toLowerCase()
      if (k === 's') commands[e.shiftKey ? 'saveAs' : 'save']()
      else if (k === 'o') commands.open()
      else if (!inField && k === 'z') commands[e.shiftKey ? 'redo' : 'undo']()
      else if (!inField && k === 'y') commands.redo()
      else if (!inField && (k === '=' || k === '+')) view.zoomBy(1)
      else if (!inField && k === '-') view.zoomBy(-1)
      else if (!inField && k === '0') view.zoomBy(0)
      else return
      e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    onCleanup(() => window.removeEventListener('keydown', onKey))

    let initial = null
    let problem: string | null = null
    try {
      performance.mark('gs:initial-file-request') // bench:ui's open timeline (bench/ui/open-timeline.ts)
      initial = await bridge.initialFile()
      performance.mark('gs:initial-file-reply')
    } catch (err) {
      problem = `Could not open the starting file: ${err instanceof Error ? err.message : String(err)}`
    }
    const opened = await ctl.open(initial)
    // Shown after the load (which clears alerts): e.g. a web page opened without its secret (issue 10, documents helper).
    if (problem) ctl.setAlert(problem)
    if (opened && initial?.recovered) recovery.offer(initial)
    if (!opened && initial) {
      // A refused starting file leaves a blank workbook; the alert still says why (the blank load clears alerts).
      const refusal = ctl.alert()
      await ctl.open(null)
      if (refusal) ctl.setAlert(refusal)
    }
    setReady(true)
    focusGrid()
  })

  return (
    <Show when={ready()} fallback={<div class="splash" role="progressbar" aria-label="Loading workbook">Loading workbook…</div>}>
    {/* appscale: how many cells' views the worker still owes, and how many the last load left owed (a windowed load; e2e and bench:ui read these) */}
    <div class="app" data-views-owed={client.streaming()} data-load-owed={store.snapshotOwed()}>
      <Toolbar ctl={ctl} view={view} commands={commands} bridge={bridge} graph={graph} />
      <FormulaBar view={view} commands={commands} formulaEditing={formulaEditing} />
      <AlertBanner ctl={ctl} />
      <NoticeBanner ctl={ctl} />
      <RecoveryBanner recovery={recovery} />
      <main class="grid-area">
        {/* graph branch (issue 13): the grid in its own pane so the graph docks beside it */}
        <div class="grid-pane"><Grid store={store} view={view} commands={commands} formulaEditing={formulaEditing} onExplain={() => graph.setOpen(true) /* edit-ui: the inspector follows the active cell */} /></div>
        <GraphPanel graph={graph} store={store} bridge={bridge} />
      </main>
      <Show when={dataOpen()}><DataPanel store={store} ctl={ctl} view={view} onClose={() => setDataOpen(false)} /></Show>
      <Show when={trainingOpen()}><TrainingPanel training={training} onClose={() => setTrainingOpen(false)} /></Show>
      <Show when={sensitivityOpen()}><SensitivityPanel store={store} view={view} onClose={() => setSensitivityOpen(false)} /></Show>
      <SheetTabs store={store} view={view} commands={commands} />
      <StatusBar store={store} ctl={ctl} commands={commands} view={view} />
      <FormulaAssist editing={formulaEditing} />
      <Show when={referenceOpen()}><FormulaReference /></Show>
    </div>
    </Show>
  )
}

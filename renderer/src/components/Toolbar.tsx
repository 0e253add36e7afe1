// The command bar: web mode has no native menu, so every menu command is here too.
import { For, Show, createResource } from 'solid-js'
import type { GradsheetBridge } from '../../../bridge/api'
import type { Commands } from '../app/commands'
import type { DocumentController } from '../app/document-controller'
import type { SheetView } from '../app/sheet-view'
import { dataOpen, setDataOpen } from '../data/panel-state'
import { setTrainingOpen, trainingOpen } from '../training/panel-state'
import { historyTooltip } from '../model/history'
import { keysOf, type ShortcutCommand } from '../model/shortcuts'
import { referenceOpen, setReferenceOpen } from '../formula-help/reference-state'
import '../formula-edit/focus.css'
import { HelpMenu } from '../help/HelpMenu' // graph branch (issue 13): the Help menu
import { sensitivityOpen, setSensitivityOpen } from '../sensitivity/panel-state' // excel helper
import { ExportAsDialog } from './ExportAsDialog'
import { exportAsOpen, setExportAsOpen } from './export-as'
import { OpenRecentMenu } from '../app/OpenRecentMenu' // recent helper: the page's File → Open Recent

/** A tooltip that ends with the command's keys: "Save (Ctrl+S)". */
const tip = (text: string, command: ShortcutCommand) => `${text} (${keysOf(command)})`

export function Toolbar(props: { ctl: DocumentController; view: SheetView; commands: Commands; bridge: GradsheetBridge; graph: { open(): boolean; setOpen(open: boolean): void } }) {
  const { ctl, view, commands, bridge } = props
  const [examples] = createResource(() => bridge.listExamples().catch(() => []))
  const canUndo = () => ctl.history().undoStack.length > 0
  const canRedo = () => ctl.history().redoStack.length > 0
  const isParam = () => !!commands.selectedCell()?.param

  return (
    <header class="toolbar" role="toolbar" aria-label="Commands">
      <div class="brand" title={`${ctl.doc().name}${ctl.modified() ? ' (modified)' : ''}`}>
        <span class="brand-mark">∂</span>
        <span class="doc-name">{ctl.doc().name}</span>
        <span class="modified-dot" classList={{ visible: ctl.modified() }} aria-label={ctl.modified() ? 'modified' : undefined} />
      </div>
      <div class="group">
        <button type="button" title={tip('New workbook', 'newWorkbook')} onClick={commands.newWorkbook}>New</button>
        <button type="button" title={tip('Open a workbook', 'open')} onClick={commands.open}>Open…</button>
        <OpenRecentMenu bridge={bridge} commands={commands} />
        <button type="button" title={tip('Save', 'save')} onClick={commands.save}>Save</button>
        <button type="button" title={tip('Save under a new name', 'saveAs')} onClick={commands.saveAs}>Save As…</button>
        <button type="button" title={tip('Export as a PyTorch or NumPy module, or an Excel workbook', 'exportAs')} onClick={() => setExportAsOpen(true)}>Export as…</button>
        <Show when={exportAsOpen()}>
          <ExportAsDialog deps={{ bridge, workbookText: ctl.workbookText, workbookName: () => ctl.doc().name, setAlert: ctl.setAlert, setNotice: ctl.setNotice }} />
        </Show>
        <select
          aria-label="Examples"
          title="Open an example workbook (also Help › Examples)"
          class="examples"
          onChange={(e) => {
            const id = e.currentTarget.value
            e.currentTarget.value = ''
            if (id) commands.openExample(id)
          }}
        >
          <option value="">Examples…</option>
          <For each={examples() ?? []}>{(ex) => <option value={ex.id}>{ex.title}</option>}</For>
        </select>
      </div>
      <div class="group">
        <button type="button" aria-label="Undo" title={historyTooltip(ctl.history(), 'undo', 'Ctrl+Z')} disabled={!canUndo()} onClick={commands.undo}>↶ Undo</button>
        <button type="button" aria-label="Redo" title={historyTooltip(ctl.history(), 'redo', 'Ctrl+Y')} disabled={!canRedo()} onClick={commands.redo}>↷ Redo</button>
      </div>
      <div class="group">
        <button type="button" title={tip('Make the selected cell the objective J', 'setObjective')} onClick={commands.setObjectiveToSelection}>Set as objective</button>
        <button type="button" aria-pressed={isParam()} title={tip('Mark the selected cell as a trainable parameter', 'toggleParam')} onClick={commands.toggleParam}>Parameter</button>
        <button type="button" aria-pressed={trainingOpen()} title={tip('Train the parameters, check gradients', 'toggleTraining')} onClick={() => setTrainingOpen(!trainingOpen())}>Train…</button>
        <button type="button" aria-pressed={dataOpen()} title={tip('Import or export CSV data', 'toggleData')} onClick={() => setDataOpen(!dataOpen())}>Data…</button>
        {/* excel helper: the Sensitivity panel */}
        <button type="button" aria-pressed={sensitivityOpen()} title={tip('Which inputs matter: inputs ranked by |∂J/∂x| and elasticity', 'toggleSensitivity')} onClick={() => setSensitivityOpen(!sensitivityOpen())}>Sensitivity…</button>
      </div>
      <div class="group">
        <button type="button" aria-pressed={props.graph.open()} title={tip('Show or hide the computational graph', 'toggleGraph')} onClick={() => props.graph.setOpen(!props.graph.open())}>Graph</button>
        <button type="button" aria-pressed={view.showGradients()} title={tip('Show or hide ∂J/∂cell under each value', 'toggleGradients')} onClick={commands.toggleGradients}>Gradients</button>
        <button type="button" aria-label="Zoom out" title={tip('Zoom out', 'zoomOut')} onClick={() => view.zoomBy(-1)}>−</button>
        <button type="button" class="zoom-level" aria-label="Reset zoom" title={tip('Reset zoom', 'zoomReset')} onClick={() => view.zoomBy(0)}>{Math.round(view.zoom() * 100)}%</button>
        <button type="button" aria-label="Zoom in" title={tip('Zoom in', 'zoomIn')} onClick={() => view.zoomBy(1)}>+</button>
      </div>
      <div class="group">
        <button type="button" aria-pressed={referenceOpen()} title={tip('Formula reference: every function, searchable', 'formulaReference')} onClick={() => setReferenceOpen(!referenceOpen())}>ƒx Functions</button>
      </div>
      <div class="group">
        <HelpMenu ctl={ctl} view={view} commands={commands} />
      </div>
    </header>
  )
}

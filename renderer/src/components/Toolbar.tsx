// The command bar: web mode has no native menu, so every menu command is here too.
import { For, createResource } from 'solid-js'
import type { GradsheetBridge } from '../../../bridge/api'
import type { Commands } from '../app/commands'
import type { DocumentController } from '../app/document-controller'
import type { SheetView } from '../app/sheet-view'
import { dataOpen, setDataOpen } from '../data/panel-state'
import { setTrainingOpen, trainingOpen } from '../training/panel-state'
import { HelpMenu } from '../help/HelpMenu' // graph branch (issue 13): the Help menu
import { sensitivityOpen, setSensitivityOpen } from '../sensitivity/panel-state' // excel helper

export function Toolbar(props: { ctl: DocumentController; view: SheetView; commands: Commands; bridge: GradsheetBridge }) {
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
        <button type="button" onClick={commands.newWorkbook}>New</button>
        <button type="button" onClick={commands.open}>Open…</button>
        <button type="button" onClick={commands.save}>Save</button>
        <button type="button" onClick={commands.saveAs}>Save As…</button>
        <select
          aria-label="Examples"
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
        <button type="button" aria-label="Undo" title="Undo (Ctrl+Z)" disabled={!canUndo()} onClick={commands.undo}>↶ Undo</button>
        <button type="button" aria-label="Redo" title="Redo (Ctrl+Y)" disabled={!canRedo()} onClick={commands.redo}>↷ Redo</button>
      </div>
      <div class="group">
        <button type="button" title="Make the selected cell the objective J" onClick={commands.setObjectiveToSelection}>Set as objective</button>
        <button type="button" aria-pressed={isParam()} title="Mark the selected cell as a trainable parameter" onClick={commands.toggleParam}>Parameter</button>
        <button type="button" aria-pressed={trainingOpen()} title="Train the parameters, check gradients" onClick={() => setTrainingOpen(!trainingOpen())}>Train…</button>
        <button type="button" aria-pressed={dataOpen()} title="Import or export CSV data" onClick={() => setDataOpen(!dataOpen())}>Data…</button>
        {/* excel helper: the Sensitivity panel */}
        <button type="button" aria-pressed={sensitivityOpen()} title="Which inputs matter: inputs ranked by |∂J/∂x| and elasticity" onClick={() => setSensitivityOpen(!sensitivityOpen())}>Sensitivity…</button>
      </div>
      <div class="group">
        <button type="button" aria-pressed={view.showGradients()} onClick={commands.toggleGradients}>Gradients</button>
        <button type="button" aria-label="Zoom out" onClick={() => view.zoomBy(-1)}>−</button>
        <button type="button" class="zoom-level" aria-label="Reset zoom" title="Reset zoom" onClick={() => view.zoomBy(0)}>{Math.round(view.zoom() * 100)}%</button>
        <button type="button" aria-label="Zoom in" onClick={() => view.zoomBy(1)}>+</button>
      </div>
      <div class="group">
        <HelpMenu ctl={ctl} view={view} commands={commands} />
      </div>
    </header>
  )
}

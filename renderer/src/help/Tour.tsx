// The guided tour (tour-steps.ts): a window beside the sheet that builds the reference
// text's first example cell by cell. Next makes the step's edits (ordinary undoable
// actions) and selects the cell it talks about; it starts from an empty workbook.
import { Show, createSignal } from 'solid-js'
import type { DocumentController } from '../app/document-controller'
import type { SheetView } from '../app/sheet-view'
import { parseAddress } from '../model/address'
import { setHelpWindow } from './help-state'
import { HelpWindow } from './HelpWindow'
import { TOUR } from './tour-steps'

export function Tour(props: { ctl: DocumentController; view: SheetView }) {
  const [at, setAt] = createSignal(0)
  const [busy, setBusy] = createSignal(false)
  const step = () => TOUR[at()]
  const last = () => at() === TOUR.length - 1

  async function next(): Promise<void> {
    if (busy()) return
    setBusy(true)
    try {
      if (at() === 0) {
        // An empty sheet to build in; unsaved work is only dropped when the user agrees.
        if (props.ctl.modified() && !window.confirm(`${props.ctl.doc().name} has unsaved changes. Discard them and start the tour in a new workbook?`)) return
        if (!(await props.ctl.open(null))) return
      }
      const s = TOUR[at() + 1]
      if (s.edits && !(await props.ctl.act(`Tour: ${s.title}`, s.edits))) return
      const pos = s.select ? parseAddress(s.select) : null
      if (pos) props.view.select(pos, 'Sheet1')
      setAt(at() + 1)
    } finally {
      setBusy(false)
    }
  }

  return (
    <HelpWindow
      title="Guided tour"
      label="Guided tour"
      class="help-tour"
      footer={
        <footer class="help-foot">
          <span class="muted" data-tour-step>Step {at() + 1} of {TOUR.length}</span>
          <Show when={!last()} fallback={<button type="button" class="primary" onClick={() => setHelpWindow(null)}>Finish</button>}>
            <button type="button" class="primary" disabled={busy()} onClick={() => void next()}>{at() === 0 ? 'Start' : 'Next'}</button>
          </Show>
        </footer>
      }
    >
      <h3 data-tour-title>{step().title}</h3>
      <p data-tour-text>{step().text}</p>
    </HelpWindow>
  )
}

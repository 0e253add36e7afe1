// The small dialog behind File → Export as…: pick PyTorch, NumPy or Excel (with an
// optional gradients sheet), then the host asks where to write it (export-as.ts).
import { For, Show, createSignal, onCleanup, onMount } from 'solid-js'
import type { WorkbookExportKind } from '../../../bridge/api'
import { EXPORT_KINDS, exportWorkbookAs, setExportAsOpen, type ExportAsDeps } from './export-as'

export function ExportAsDialog(props: { deps: ExportAsDeps }) {
  const [kind, setKind] = createSignal<WorkbookExportKind>('pytorch')
  const [gradients, setGradients] = createSignal(false)
  const [busy, setBusy] = createSignal(false)
  let first: HTMLInputElement | undefined
  // Keyboard users go back to where they were (the grid) when the dialog closes.
  const previousFocus = document.activeElement as HTMLElement | null
  onMount(() => first?.focus())
  onCleanup(() => previousFocus?.focus?.())

  async function run(): Promise<void> {
    setBusy(true)
    await exportWorkbookAs(props.deps, kind(), gradients())
    setBusy(false)
    // Closed after a write, a refusal (the alert bar says which) or a cancel, like Save As.
    setExportAsOpen(false)
  }

  return (
    <div class="export-as-backdrop" onKeyDown={(e) => { if (e.key === 'Escape') setExportAsOpen(false) }}>
      <form class="export-as" role="dialog" aria-modal="true" aria-labelledby="export-as-title" onSubmit={(e) => { e.preventDefault(); void run() }}>
        <h2 id="export-as-title">Export as…</h2>
        <fieldset>
          <legend>Format</legend>
          <For each={EXPORT_KINDS}>
            {(option, i) => (
              <label>
                <input ref={(el) => { if (i() === 0) first = el }} type="radio" name="export-kind" value={option.kind} checked={kind() === option.kind} onChange={() => setKind(option.kind)} />
                {option.label}
              </label>
            )}
          </For>
          <Show when={kind() === 'xlsx'}>
            <label class="export-as-option">
              <input type="checkbox" checked={gradients()} onChange={(e) => setGradients(e.currentTarget.checked)} />
              Add ∂J/∂cell sheets (values)
            </label>
          </Show>
        </fieldset>
        <div class="export-as-buttons">
          <button type="button" onClick={() => setExportAsOpen(false)}>Cancel</button>
          <button type="submit" disabled={busy()}>Export…</button>
        </div>
      </form>
    </div>
  )
}

// J's value (or why gradients are unavailable), the selected cell's error, the last
// recompute time and how many cells are in error.
import { Show } from 'solid-js'
import type { Commands } from '../app/commands'
import type { DocumentController } from '../app/document-controller'
import type { WorkbookStore } from '../state/workbook-store'
import { formatNumber } from '../model/format'
import { LegendLink } from '../help/HelpMenu' // graph branch (issue 13): the legend, one click away

export function StatusBar(props: { store: WorkbookStore; ctl: DocumentController; commands: Commands }) {
  const { store, ctl, commands } = props
  const selectedError = () => {
    const v = commands.selectedCell()?.value
    return v?.kind === 'error' ? v.error : null
  }
  const objective = () => store.objective()
  return (
    <footer class="status-bar" role="status" aria-live="polite">
      <span class="status-main">
        <Show when={selectedError()} fallback={<Show when={ctl.busy()} fallback="Ready">computing…</Show>}>
          {(err) => <span class="status-error" data-status-error={err().code}>{err().code} {err().message}</span>}
        </Show>
      </span>
      <span class="status-objective" data-objective={objective().cell ?? ''} title={objective().value !== null ? String(objective().value) : undefined}>
        <Show when={objective().unavailableReason === null && objective().value !== null} fallback={<span class="muted">Gradients unavailable: {objective().unavailableReason ?? 'no objective is set.'}</span>}>
          J = <strong>{formatNumber(objective().value!)}</strong> <span class="muted">({objective().cell})</span>
        </Show>
      </span>
      <span class="status-time">{ctl.lastMs() === null ? '—' : `recomputed in ${ctl.lastMs()!.toFixed(1)} ms`}</span>
      <span class="status-errors" classList={{ 'has-errors': store.errorCount() > 0 }} data-error-count={store.errorCount()}>
        {store.errorCount()} {store.errorCount() === 1 ? 'error' : 'errors'}
      </span>
      <LegendLink />
    </footer>
  )
}

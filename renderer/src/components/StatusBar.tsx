// J's value (or why gradients are unavailable), the selected cell's error, the last
// recompute time and how many cells are in error; for a block selection, Sum, Average
// and Count of its numbers and its gradient: Σ ∂J/∂cell and the largest |∂J/∂cell|.
import { Show, createMemo, untrack } from 'solid-js'
import type { Commands } from '../app/commands'
import type { DocumentController } from '../app/document-controller'
import type { SheetView } from '../app/sheet-view'
import type { WorkbookStore } from '../state/workbook-store'
import { formatNumber } from '../model/format'
import { isSingleCell } from '../model/selection'
import { selectionStats } from '../model/selection-stats'
import { LegendLink } from '../help/HelpMenu' // graph branch (issue 13): the legend, one click away

export function StatusBar(props: { store: WorkbookStore; ctl: DocumentController; commands: Commands; view: SheetView }) {
  const { store, ctl, commands, view } = props
  const selectedError = () => {
    const v = commands.selectedCell()?.value
    return v?.kind === 'error' ? v.error : null
  }
  const objective = () => store.objective()
  // Re-read after every change list (each brings a new objective state) and selection change;
  // cells are read untracked so a large block does not subscribe to every key.
  const stats = createMemo(() => {
    store.objective()
    const r = view.rect()
    const sheet = view.activeSheet()
    if (isSingleCell(r)) return null
    // appscale (windowed views): figures over a block only once the store holds every cell's current view.
    if (!store.complete()) return null
    const used = commands.block.usedPart(sheet, r)
    return untrack(() => selectionStats(used ? commands.block.cellsIn(sheet, used) : []))
  })
  return (
    <footer class="status-bar" role="status" aria-live="polite">
      <span class="status-main">
        <Show when={selectedError()} fallback={<Show when={ctl.busy()} fallback="Ready">computing…</Show>}>
          {(err) => <span class="status-error" data-status-error={err().code}>{err().code} {err().message}</span>}
        </Show>
      </span>
      <Show when={stats()}>
        {(s) => (
          <span class="status-selection" data-selection-stats data-sum={s().sum} data-count={s().count} data-grad-sum={s().gradSum} data-grad-max={s().gradMaxAbs}>
            <Show when={s().count > 0}>
              <span>Sum <strong>{formatNumber(s().sum)}</strong></span>
              <span>Average <strong>{formatNumber(s().average!)}</strong></span>
            </Show>
            <span>Count <strong>{s().count}</strong></span>
            <Show when={s().gradCount > 0}>
              <span title="How much J changes if every selected number rises by 1">Σ ∂J/∂cell <strong>{formatNumber(s().gradSum)}</strong></span>
              <span title={`The largest |∂J/∂cell| in the selection, at ${s().gradMaxAt}`}>max |∂J/∂cell| <strong>{formatNumber(s().gradMaxAbs)}</strong> <span class="muted">({s().gradMaxAt})</span></span>
            </Show>
          </span>
        )}
      </Show>
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

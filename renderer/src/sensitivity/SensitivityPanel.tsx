// The Sensitivity panel: which inputs matter? Two tornado charts of the inputs J depends
// on, one ranked by |∂J/∂x| and one by |elasticity| (x/J · ∂J/∂x), the same ranking as
// `gradsheet sensitivity` (engine/export/sensitivity.ts). Clicking a row selects the
// cell in the grid. Plain SVG bars: a bar chart needs no plotting library.
import { For, Show, createMemo, createSignal } from 'solid-js'
import { sensitivityReport, type SensitivityEntry } from '../../../engine/export/sensitivity'
import type { SheetView } from '../app/sheet-view'
import { parseAddress } from '../model/address'
import type { WorkbookStore } from '../state/workbook-store'
import { storeReader } from './store-reader'
import { shortNumber, tornadoBars } from './tornado'
import './sensitivity.css'

const ROW = 22
const LABEL = 110
const CHART = 260
const VALUE = 70

export function SensitivityPanel(props: { store: WorkbookStore; view: SheetView; onClose: () => void }) {
  const { store, view } = props
  const [top, setTop] = createSignal(10)
  const report = createMemo(() => sensitivityReport(storeReader(store)))
  const byGrad = createMemo(() => report().inputs.slice(0, top()))
  const byElasticity = createMemo(() =>
    report().inputs
      .filter((e) => e.elasticity !== null)
      .map((e, i) => ({ e, i }))
      .sort((a, b) => Math.abs(b.e.elasticity!) - Math.abs(a.e.elasticity!) || a.i - b.i)
      .map((x) => x.e)
      .slice(0, top()),
  )

  function jump(entry: SensitivityEntry): void {
    const at = parseAddress(entry.address)
    if (at) view.select(at, entry.sheet)
  }

  return (
    <section class="sensitivity-panel" aria-label="Sensitivity">
      <div class="sensitivity-controls">
        <div class="training-title">
          <strong>Sensitivity</strong>
          <button type="button" class="close" aria-label="Close sensitivity" onClick={props.onClose}>×</button>
        </div>
        <Show when={report().gradients_unavailable === undefined} fallback={<p class="training-message">Gradients unavailable: {report().gradients_unavailable}</p>}>
          <p>J = {report().objective} = {shortNumber(report().J!)}</p>
          <p>{report().inputs.length} input{report().inputs.length === 1 ? '' : 's'} J depends on.</p>
        </Show>
        <label>
          Show top
          <select aria-label="Inputs shown" value={String(top())} onChange={(e) => setTop(Number(e.currentTarget.value))}>
            <For each={[5, 10, 20, 50]}>{(n) => <option value={String(n)}>{n}</option>}</For>
          </select>
        </label>
        <p class="training-message">Click a bar to go to the cell. Elasticity: % change of J per % change of the input.</p>
      </div>
      <Tornado title="|∂J/∂x|" entries={byGrad()} measure={(e) => e.grad} onPick={jump} />
      <Tornado title="Elasticity x/J · ∂J/∂x" entries={byElasticity()} measure={(e) => e.elasticity} onPick={jump} />
    </section>
  )
}

function Tornado(props: { title: string; entries: SensitivityEntry[]; measure: (e: SensitivityEntry) => number | null; onPick: (e: SensitivityEntry) => void }) {
  const bars = () => tornadoBars(props.entries.map(props.measure))
  const height = () => Math.max(1, props.entries.length) * ROW + 4
  return (
    <figure class="tornado">
      <figcaption>{props.title}</figcaption>
      <svg width={LABEL + CHART + VALUE} height={height()} role="list" aria-label={props.title}>
        <line x1={LABEL + CHART / 2} x2={LABEL + CHART / 2} y1={0} y2={height()} class="axis" />
        <For each={props.entries}>
          {(entry, i) => {
            const bar = () => bars()[i()]
            const value = () => props.measure(entry)
            const label = entry.name ?? entry.address
            return (
              <g
                role="listitem"
                tabindex="0"
                class="tornado-row"
                data-cell={entry.cell}
                aria-label={`${label} (${entry.cell}): ${value() === null ? 'n/a' : shortNumber(value()!)}`}
                onClick={() => props.onPick(entry)}
                onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), props.onPick(entry))}
                transform={`translate(0, ${i() * ROW + 2})`}
              >
                <rect x={0} y={0} width={LABEL + CHART + VALUE} height={ROW - 2} class="hit" />
                <text x={LABEL - 6} y={ROW / 2 + 3} text-anchor="end">{label.length > 14 ? label.slice(0, 13) + '…' : label}</text>
                <Show when={bar()}>
                  <rect x={LABEL + bar()!.x * CHART} y={3} width={Math.max(1, bar()!.width * CHART)} height={ROW - 8} class={bar()!.negative ? 'bar negative' : 'bar'} />
                </Show>
                <text x={LABEL + CHART + 4} y={ROW / 2 + 3}>{value() === null ? 'n/a' : shortNumber(value()!)}</text>
              </g>
            )
          }}
        </For>
      </svg>
    </figure>
  )
}

// The training dock: method, learning rate, steps, seed (stored in the workbook); Train/Stop,
// Randomize and Gradient check; a progress bar and a status line that stay in view; the
// live plot of J (log scale on request) with chosen parameters' trajectories; the
// gradient-check table.
import { For, Show, createEffect, createSignal, on } from 'solid-js'
import { DEFAULT_TOLERANCE } from '../../../engine/train/gradcheck'
import { METHODS } from '../../../engine/train/optimizers'
import { LossPlot } from './LossPlot'
import type { TrainingController } from './training-controller'
import './training.css'

const fmt = (x: number) => (Number.isFinite(x) ? x.toPrecision(6) : String(x))

export function TrainingPanel(props: { training: TrainingController; onClose: () => void }) {
  const t = props.training
  // A newly opened workbook brings its own stored settings (its `training` field).
  createEffect(on(t.loadCount, () => void t.loadSettings()))
  const num = (e: Event) => Number((e.currentTarget as HTMLInputElement).value)
  const [logScale, setLogScale] = createSignal(false)
  const [shown, setShown] = createSignal<number[]>([])
  // A new set of parameters (another workbook) starts with J alone.
  createEffect(on(t.paramLabels, () => setShown((list) => list.filter((i) => i < t.paramLabels().length)), { defer: true }))
  const toggle = (i: number) => setShown((list) => (list.includes(i) ? list.filter((k) => k !== i) : [...list, i].sort((a, b) => a - b)))

  return (
    <section class="training-panel" aria-label="Training">
      <div class="training-controls">
        <div class="training-form">
        <div class="training-title">
          <strong>Train parameters</strong>
          <button type="button" class="close" aria-label="Close training panel" onClick={props.onClose}>×</button>
        </div>
        <label>
          Method
          <select aria-label="Method" value={t.settings().method} disabled={t.running()} onChange={(e) => t.update({ method: e.currentTarget.value as never })}>
            <For each={t.methods}>{(m) => <option value={m}>{METHODS[m]}</option>}</For>
          </select>
        </label>
        <label>
          Learning rate
          <input aria-label="Learning rate" type="number" step="any" min="0" value={t.settings().learningRate} disabled={t.running()} onChange={(e) => t.update({ learningRate: num(e) })} />
        </label>
        <label>
          Steps
          <input aria-label="Steps" type="number" min="1" step="1" value={t.settings().steps} disabled={t.running()} onChange={(e) => t.update({ steps: num(e) })} />
        </label>
        <label title="Seed of Randomize parameters: the same seed gives the same start">
          Seed
          <input aria-label="Seed" type="number" step="1" value={t.settings().seed} disabled={t.running()} onChange={(e) => t.update({ seed: Math.trunc(num(e)) })} />
        </label>
        <div class="training-buttons">
          <Show when={t.running()} fallback={<button type="button" class="primary" onClick={() => void t.train()}>Train</button>}>
            <button type="button" class="danger" onClick={() => void t.stop()}>Stop</button>
          </Show>
          <button type="button" disabled={t.running()} onClick={() => void t.randomize()}>Randomize parameters</button>
          <button type="button" disabled={t.running()} onClick={() => void t.gradientCheck()}>Gradient check</button>
          <button type="button" disabled={t.running()} title="Gradient check of the selected cell (a number or a vector/matrix literal)" onClick={() => void t.gradientCheck(true)}>Check selected cell</button>
        </div>
        </div>
        <progress aria-label="Training progress" max={t.settings().steps} value={t.step()} />
        <div class="training-status" role="status" aria-live="polite" data-step={t.step()} data-j={t.lastJ() ?? ''} data-running={t.running() ? 'true' : 'false'}>
          <Show when={t.lastJ() !== null}>step {t.step()} / {t.settings().steps} · J = {fmt(t.lastJ()!)}</Show>
          <Show when={t.message()}>{(m) => <div class="training-message">{m()}</div>}</Show>
        </div>
      </div>
      <div class="training-plot">
        <div class="training-plot-options" role="group" aria-label="Plot options">
          <label><input type="checkbox" aria-label="Log scale" checked={logScale()} onChange={(e) => setLogScale(e.currentTarget.checked)} /> log scale</label>
          <Show when={t.paramLabels().length > 0}>
            <span class="muted">show:</span>
            <For each={t.paramLabels()}>
              {(label, i) => <label><input type="checkbox" aria-label={`Show ${label}`} checked={shown().includes(i())} onChange={() => toggle(i())} /> {label}</label>}
            </For>
          </Show>
        </div>
        <LossPlot curve={t.curve} paramLabels={t.paramLabels} shown={shown} logScale={logScale} pointCount={t.pointCount} />
      </div>
      <Show when={t.rows()}>
        {(rows) => (
          <div class="gradcheck">
            <table aria-label="Gradient check">
              <thead>
                <tr><th>cell</th><th>reverse pass</th><th>finite difference</th><th>relative error</th></tr>
              </thead>
              <tbody>
                <For each={rows()}>
                  {(r) => (
                    <tr classList={{ flagged: r.flagged }} data-flagged={r.flagged ? 'true' : 'false'}>
                      <td title={r.cell}>{r.label}</td>
                      <td>{fmt(r.reverse)}</td>
                      <td>{fmt(r.numeric)}</td>
                      <td>{r.relativeError.toExponential(1)}{r.flagged ? ' ⚠' : ''}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
            <div class="muted">Central differences, h = 1e-5·max(1, |x|); flagged above {DEFAULT_TOLERANCE.toExponential(0)}.</div>
          </div>
        )}
      </Show>
    </section>
  )
}

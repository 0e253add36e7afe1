// The player's controls (with a speed), the step being shown — for a backward step the
// chain-rule product and the local partials computed at that step — and the log of steps,
// scrolled with the current one on every change (by a button or by Play).
import { For, Show, createEffect, on } from 'solid-js'
import type { Step } from '../../../engine/explain/types'
import { SPEEDS, type Speed, type StepPlayer } from './step-player'

export function StepPlayerView(props: { player: StepPlayer; steps: Step[] }) {
  const p = props.player
  let list: HTMLOListElement | undefined
  // The log follows the index itself, so it is in sync however the step changed.
  createEffect(on(p.index, () => list?.querySelector('[aria-current="step"]')?.scrollIntoView({ block: 'nearest' }), { defer: true }))
  return (
    <section class="graph-player" aria-label="Step-through">
      <div class="graph-player-controls" role="group" aria-label="Step-through controls">
        <button type="button" onClick={p.reset}>Reset</button>
        <button type="button" onClick={p.back} disabled={(p.index() ?? -1) < 0}>Back</button>
        <button type="button" onClick={p.step} disabled={(p.index() ?? -1) >= props.steps.length - 1}>Step</button>
        <button type="button" aria-pressed={p.playing()} onClick={p.play}>{p.playing() ? 'Pause' : 'Play'}</button>
        <label class="graph-speed">
          Speed
          <select aria-label="Step-through speed" value={p.speed()} onChange={(e) => p.setSpeed(e.currentTarget.value as Speed)}>
            <For each={Object.keys(SPEEDS) as Speed[]}>{(s) => <option value={s}>{s}</option>}</For>
          </select>
        </label>
        <Show when={p.index() !== null}>
          <button type="button" onClick={p.stop} title="Leave the step-through and show every number">Show all</button>
        </Show>
        <span class="graph-muted" data-step-position>{p.index() === null ? '' : `${(p.index() ?? -1) + 1} / ${props.steps.length}`}</span>
      </div>
      <p class="graph-step-now" aria-live="polite" data-current-step>
        {p.current() ? `${p.current()!.phase === 'forward' ? 'Forward' : 'Backward'}: ${p.current()!.text}` : p.index() === -1 ? 'At the start: nothing is computed yet. Press Step.' : ''}
      </p>
      <Show when={p.partialsNow().length > 0}>
        <p class="graph-step-partials" data-step-partials>Local partials computed at this step: {p.partialsNow().join(', ')}</p>
      </Show>
      <Show when={p.index() !== null}>
        <ol class="graph-steps" ref={list} aria-label="Steps">
          <For each={props.steps}>
            {(s, i) => (
              <li data-step={i()} data-step-node={s.node} data-phase={s.phase} aria-current={p.index() === i() ? 'step' : undefined} classList={{ done: (p.index() ?? -1) >= i() }}>
                {s.text}
              </li>
            )}
          </For>
        </ol>
      </Show>
    </section>
  )
}
